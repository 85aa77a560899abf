using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Data;

/// <summary>The app's database on PostgreSQL: its migrations are in <c>Data/Migrations/PostgreSql</c>.</summary>
internal sealed class PostgreSqlMembershipDbContext(DbContextOptions<PostgreSqlMembershipDbContext> options) : MembershipDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // Text compares and sorts byte by byte, as on SQLite (BINARY): the same filters and the same order on both
        // engines, whatever locale the cluster was created with.
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}
