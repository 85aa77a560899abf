using System.Net.Http.Headers;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// Okta's "SCIM 2.0 SPEC Test" (pre-submission), its required steps in order, with the headers Okta sends.
/// </summary>
public abstract class OktaSpecTests(SampleHostFixture host)
{
    private readonly ScimClient _okta = host.Client();

    // GETs: Accept, Accept-Charset, a Content-Type even without a body, and Okta's User-Agent.
    private static void OktaGetHeaders(HttpRequestMessage request)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/scim+json");
        request.Headers.AcceptCharset.ParseAdd("utf-8");
        request.Headers.UserAgent.ParseAdd("OKTA SCIM Integration");
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/scim+json; charset=utf-8");
    }

    // POSTs: Content-Type application/json, Accept with a charset.
    private static void OktaPostHeaders(HttpRequestMessage request)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/scim+json; charset=utf-8");
        request.Headers.UserAgent.ParseAdd("OKTA SCIM Integration");
    }

    [SkippableFact]
    public async Task SpecTest_RequiredSteps_PassInOrder()
    {
        // Okta's suite needs one user to exist before it runs.
        var seeded = Payloads.NewUserName("Seeded");
        (await _okta.PostAsync("/Users", Payloads.OktaSpecUser(seeded, "Seed", "User"), "application/json", OktaPostHeaders)).ShouldBeUser(201);

        // 1. GET /Users?count=1&startIndex=1: a ListResponse whose first user has the fields Okta reads.
        var first = await _okta.GetAsync("/Users?count=1&startIndex=1", OktaGetHeaders);
        var resources = first.ShouldBeList(totalResults: ((int?)first.Json["totalResults"]) ?? -1);
        resources.Should().HaveCount(1);
        ((int)first.Json["startIndex"]!).Should().Be(1);
        var listed = resources[0]!;
        foreach (var path in new[] { "id", "userName", "active" })
        {
            listed[path].Should().NotBeNull("Resources[0] has {0}", path);
        }

        listed["name"]!["givenName"].Should().NotBeNull();
        listed["name"]!["familyName"].Should().NotBeNull();
        listed["emails"]![0]!["value"].Should().NotBeNull();
        var listedId = (string)listed["id"]!;

        // 2. GET /Users/{that id}: the same user.
        var read = (await _okta.GetAsync($"/Users/{listedId}", OktaGetHeaders)).ShouldBeUser();
        read.Id.Should().Be(listedId);
        read.Json["name"]!["givenName"].Should().NotBeNull();
        read.Json["emails"]![0]!["value"].Should().NotBeNull();

        // 3. A filter on an unknown userName: 200 with totalResults 0.
        (await _okta.GetAsync($"/Users?filter={Uri.EscapeDataString("userName eq \"abcdefgh@atko.com\"")}", OktaGetHeaders)).ShouldBeList(0).Should().BeEmpty();

        // 4. An unknown id: 404 with the Error schema and a detail.
        (await _okta.GetAsync("/Users/010101001010101011001010101011", OktaGetHeaders)).ShouldBeError(404);

        // 5. A filter on the userName about to be created: nothing yet.
        var userName = Payloads.NewUserName();
        (await _okta.GetAsync($"/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}", OktaGetHeaders)).ShouldBeList(0);

        // 6. POST: 201, active, an id, the name echoed, the User schema, the userName exactly as sent.
        var created = (await _okta.PostAsync("/Users", Payloads.OktaSpecUser(userName, "Runscope", "Tester"), "application/json", OktaPostHeaders)).ShouldBeUser(201);
        created.Active.Should().BeTrue();
        ((string?)created.Json["userName"]).Should().Be(userName);
        ((string?)created.Json["name"]!["givenName"]).Should().Be("Runscope");
        ((string?)created.Json["name"]!["familyName"]).Should().Be("Tester");
        created.Location.Should().EndWith($"/Users/{created.Id}");

        // 7. GET the new id: userName and name as created.
        var again = (await _okta.GetAsync($"/Users/{created.Id}", OktaGetHeaders)).ShouldBeUser();
        ((string?)again.Json["userName"]).Should().Be(userName);
        ((string?)again.Json["name"]!["familyName"]).Should().Be("Tester");

        // 8. The same POST again: 409.
        (await _okta.PostAsync("/Users", Payloads.OktaSpecUser(userName, "Runscope", "Tester"), "application/json", OktaPostHeaders))
            .ShouldBeError(409, "uniqueness");

        // 9. The filter with the userName in upper case finds the user (caseExact is false).
        var upper = (await _okta.GetAsync($"/Users?filter={Uri.EscapeDataString($"userName eq \"{userName.ToUpperInvariant()}\"")}", OktaGetHeaders)).ShouldBeList(1);
        ((string?)upper[0]!["id"]).Should().Be(created.Id);

        // 10. GET /Groups: 200.
        (await _okta.GetAsync("/Groups", OktaGetHeaders)).ShouldBeList(0).Should().BeEmpty();

        // 11. Authorization: non-token → 401 with an Error body.
        var unauthorized = host.Client(token: "non-token");
        (await unauthorized.GetAsync("/Users", OktaGetHeaders)).ShouldBeError(401).Header("WWW-Authenticate").Should().StartWith("Bearer");

        // 12. Another unknown id: 404 with an Error body.
        (await _okta.GetAsync("/Users/00919288221112222", OktaGetHeaders)).ShouldBeError(404);
    }

    [SkippableFact]
    public async Task SpecTest_AuthorizationHeaderThatIsNotBearer_Is401WithBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SampleHostFixture.BasePath(SampleHostFixture.Acme) + "/Users");
        request.Headers.TryAddWithoutValidation("Authorization", "non-token");
        using var response = await host.RawClient().SendAsync(request);

        (await ScimAnswer.ReadAsync(response)).ShouldBeError(401);
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : OktaSpecTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : OktaSpecTests(host), IClassFixture<PostgreSqlHost>;
}
