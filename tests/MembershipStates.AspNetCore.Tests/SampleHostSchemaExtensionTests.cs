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

        // The sample's filter map does not map the extension: a clear 400, never a 500 or a silent empty list.
        (await _acme.GetAsync($"/Users?filter={Uri.EscapeDataString($"{Urn}:badge eq \"x\"")}")).ShouldBeError(400, "invalidFilter");
    }

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
