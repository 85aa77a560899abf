using Microsoft.EntityFrameworkCore.Design;

namespace MembershipStates.SampleHost.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add … --context SqliteMembershipDbContext</c>.</summary>
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteMembershipDbContext>
{
    public SqliteMembershipDbContext CreateDbContext(string[] args) =>
        (SqliteMembershipDbContext)new StorageConfiguration(StorageProvider.Sqlite, StorageConfiguration.DefaultSqliteConnectionString).CreateContext();
}

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add … --context PostgreSqlMembershipDbContext</c>; adding a migration connects to nothing.</summary>
internal sealed class PostgreSqlDesignTimeContext : IDesignTimeDbContextFactory<PostgreSqlMembershipDbContext>
{
    public PostgreSqlMembershipDbContext CreateDbContext(string[] args) =>
        (PostgreSqlMembershipDbContext)new StorageConfiguration(StorageProvider.PostgreSql, "Host=localhost;Database=membership").CreateContext();
}
