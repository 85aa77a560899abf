using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Groups;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>A host that declares a User schema extension through the options, end to end over HTTP.</summary>
public sealed class SchemaExtensionTests
{
    private const string Organization = "acme";
    private const string Acme = "urn:example:params:scim:schemas:extension:acme:2.0:User";

    private static readonly ScimSchemaExtension AcmeExtension = new()
    {
        Id = Acme,
        Name = "AcmeUser",
        Description = "Acme's own attributes.",
        Attributes =
        [
            new() { Name = "badge", CaseExact = true },
            new() { Name = "remote", Type = ScimAttributeType.Boolean },
            new() { Name = "secret", Returned = ScimReturned.Request },
            new() { Name = "level", Type = ScimAttributeType.Integer },
            new() { Name = "hired", Mutability = ScimMutability.ReadOnly },
            new() { Name = "pin", Mutability = ScimMutability.WriteOnly },
            new()
            {
                Name = "office",
                Type = ScimAttributeType.Complex,
                SubAttributes = [new() { Name = "building" }, new() { Name = "floor", Type = ScimAttributeType.Integer }],
            },
        ],
    };

    private readonly InMemoryTwoStateStore _store = new();

    [Fact]
    public async Task Schemas_ListTheExtension_AfterTheEnterpriseOne()
    {
        await using var app = await StartAsync(_store, options => options.SchemaExtensions.Add(AcmeExtension));
        var client = Client(app);

        var list = (await client.GetAsync("/Schemas")).ShouldBeList(3);
        var one = (await client.GetAsync($"/Schemas/{Acme}")).ShouldBe(200).Json;

        list.Select(s => (string)s!["id"]!).Should().Equal(ScimSchemaUris.User, ScimSchemaUris.EnterpriseUser, Acme);
        one["schemas"]!.AsArray().Select(s => (string)s!).Should().Equal("urn:ietf:params:scim:schemas:core:2.0:Schema");
        ((string)one["name"]!).Should().Be("AcmeUser");
        one["attributes"]!.AsArray().Select(a => (string)a!["name"]!).Should().Equal("badge", "remote", "secret", "level", "hired", "pin", "office");
        ((string)one["attributes"]![1]!["type"]!).Should().Be("boolean");
        ((string)one["attributes"]![2]!["returned"]!).Should().Be("request");
        ((string)one["meta"]!["location"]!).Should().EndWith($"/Schemas/{Acme}");
    }

    [Fact]
    public async Task ResourceTypes_ListTheExtensionAsOptional()
    {
        await using var app = await StartAsync(_store, options => options.SchemaExtensions.Add(AcmeExtension));

        var user = (await Client(app).GetAsync("/ResourceTypes/User")).ShouldBe(200).Json;

        user["schemaExtensions"]!.AsArray().Select(e => ((string)e!["schema"]!, (bool)e["required"]!))
            .Should().Equal((ScimSchemaUris.EnterpriseUser, false), (Acme, false));
    }

    [Fact]
    public async Task Post_KeepsTheExtension_AndGetReturnsIt()
    {
        await using var app = await StartAsync(_store, options => options.SchemaExtensions.Add(AcmeExtension));
        var client = Client(app);

        var created = (await client.PostAsync("/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Acme}}}"],"userName":"ada@example.com",
             "{{{Acme}}}":{"badge":"B-7","remote":"True","secret":"s3","office":{"building":"North","floor":3},"colour":"red"}}
            """)).ShouldBeUser(201);
        var read = (await client.GetAsync($"/Users/{created.Id}")).ShouldBeUser().Json;
        var asked = (await client.GetAsync($"/Users/{created.Id}?attributes={Acme}:secret")).ShouldBe(200).Json;

        read["schemas"]!.AsArray().Select(s => (string)s!).Should().Equal(ScimSchemaUris.User, Acme);
        JsonNode.DeepEquals(read[Acme], JsonNode.Parse("""{"badge":"B-7","remote":true,"office":{"building":"North","floor":3}}"""))
            .Should().BeTrue("the declared attributes are kept (Entra's \"True\" as a boolean), the undeclared colour is not, and secret is returned on request only: {0}", read[Acme]?.ToJsonString());
        ((string)asked[Acme]!["secret"]!).Should().Be("s3");
        _store.Of(Organization).Active[created.Id].Attributes.AdditionalAttributes.Should().ContainKey(Acme);
    }

    [Fact]
    public async Task Patch_UnderTheExtension_IsApplied_AndAnUndeclaredPathIs400()
    {
        await using var app = await StartAsync(_store, options => options.SchemaExtensions.Add(AcmeExtension));
        var client = Client(app);
        var created = (await client.PostAsync("/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com","{{{Acme}}}":{"badge":"B-7"}}
            """)).ShouldBeUser(201);

        var patched = (await client.PatchAsync($"/Users/{created.Id}", Patch($$$"""
            {"op":"replace","path":"{{{Acme}}}:badge","value":"B-8"},
            {"op":"add","path":"{{{Acme}}}:office.floor","value":4},
            {"op":"replace","value":{"{{{Acme}}}":{"remote":"False"} } }
            """))).ShouldBeUser().Json;
        var undeclared = await client.PatchAsync($"/Users/{created.Id}", Patch($$$"""
            {"op":"replace","path":"{{{Acme}}}:badge","value":"B-9"},
            {"op":"replace","path":"{{{Acme}}}:colour","value":"red"}
            """));
        var reread = (await client.GetAsync($"/Users/{created.Id}")).ShouldBeUser().Json;

        JsonNode.DeepEquals(patched[Acme], JsonNode.Parse("""{"badge":"B-8","office":{"floor":4},"remote":false}"""))
            .Should().BeTrue(patched[Acme]?.ToJsonString());
        undeclared.ShouldBeError(400, ScimErrorTypes.InvalidPath);
        undeclared.Body.Should().Contain("colour");
        ((string)reread[Acme]!["badge"]!).Should().Be("B-8", "nothing of a refused PATCH applies");
    }

    [Fact]
    public async Task Post_AValueOfTheWrongType_Is400InvalidValue_AndStoresNothing()
    {
        await using var app = await StartAsync(_store, options => options.SchemaExtensions.Add(AcmeExtension));

        var answer = await Client(app).PostAsync("/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com","{{{Acme}}}":{"office":{"floor":"third"} } }
            """);

        answer.ShouldBeError(400, ScimErrorTypes.InvalidValue);
        answer.Body.Should().Contain($"{Acme}:office.floor");
        _store.Of(Organization).Active.Should().BeEmpty();
    }

    [Fact]
    public async Task FiltersAndSortBy_NameExtensionAttributes_AndCompareAsDeclared()
    {
        await using var app = await StartAsync(_store, options => options.SchemaExtensions.Add(AcmeExtension));
        var client = Client(app);
        var ada = await CreateAsync(client, "ada", $$$"""{"badge":"B-7","level":10,"office":{"floor":3}}""");
        var bob = await CreateAsync(client, "bob", $$$"""{"badge":"b-7","level":9}""");

        var exact = (await client.GetAsync($"/Users?filter={Uri.EscapeDataString($"{Acme}:badge eq \"B-7\"")}")).ShouldBeList(1);
        var numeric = (await client.GetAsync($"/Users?filter={Uri.EscapeDataString($"{Acme}:level gt 9.5 or {Acme}:office.floor pr")}")).ShouldBeList(1);
        var sorted = (await client.GetAsync($"/Users?sortBy={Uri.EscapeDataString($"{Acme}:level")}")).ShouldBeList(2);
        var searched = (await client.PostAsync("/Users/.search", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"{{{Acme}}}:badge eq \"b-7\"","sortBy":"{{{Acme}}}:level","sortOrder":"descending"}
            """)).ShouldBeList(1);

        ((string)exact[0]!["id"]!).Should().Be(ada, "badge is caseExact");
        ((string)numeric[0]!["id"]!).Should().Be(ada);
        sorted.Select(u => (string)u!["id"]!).Should().Equal(bob, ada);
        ((string)searched[0]!["id"]!).Should().Be(bob);
        (await client.GetAsync($"/Users?filter={Uri.EscapeDataString($"{Acme}:colour eq \"red\"")}")).ShouldBeError(400, ScimErrorTypes.InvalidFilter);
        (await client.GetAsync($"/Users?filter={Uri.EscapeDataString($"{Acme}:pin eq \"1\"")}")).ShouldBeError(400, ScimErrorTypes.InvalidFilter);
        (await client.GetAsync($"/Users?sortBy={Uri.EscapeDataString($"{Acme}:colour")}")).ShouldBeError(400, ScimErrorTypes.InvalidValue);
    }

    [Fact]
    public async Task Mutability_ReadOnlyIsIgnoredOrRefused_AndWriteOnlyIsNeverReturned()
    {
        await using var app = await StartAsync(_store, options => options.SchemaExtensions.Add(AcmeExtension));
        var client = Client(app);
        var id = await CreateAsync(client, "ada", $$$"""{"badge":"B-7","hired":"2020","pin":"1234"}""");

        var read = (await client.GetAsync($"/Users/{id}")).ShouldBeUser().Json;
        var patch = await client.PatchAsync($"/Users/{id}", Patch($$$"""{"op":"replace","path":"{{{Acme}}}:badge","value":"B-8"},{"op":"replace","path":"{{{Acme}}}:hired","value":"2021"}"""));
        var reread = (await client.GetAsync($"/Users/{id}")).ShouldBeUser().Json;

        JsonNode.DeepEquals(read[Acme], JsonNode.Parse("""{"badge":"B-7"}""")).Should().BeTrue("hired was ignored and pin is never returned: {0}", read[Acme]?.ToJsonString());
        _store.Of(Organization).Active[id].Attributes.AdditionalAttributes![Acme].GetProperty("pin").GetString().Should().Be("1234", "writeOnly values are kept");
        patch.ShouldBeError(400, ScimErrorTypes.Mutability);
        ((string)reread[Acme]!["badge"]!).Should().Be("B-7", "nothing of a refused PATCH applies");
    }

    [Fact]
    public async Task WithoutTheOption_TheExtensionIsUnknownEverywhere()
    {
        await using var app = await StartAsync(_store);
        var client = Client(app);

        var created = (await client.PostAsync("/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com","{{{Acme}}}":{"badge":"B-7"}}
            """)).ShouldBeUser(201);

        created.Json.AsObject().ContainsKey(Acme).Should().BeFalse();
        (await client.GetAsync($"/Schemas/{Acme}")).ShouldBeError(404);
        (await client.PatchAsync($"/Users/{created.Id}", Patch($$$"""{"op":"replace","path":"{{{Acme}}}:badge","value":"B-8"}""")))
            .ShouldBeError(400, ScimErrorTypes.InvalidPath);
    }

    [Fact]
    public async Task Start_WithABadDeclaration_FailsNamingIt()
    {
        var start = () => StartAsync(_store, options =>
        {
            options.SchemaExtensions.Add(AcmeExtension);
            options.SchemaExtensions.Add(new ScimSchemaExtension
            {
                Id = "urn:ietf:params:scim:schemas:core:2.0:User",
                Name = "Clash",
                Attributes = [new() { Name = "first name" }, new() { Name = "badge", Uniqueness = ScimUniqueness.Server }],
            });
        });

        var failure = await start.Should().ThrowAsync<OptionsValidationException>();
        failure.Which.Message.Should().Contain("SchemaExtensions")
            .And.Contain("\"urn:ietf:params:scim:schemas:core:2.0:User\": the id is a schema this package defines")
            .And.Contain("\"first name\": the name must start with a letter")
            .And.Contain("\"badge\": uniqueness \"server\" is not enforced by this package");
    }

    private static async Task<string> CreateAsync(ScimClient client, string name, string extension) =>
        (await client.PostAsync("/Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{{name}}}@example.com","{{{Acme}}}":{{{extension}}}}
            """)).ShouldBeUser(201).Id;

    private static string Patch(string operations) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operations}}]}""";

    private static ScimClient Client(WebApplication app) =>
        new(app.GetTestClient(), $"/scim/v2/organizations/{Organization}", "token-" + Organization);

    private static async Task<WebApplication> StartAsync(InMemoryTwoStateStore store, Action<MembershipStatesOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IScimMemberStore>(store);
        builder.Services.AddSingleton<IScimOrganizationResolver, OneOrganization>();
        builder.Services.AddMembershipStates(configure);
        var app = builder.Build();
        try
        {
            app.MapMembershipStates();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private sealed class OneOrganization : IScimOrganizationResolver
    {
        public ValueTask<string?> ResolveAsync(HttpContext httpContext, string? routeOrganization, string? bearerToken, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(routeOrganization == Organization && bearerToken == "token-" + Organization ? routeOrganization : null);
    }
}
