using System.Text;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>Input the server must refuse rather than store or fail on: a refused request changes nothing.</summary>
public abstract class StrictInputTests(SampleHostFixture host)
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private readonly ScimClient _scim = host.Client();

    [SkippableTheory]
    [InlineData("""{"op":"add","path":"frobnicateAttribute","value":"x"}""")]
    [InlineData("""{"op":"replace","path":"name.frobnicate","value":"x"}""")]
    [InlineData("""{"op":"add","path":"urn:example:ext:1.0:User:badge","value":"B-7"}""")]
    [InlineData("""{"op":"replace","value":{"frobnicateAttribute":"x"}}""")]
    public async Task Patch_UndeclaredPathBesideActiveFalse_Is400InvalidPathAndChangesNothing(string undeclared)
    {
        var created = (await _scim.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Strict"), Guid.NewGuid().ToString()))).ShouldBeUser(201);

        (await _scim.PatchAsync($"/Users/{created.Id}",
            "{\"schemas\":[\"" + PatchOp + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}," + undeclared + "]}"))
            .ShouldBeError(400, "invalidPath");

        var after = (await _scim.GetAsync($"/Users/{created.Id}")).ShouldBeUser();
        after.Active.Should().BeTrue();
        after.ETag.Should().Be(created.ETag);
        after.Body.Should().NotContain("frobnicate").And.NotContain("badge");
    }

    [SkippableFact]
    public async Task EntraAndOktaPaths_AreStillAccepted()
    {
        var created = (await _scim.PostAsync("/Users", Payloads.EntraCreate(Payloads.NewUserName("Strict"), Guid.NewGuid().ToString()))).ShouldBeUser(201);

        (await _scim.PatchAsync($"/Users/{created.Id}", Payloads.EntraMultiReplace("Given", "work@example.com", "E-1"))).ShouldBeUser();
        (await _scim.PatchAsync($"/Users/{created.Id}", Payloads.EntraSetActiveDefault(active: false))).ShouldBeUser().Active.Should().BeFalse();
        (await _scim.PatchAsync($"/Users/{created.Id}", Payloads.OktaSetActive(active: true))).ShouldBeUser().Active.Should().BeTrue();
    }

    [SkippableFact]
    public async Task Post_WithInvalidUtf8_Is400InvalidSyntaxAndStoresNothing()
    {
        var userName = Payloads.NewUserName("Utf8");
        var text = Payloads.OktaCreate(userName, Guid.NewGuid().ToString()).Replace("\"Ann\"", "\"A#n\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;

        (await _scim.SendAsync(HttpMethod.Post, "/Users", text, ScimClient.ScimJson, request =>
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", ScimClient.ScimJson);
        })).ShouldBeError(400, "invalidSyntax");

        (await _scim.FilterByUserNameAsync(userName)).ShouldBeList(0);
    }

    [SkippableTheory]
    [InlineData("/Users/{id}", """{"schemas":1,"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""")]
    [InlineData("/Users/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"\ud800"}]}""")]
    public async Task Patch_WithRepeatedNamesOrAnUnpairedSurrogate_Is400InvalidSyntaxNever500(string path, string body)
    {
        var created = (await _scim.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Dup"), Guid.NewGuid().ToString()))).ShouldBeUser(201);

        (await _scim.PatchAsync(path.Replace("{id}", created.Id, StringComparison.Ordinal), body))
            .ShouldBeError(400, "invalidSyntax");

        var after = (await _scim.GetAsync($"/Users/{created.Id}")).ShouldBeUser();
        after.Active.Should().BeTrue();
        after.ETag.Should().Be(created.ETag);
    }

    [SkippableFact]
    public async Task Post_WithARepeatedName_Is400InvalidSyntax()
    {
        var userName = Payloads.NewUserName("Dup");
        (await _scim.PostAsync("/Users", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","USERNAME":"other"}"""))
            .ShouldBeError(400, "invalidSyntax");

        (await _scim.FilterByUserNameAsync(userName)).ShouldBeList(0);
    }

    [SkippableFact]
    public async Task Post_WithAttributesNoSchemaDeclares_StoresAndAnswersOnlyTheDeclaredOnes()
    {
        var body = Payloads.OktaCreate(Payloads.NewUserName("Undeclared"), Guid.NewGuid().ToString())
            .Replace("\"schemas\"", "\"favouriteColour\":\"teal\",\"urn:example:ext:1.0:User\":{\"badge\":\"B-7\"},\"schemas\"", StringComparison.Ordinal);

        var created = (await _scim.PostAsync("/Users", body)).ShouldBeUser(201);
        var read = (await _scim.GetAsync($"/Users/{created.Id}")).ShouldBeUser();

        foreach (var answer in new[] { created, read })
        {
            answer.Body.Should().NotContain("favouriteColour").And.NotContain("urn:example:ext:1.0:User");
        }
    }

    [SkippableTheory]
    [InlineData("POST", "/ServiceProviderConfig")]
    [InlineData("PUT", "/ServiceProviderConfig")]
    [InlineData("PATCH", "/ServiceProviderConfig")]
    [InlineData("DELETE", "/ServiceProviderConfig")]
    [InlineData("POST", "/ResourceTypes")]
    [InlineData("DELETE", "/ResourceTypes/User")]
    [InlineData("PUT", "/Schemas")]
    [InlineData("PATCH", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User")]
    [InlineData("DELETE", "/schemas/urn:nope")]
    public async Task DiscoveryEndpoint_AnyMethodButGet_Is405WithAllowGet(string method, string path)
    {
        var answer = (await _scim.SendAsync(new HttpMethod(method), path, method is "DELETE" ? null : "{}", ScimClient.ScimJson, null)).ShouldBeError(405);

        answer.Header("Allow").Should().Be("GET");
        answer.Json["detail"]!.GetValue<string>().Should().Contain(method);
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : StrictInputTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : StrictInputTests(host), IClassFixture<PostgreSqlHost>;
}
