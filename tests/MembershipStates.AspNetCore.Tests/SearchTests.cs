using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary><c>POST /Users/.search</c> (RFC 7644 §3.4.3) answers exactly as the equivalent GET.</summary>
public abstract class SearchTests(SampleHostFixture host)
{
    private const string Schemas = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]";
    private readonly ScimClient _scim = host.Client();

    [SkippableFact]
    public async Task Search_AnswersAsTheEquivalentGet()
    {
        var prefix = "Search" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            (await _scim.PostAsync("/Users", Payloads.OktaCreate($"{prefix}{i}@example.com", Guid.NewGuid().ToString()))).ShouldBeUser(201);
        }

        var filter = $"userName sw \"{prefix}\"";
        var get = (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString(filter)}&startIndex=2&count=1&attributes=userName,active&excludedAttributes=active")).ShouldBe(200);
        var search = (await _scim.PostAsync("/Users/.search", "{" + Schemas + $$"""
            ,"filter":{{JsonValue.Create(filter).ToJsonString()}},"startIndex":2,"count":1,"attributes":["userName","active"],"excludedAttributes":["active"],"sortBy":"userName","sortOrder":"ascending"}
            """)).ShouldBe(200);

        JsonNode.DeepEquals(search.Json, get.Json).Should().BeTrue($"{search.Body} must equal {get.Body}");
        search.ShouldBeList(3).Should().ContainSingle().Which!.AsObject().Select(m => m.Key).Should().BeEquivalentTo("schemas", "id", "userName");
    }

    [SkippableFact]
    public async Task Search_WithAFilterTheGetRefuses_IsRefusedTheSameWay()
    {
        var get = await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString("userName zz \"a\"")}");
        var search = await _scim.PostAsync("/Users/.search", "{" + Schemas + ""","filter":"userName zz \"a\""}""");

        search.ShouldBeError(400, "invalidFilter");
        search.Status.Should().Be(get.Status);
    }

    [SkippableTheory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"filter":"userName eq \"a\""}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"count":"many"}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]""", "invalidSyntax")]
    public async Task Search_WithAWrongSchemaOrMalformedBody_Is400(string body, string scimType)
    {
        (await _scim.PostAsync("/Users/.search", body)).ShouldBeError(400, scimType);
    }

    [SkippableFact]
    public async Task GroupsSearch_AnswersAsTheEquivalentGet()
    {
        var get = (await _scim.GetAsync("/Groups?startIndex=1&count=5")).ShouldBe(200);
        var search = (await _scim.PostAsync("/Groups/.search", "{" + Schemas + ""","startIndex":1,"count":5}""")).ShouldBe(200);

        JsonNode.DeepEquals(search.Json, get.Json).Should().BeTrue($"{search.Body} must equal {get.Body}");
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : SearchTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : SearchTests(host), IClassFixture<PostgreSqlHost>;
}
