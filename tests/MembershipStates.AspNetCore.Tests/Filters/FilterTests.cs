using System.Data.Common;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests.Filters;

/// <summary>
/// Filters on every kind of User attribute against the sample host, in SQL on each engine: the examples providers and
/// people send, multi-valued attributes matching on any value, and case folding in every script.
/// </summary>
public abstract class FilterTests(SampleHostFixture host)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private readonly ScimClient _scim = host.Client();

    [SkippableFact]
    public async Task EveryExampleFilter_FindsExactlyTheUsersItDescribes()
    {
        var tag = "F" + Guid.NewGuid().ToString("N")[..8];
        var babs = await CreateAsync(tag, "babs", new JsonObject
        {
            ["title"] = "Tour Guide",
            ["userType"] = "Employee",
            ["displayName"] = "Babs Jensen",
            ["emails"] = new JsonArray(
                new JsonObject { ["value"] = $"babs.{tag}@home.example", ["type"] = "home" },
                new JsonObject { ["value"] = $"Barbara.{tag}@Example.com", ["type"] = "work", ["primary"] = true }),
            ["addresses"] = new JsonArray(
                new JsonObject { ["locality"] = "Hollywood", ["country"] = "US", ["type"] = "home" },
                new JsonObject { ["locality"] = "Göteborg", ["country"] = "SE", ["type"] = "work" }),
            [Enterprise] = new JsonObject { ["employeeNumber"] = "701984", ["department"] = "Tour Operations" },
        });
        var jose = await CreateAsync(tag, "jose", new JsonObject
        {
            ["displayName"] = "José.Dover",
            ["userType"] = "Contractor",
            ["name"] = new JsonObject { ["givenName"] = "José", ["familyName"] = "Doverström" },
            ["emails"] = new JsonArray(new JsonObject { ["value"] = $"jose.{tag}@home.example", ["type"] = "home", ["primary"] = true }),
            ["phoneNumbers"] = new JsonArray(new JsonObject { ["value"] = "+46 31 555 0100", ["type"] = "mobile" }),
            [Enterprise] = new JsonObject { ["department"] = "Sales", ["manager"] = new JsonObject { ["value"] = "boss-1" } },
        });
        var sisyphus = await CreateAsync(tag, "sisyphus", new JsonObject
        {
            ["displayName"] = "ΣΊΣΥΦΟΣ",
            ["title"] = "Rock Mover",
            ["emails"] = new JsonArray(),
        });

        var cases = new (string Filter, string[] Expected)[]
        {
            ("title eq \"tour guide\"", [babs]),
            ("userType eq \"EMPLOYEE\"", [babs]),
            ("userType ne \"employee\"", [jose]),
            ("emails.type eq \"work\"", [babs]),
            ("emails[type eq \"home\"]", [babs, jose]),
            ("emails[type eq \"work\"]", [babs]),
            ("emails[primary eq true].value sw \"barbara.\"", [babs]),
            ("emails[primary eq true].value sw \"babs.\"", []),
            ("emails[type eq \"work\" and primary eq true].value ew \"@EXAMPLE.COM\"", [babs]),
            ($"emails.value eq \"BABS.{tag}@HOME.EXAMPLE\"", [babs]),
            ($"emails eq \"jose.{tag}@home.example\"", [jose]),
            ($"{Enterprise}:employeeNumber eq \"701984\"", [babs]),
            ($"{Enterprise}:department eq \"tour operations\"", [babs]),
            ($"{Enterprise}:department co \"ALE\"", [jose]),
            ($"{Enterprise}:manager.value eq \"BOSS-1\"", [jose]),
            ("addresses.locality eq \"göteborg\"", [babs]),
            ("addresses[type eq \"work\" and country eq \"se\"]", [babs]),
            ("addresses[type eq \"home\" and country eq \"se\"]", []),
            ("displayName ew \"OSÉ.DOVER\"", [jose]),
            ("displayName eq \"σίσυφος\"", [sisyphus]),
            ("name.familyName sw \"DOVERSTRÖ\"", [jose]),
            ("phoneNumbers[type eq \"mobile\"].value co \"555\"", [jose]),
            ("emails pr", [babs, jose]),
            ("not (emails pr)", [sisyphus]),
            ("title pr and not (title eq \"tour guide\")", [sisyphus]),
            ("meta.resourceType eq \"User\" and active eq true", [babs, jose, sisyphus]),
        };
        foreach (var (filter, expected) in cases)
        {
            (await FindAsync(tag, filter)).Should().BeEquivalentTo(expected, filter);
        }
    }

    [SkippableFact]
    public async Task Deactivation_KeepsEveryValueFilterable_AndWritesNoValue()
    {
        var tag = "D" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreateAsync(tag, "kim", new JsonObject
        {
            ["emails"] = new JsonArray(
                new JsonObject { ["value"] = $"kim.{tag}@home.example", ["type"] = "home" },
                new JsonObject { ["value"] = $"kim.{tag}@work.example", ["type"] = "work" }),
        });
        var before = await ValueRowVersionsAsync(id);

        (await _scim.PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false))).ShouldBeUser();

        (await ValueRowVersionsAsync(id)).Should().Equal(before, "a deactivation moves the membership row and leaves the values alone");
        (await FindAsync(tag, $"emails[type eq \"work\"].value eq \"KIM.{tag}@WORK.EXAMPLE\" and active eq false")).Should().Equal(id);

        (await _scim.PatchAsync($"/Users/{id}", Payloads.OktaSetActive(true))).ShouldBeUser();
        (await ValueRowVersionsAsync(id)).Should().Equal(before);
        (await FindAsync(tag, "emails[type eq \"home\"]")).Should().Equal(id);
    }

    [SkippableFact]
    public async Task ChangedAndRemovedMembers_ChangeAndRemoveTheirValues()
    {
        var tag = "C" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreateAsync(tag, "lee", new JsonObject
        {
            ["emails"] = new JsonArray(new JsonObject { ["value"] = $"lee.{tag}@old.example", ["type"] = "work" }),
        });
        var replace = $$"""{"schemas":["{{Payloads.PatchOp}}"],"Operations":[{"op":"replace","path":"emails[type eq \"work\"].value","value":"lee.{{tag}}@new.example"}]}""";

        (await _scim.PatchAsync($"/Users/{id}", replace)).ShouldBeUser();

        (await FindAsync(tag, "emails.value ew \"@old.example\"")).Should().BeEmpty();
        (await FindAsync(tag, "emails.value ew \"@new.example\"")).Should().Equal(id);

        (await _scim.DeleteAsync($"/Users/{id}")).ShouldBe(204);
        (await ValueRowVersionsAsync(id)).Should().BeEmpty();
    }

    [SkippableTheory]
    [InlineData("meta.location eq \"x\"", "meta.location")]
    public async Task AFilterOnWhatTheHostDoesNotKeep_IsInvalidFilterListingWhatItCanFilterOn(string filter, string named)
    {
        var answer = (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString(filter)}")).ShouldBeError(400, "invalidFilter");

        answer.Body.Should().Contain(named).And.Contain("emails.value").And.Contain("title").And.Contain("addresses.locality");
    }

    [SkippableTheory]
    [InlineData("password eq \"x\"", "'password' is writeOnly")]
    [InlineData("emails.frobnicate eq \"x\"", "'frobnicate' is not a sub-attribute of 'emails'")]
    [InlineData("frobnicate pr", "'frobnicate' is not an attribute of the User resource")]
    [InlineData("emails[frobnicate eq \"x\"]", "'frobnicate' is not a sub-attribute of 'emails'")]
    [InlineData("urn:example:ext:1.0:User:badge eq \"x\"", "does not serve")]
    public async Task AFilterOnWhatNoSchemaDeclares_IsInvalidFilterSayingSo(string filter, string named)
    {
        var answer = (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString(filter)}")).ShouldBeError(400, "invalidFilter");

        answer.Body.Should().Contain(named);
    }

    private async Task<string> CreateAsync(string tag, string name, JsonObject attributes)
    {
        attributes["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", Enterprise);
        attributes["userName"] = $"{name}.{tag}@example.com";
        return (await _scim.PostAsync("/Users", attributes.ToJsonString())).ShouldBeUser(201).Id;
    }

    private async Task<List<string>> FindAsync(string tag, string filter)
    {
        var scoped = $"userName ew \".{tag}@example.com\" and ({filter})";
        var answer = (await _scim.GetAsync($"/Users?count=100&filter={Uri.EscapeDataString(scoped)}")).ShouldBe(200);
        return [.. answer.Json["Resources"]!.AsArray().Select(user => (string)user!["id"]!)];
    }

    /// <summary>The physical identity of each of the member's value rows (SQLite's rowid, PostgreSQL's ctid): a rewrite changes it.</summary>
    private async Task<List<string>> ValueRowVersionsAsync(string scimId)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            var identity = host.Engine == Engine.Sqlite ? "CAST(rowid AS TEXT)" : "ctid::text";
            command.CommandText = $"SELECT {identity} FROM member_values WHERE \"ScimId\" = @id ORDER BY \"Attribute\", \"Position\"";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "id";
            parameter.Value = scimId;
            command.Parameters.Add(parameter);
            var rows = new List<string>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : FilterTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : FilterTests(host), IClassFixture<PostgreSqlHost>;
}
