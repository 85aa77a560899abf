using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.Scim.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// The sample host with a User schema extension declared through the options, on each engine: its values are kept
/// through the database as sent, move with the member between the two tables, and survive a restart.
/// </summary>
public abstract class SampleHostSchemaExtensionTests(SampleHostFixture host)
{
    internal const string Urn = "urn:example:params:scim:schemas:extension:acme:2.0:User";

    private readonly ScimClient _acme = host.Client(SampleHostFixture.Acme);

    /// <summary>The extension the fixtures declare, as a host's start-up code would.</summary>
    internal static void Declare(IServiceCollection services) =>
        services.Configure<MembershipStatesOptions>(options => options.SchemaExtensions.Add(new ScimSchemaExtension
        {
            Id = Urn,
            Name = "AcmeUser",
            Attributes =
            [
                new() { Name = "badge", CaseExact = true },
                new() { Name = "remote", Type = ScimAttributeType.Boolean },
                new()
                {
                    Name = "office",
                    Type = ScimAttributeType.Complex,
                    SubAttributes = [new() { Name = "building" }, new() { Name = "floor", Type = ScimAttributeType.Integer }],
                },
                new() { Name = "costCenter" },
                new() { Name = "level", Type = ScimAttributeType.Integer },
                new() { Name = "score", Type = ScimAttributeType.Decimal },
                new() { Name = "since", Type = ScimAttributeType.DateTime },
                new() { Name = "skills", MultiValued = true },
                new() { Name = "hired", Mutability = ScimMutability.ReadOnly },
                new() { Name = "employeeId", Mutability = ScimMutability.Immutable },
                new() { Name = "pin", Mutability = ScimMutability.WriteOnly },
            ],
        }));

    [SkippableFact]
    public async Task ExtensionValues_AreKeptThroughTheDatabase_AcrossDeactivationAndARestart()
    {
        var userName = Payloads.NewUserName("Ext");
        var created = (await _acme.PostAsync("/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Urn}}}"],"userName":"{{{userName}}}","active":true,
             "{{{Urn}}}":{"badge":"B-Ünï 42","remote":"True","office":{"building":"Nord","floor":3},"undeclared":"dropped"}}
            """)).ShouldBeUser(201);
        var id = created.Id;

        (await _acme.PatchAsync($"/Users/{id}", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"replace","path":"{{{Urn}}}:office.floor","value":4},{"op":"replace","value":{"active":false}}]}
            """)).ShouldBeUser();
        var inactive = (await _acme.GetAsync($"/Users/{id}")).ShouldBeUser().Json;
        host.Restart();
        var afterRestart = (await host.Client(SampleHostFixture.Acme).GetAsync($"/Users/{id}")).ShouldBeUser().Json;

        foreach (var user in new[] { inactive, afterRestart })
        {
            ((bool)user["active"]!).Should().BeFalse();
            var extension = user[Urn]!;
            ((string)extension["badge"]!).Should().Be("B-Ünï 42", "stored as sent");
            ((bool)extension["remote"]!).Should().BeTrue("Entra's string boolean is stored as the boolean /Schemas declares");
            ((string)extension["office"]!["building"]!).Should().Be("Nord");
            ((int)extension["office"]!["floor"]!).Should().Be(4);
            extension["undeclared"].Should().BeNull("/Schemas tells the truth about what is stored");
            user["schemas"]!.AsArray().Select(s => (string)s!).Should().Contain(Urn);
        }
    }

    [SkippableFact]
    public async Task UndeclaredPaths_AreStill400_AndDiscoveryListsTheExtension()
    {
        var id = (await _acme.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Ext2"), "ext-" + Guid.NewGuid().ToString("N")), "application/json")).ShouldBeUser(201).Id;

        (await _acme.PatchAsync($"/Users/{id}", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"{{{Urn}}}:frobnicate","value":"x"}]}
            """)).ShouldBeError(400, "invalidPath");
        (await _acme.GetAsync($"/Schemas/{Urn}")).ShouldBe(200);
        var resourceType = (await _acme.GetAsync("/ResourceTypes/User")).ShouldBe(200).Json;
        resourceType["schemaExtensions"]!.AsArray().Select(e => (string?)e!["schema"]).Should().Contain(Urn);

        // Undeclared and writeOnly attributes cannot be filtered on: a clear 400, never a 500 or a silent empty list.
        (await _acme.GetAsync($"/Users?filter={Uri.EscapeDataString($"{Urn}:frobnicate eq \"x\"")}")).ShouldBeError(400, "invalidFilter");
        (await _acme.GetAsync($"/Users?filter={Uri.EscapeDataString($"{Urn}:pin eq \"x\"")}")).ShouldBeError(400, "invalidFilter");
        (await _acme.GetAsync($"/Users?sortBy={Uri.EscapeDataString($"{Urn}:frobnicate")}")).ShouldBeError(400, "invalidValue");
    }

    [SkippableFact]
    public async Task Filters_OnExtensionAttributes_RunInTheDatabase_AsDeclared()
    {
        var tag = "xf" + Guid.NewGuid().ToString("N")[..8];
        var ada = await CreateAsync(tag, "ada", $$$"""{"badge":"B-7","costCenter":"Nord","remote":"True","level":10,"score":2.5,"since":"2021-06-15T12:30:00Z","skills":["ml","Ops"],"office":{"building":"Nord","floor":3}}""");
        var bob = await CreateAsync(tag, "bob", $$$"""{"badge":"b-7","costCenter":"nord","remote":false,"level":3,"score":10,"since":"2020-01-01T00:00:00Z","skills":["ops"]}""", active: false);
        var cy = await CreateAsync(tag, "cy", "{}");

        (await FindAsync(tag, $"{Urn}:badge eq \"B-7\"")).Should().Equal(ada);
        (await FindAsync(tag, $"{Urn}:costCenter eq \"NORD\"")).Should().BeEquivalentTo([ada, bob], "costCenter is not caseExact");
        (await FindAsync(tag, $"{Urn}:remote eq true")).Should().Equal(ada);
        (await FindAsync(tag, $"{Urn}:level gt 9")).Should().Equal([ada], "10 > 9 as numbers, although \"10\" < \"9\" as text");
        (await FindAsync(tag, $"{Urn}:score lt 3")).Should().Equal(ada);
        (await FindAsync(tag, $"{Urn}:since lt \"2021-06-15T14:00:00+02:00\"")).Should().Equal([bob], "12:00 UTC is before 12:30 UTC");
        (await FindAsync(tag, $"{Urn}:skills eq \"OPS\"")).Should().BeEquivalentTo([ada, bob]);
        (await FindAsync(tag, $"{Urn}:office.floor ge 3 and {Urn}:office.building sw \"no\"")).Should().Equal(ada);
        (await FindAsync(tag, $"{Urn}:office pr")).Should().Equal(ada);
        (await FindAsync(tag, $"not ({Urn}:badge pr)")).Should().Equal(cy);

        var search = (await _acme.PostAsync("/Users/.search", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName sw \"{{{tag}}}\" and {{{Urn}}}:level ge 3","sortBy":"{{{Urn}}}:level","sortOrder":"descending"}
            """)).ShouldBeList(2);
        search.Select(u => (string)u!["id"]!).Should().Equal(ada, bob);
    }

    [SkippableFact]
    public async Task SortBy_ExtensionAttributes_OrdersAsDeclared()
    {
        var tag = "xs" + Guid.NewGuid().ToString("N")[..8];
        var nine = await CreateAsync(tag, "a", $$$"""{"badge":"a","level":9,"since":"2021-01-01T00:00:00Z"}""");
        var ten = await CreateAsync(tag, "b", $$$"""{"badge":"Z","level":10,"since":"2020-01-01T00:00:00+01:00"}""");
        var none = await CreateAsync(tag, "c", "{}");

        (await SortedAsync(tag, "level", "ascending")).Should().Equal(nine, ten, none);
        (await SortedAsync(tag, "level", "descending")).Should().Equal(none, ten, nine);
        (await SortedAsync(tag, "badge", "ascending")).Should().Equal([ten, nine, none], "badge is caseExact: 'Z' before 'a' by code point");
        (await SortedAsync(tag, "since", "ascending")).Should().Equal(ten, nine, none);
    }

    [SkippableFact]
    public async Task Mutability_IsEnforced_AndARefusedRequestChangesNothing()
    {
        var userName = Payloads.NewUserName("Mut");
        var created = (await _acme.PostAsync("/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{{userName}}}",
             "{{{Urn}}}":{"badge":"B-1","hired":"2020","employeeId":"E-1","pin":"1234"}}
            """)).ShouldBeUser(201);
        var id = created.Id;

        created.Json[Urn]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["badge", "employeeId"], "hired is readOnly and ignored; pin is writeOnly and never returned");
        (await _acme.GetAsync($"/Users/{id}?attributes={Urn}:pin")).ShouldBe(200).Json.AsObject().ContainsKey(Urn).Should().BeFalse();
        (await _acme.PatchAsync($"/Users/{id}", Patch($$$"""{"op":"replace","path":"{{{Urn}}}:badge","value":"B-2"},{"op":"add","path":"{{{Urn}}}:hired","value":"1999"}""")))
            .ShouldBeError(400, "mutability");
        (await _acme.PatchAsync($"/Users/{id}", Patch($$$"""{"op":"replace","path":"{{{Urn}}}:badge","value":"B-2"},{"op":"replace","path":"{{{Urn}}}:employeeId","value":"E-2"}""")))
            .ShouldBeError(400, "mutability");
        (await _acme.PutAsync($"/Users/{id}", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{{userName}}}","{{{Urn}}}":{"badge":"B-3","employeeId":"E-3"}}
            """)).ShouldBeError(400, "mutability");
        var unchanged = (await _acme.GetAsync($"/Users/{id}")).ShouldBeUser().Json;
        var replaced = (await _acme.PutAsync($"/Users/{id}", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{{userName}}}","{{{Urn}}}":{"badge":"B-4","hired":"1999"}}
            """)).ShouldBeUser().Json;

        ((string)unchanged[Urn]!["badge"]!).Should().Be("B-1", "nothing of a refused request applies");
        ((string)replaced[Urn]!["badge"]!).Should().Be("B-4");
        ((string)replaced[Urn]!["employeeId"]!).Should().Be("E-1", "a PUT that leaves an immutable value out keeps it");
        replaced[Urn]!.AsObject().ContainsKey("hired").Should().BeFalse("a readOnly value sent is ignored");
        (await FindAsync(userName, $"{Urn}:employeeId eq \"E-1\"")).Should().Equal(id);
    }

    private async Task<string> CreateAsync(string tag, string name, string extension, bool active = true) =>
        (await _acme.PostAsync("/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Urn}}}"],"userName":"{{{tag}}}.{{{name}}}@example.com","active":{{{(active ? "true" : "false")}}},"{{{Urn}}}":{{{extension}}}}
            """)).ShouldBeUser(201).Id;

    private async Task<List<string>> FindAsync(string userNamePrefix, string filter)
    {
        var list = (await _acme.GetAsync($"/Users?filter={Uri.EscapeDataString($"userName sw \"{userNamePrefix}\" and ({filter})")}")).ShouldBe(200).Json;
        return [.. list["Resources"]!.AsArray().Select(u => (string)u!["id"]!)];
    }

    private async Task<List<string>> SortedAsync(string tag, string attribute, string order)
    {
        var list = (await _acme.GetAsync($"/Users?filter={Uri.EscapeDataString($"userName sw \"{tag}\"")}&sortBy={Uri.EscapeDataString($"{Urn}:{attribute}")}&sortOrder={order}")).ShouldBe(200).Json;
        return [.. list["Resources"]!.AsArray().Select(u => (string)u!["id"]!)];
    }

    private static string Patch(string operations) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operations}}]}""";

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHostWithExtension host) : SampleHostSchemaExtensionTests(host), IClassFixture<SqliteHostWithExtension>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHostWithExtension host) : SampleHostSchemaExtensionTests(host), IClassFixture<PostgreSqlHostWithExtension>;
}

/// <summary>The sample host on a SQLite file of its own, declaring a User schema extension.</summary>
public sealed class SqliteHostWithExtension() : SampleHostFixture(Engine.Sqlite)
{
    protected override void ConfigureServices(IServiceCollection services) => SampleHostSchemaExtensionTests.Declare(services);
}

/// <summary>The sample host on a PostgreSQL database of its own, declaring a User schema extension.</summary>
public sealed class PostgreSqlHostWithExtension() : SampleHostFixture(Engine.PostgreSql)
{
    protected override void ConfigureServices(IServiceCollection services) => SampleHostSchemaExtensionTests.Declare(services);
}
