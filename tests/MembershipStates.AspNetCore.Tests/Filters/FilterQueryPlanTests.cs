using System.Data.Common;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using MembershipStates.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MembershipStates.AspNetCore.Tests.Filters;

/// <summary>
/// The lookups providers make are answered from an index on each engine, not by reading every member: the plan of
/// each filter's SQL (<c>EXPLAIN QUERY PLAN</c>, <c>EXPLAIN</c>) names the index. Not a timing: what the planner
/// says it will do.
/// </summary>
/// <remarks>
/// SQLite's planner is given statistics (<c>ANALYZE</c>, as <c>PRAGMA optimize</c> keeps them) of a table with many
/// members; PostgreSQL's is told to avoid sequential scans, which on the few rows here would otherwise be cheaper
/// than any index, so that it shows whether an index can answer the filter at all.
/// </remarks>
public abstract class FilterQueryPlanTests(SampleHostFixture host, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("userName eq \"Runscope1@atko.com\"", "IX_memberships_OrganizationId_NormalizedUserName")]
    [InlineData("userName sw \"runscope1\"", "IX_memberships_OrganizationId_NormalizedUserName")]
    [InlineData("externalId eq \"00u1\"", "IX_memberships_OrganizationId_ExternalId")]
    [InlineData("emails.value eq \"u1@contoso.com\"", "IX_member_values_Attribute_Value_ScimId")]
    [InlineData("emails[type eq \"work\"].value eq \"u1@contoso.com\"", "IX_member_values_Attribute_Value_ScimId")]
    [InlineData($"{SampleHostSchemaExtensionTests.Urn}:costCenter eq \"Nord\"", "IX_member_values_Attribute_Value_ScimId")]
    [InlineData($"{SampleHostSchemaExtensionTests.Urn}:badge sw \"B-\"", "IX_member_values_Attribute_Value_ScimId")]
    [InlineData($"{SampleHostSchemaExtensionTests.Urn}:level gt 5", "IX_member_values_Attribute_Integer_ScimId")]
    [InlineData($"{SampleHostSchemaExtensionTests.Urn}:score lt 2.5", "IX_member_values_Attribute_Number_ScimId")]
    [InlineData($"{SampleHostSchemaExtensionTests.Urn}:since ge \"2020-01-01T00:00:00Z\"", "IX_member_values_Attribute_Instant_ScimId")]
    public async Task ProviderLookups_AreAnsweredFromAnIndex(string filter, string index)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        await SeedAsync(db);

        // The map of a host that declares the tests' extension: the same tables, its attributes in member_values.
        var services = new ServiceCollection();
        SampleHostSchemaExtensionTests.Declare(services);
        var extensions = new ExtensionAttributes(services.BuildServiceProvider().GetRequiredService<Microsoft.Extensions.Options.IOptions<MembershipStatesOptions>>());
        var parsed = ScimFilter.Parse(filter, extensions.Schema).Value;
        var predicate = MemberFilter.Create(db, extensions).Translate(parsed).Value;
        var organizationId = await db.Organizations.Where(o => o.Name == SampleHostFixture.Acme).Select(o => o.Id).SingleAsync();
        var query = db.Members(organizationId, predicate).Select(m => m.ScimId);

        var plan = await PlanAsync(db, query);

        output.WriteLine($"{filter}\n{query.ToQueryString()}\n{plan}");
        plan.Should().Contain(index);
        plan.Should().NotMatchRegex(host.Engine == Engine.Sqlite ? @"SCAN memberships\b" : @"Seq Scan on memberships\b");
    }

    private async Task<string> PlanAsync(MembershipDbContext db, IQueryable<string> query)
    {
        await using var command = query.CreateDbCommand();
        var connection = command.Connection!;
        await connection.OpenAsync();
        try
        {
            if (host.Engine == Engine.PostgreSql)
            {
                await using var off = connection.CreateCommand();
                off.CommandText = "SET enable_seqscan = off";
                await off.ExecuteNonQueryAsync();
            }

            command.CommandText = (host.Engine == Engine.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
            var lines = new List<string>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(host.Engine == Engine.Sqlite ? reader.GetString(3) : reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            if (host.Engine == Engine.PostgreSql)
            {
                await using var on = connection.CreateCommand();
                on.CommandText = "RESET enable_seqscan";
                await on.ExecuteNonQueryAsync();
            }

            await connection.CloseAsync();
        }
    }

    /// <summary>Enough members for statistics that tell an index from a scan, once per database.</summary>
    private static async Task SeedAsync(MembershipDbContext db)
    {
        if (await db.MemberValues.CountAsync() >= 2000)
        {
            return;
        }

        var organizationId = await db.Organizations.Where(o => o.Name == SampleHostFixture.Acme).Select(o => o.Id).SingleAsync();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var users = Enumerable.Range(0, 2000).Select(i => new User { Email = $"{prefix}{i}@plan.example", NormalizedEmail = $"{prefix}{i}@PLAN.EXAMPLE" }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var now = DateTimeOffset.UnixEpoch;
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            var scimId = Guid.NewGuid().ToString();
            db.Memberships.Add(new Membership
            {
                OrganizationId = organizationId,
                UserId = user.Id,
                ScimId = scimId,
                Version = 1,
                UserName = $"{prefix}{i}@plan.example",
                NormalizedUserName = $"{prefix}{i}@PLAN.EXAMPLE",
                ExternalId = $"{prefix}{i}",
                Attributes = "{}",
                Created = now,
                LastModified = now,
            });
            db.MemberValues.Add(new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = "emails", Position = 0, Value = $"{prefix}{i}@CONTOSO.COM", Type = "WORK" });
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        db.ChangeTracker.Clear();
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host, ITestOutputHelper output) : FilterQueryPlanTests(host, output), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host, ITestOutputHelper output) : FilterQueryPlanTests(host, output), IClassFixture<PostgreSqlHost>;
}
