using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// Two organizations on one host: nothing of one is visible to or changeable by the other, and one user may be a
/// member of both, with attributes kept per organization.
/// </summary>
public abstract class OrganizationIsolationTests(SampleHostFixture host)
{
    private readonly ScimClient _acme = host.Client(SampleHostFixture.Acme);
    private readonly ScimClient _globex = host.Client(SampleHostFixture.Globex);

    [SkippableFact]
    public async Task SameUserName_LivesIndependentlyInBothOrganizations()
    {
        var userName = Payloads.NewUserName("Shared");
        var inAcme = (await _acme.PostAsync("/Users", Payloads.OktaCreate(userName, "acme-ext", givenName: "Acme"))).ShouldBeUser(201);
        var inGlobex = (await _globex.PostAsync("/Users", Payloads.OktaCreate(userName, "globex-ext", givenName: "Globex"))).ShouldBeUser(201);

        inGlobex.Id.Should().NotBe(inAcme.Id);

        // Deactivating in one leaves the other active.
        (await _acme.PatchAsync($"/Users/{inAcme.Id}", Payloads.OktaSetActive(false))).ShouldBeUser().Active.Should().BeFalse();
        (await _globex.GetAsync($"/Users/{inGlobex.Id}")).ShouldBeUser().Active.Should().BeTrue();

        // A profile change in one is not seen in the other.
        var current = (await _globex.GetAsync($"/Users/{inGlobex.Id}")).Json;
        (await _globex.PutAsync($"/Users/{inGlobex.Id}", Payloads.OktaPut(current, active: true, givenName: "OnlyGlobex"))).ShouldBeUser();
        var acmeView = (await _acme.GetAsync($"/Users/{inAcme.Id}")).ShouldBeUser();
        ((string?)acmeView.Json["name"]!["givenName"]).Should().Be("Acme");
        ((string?)acmeView.Json["externalId"]).Should().Be("acme-ext");

        // Removing it from one leaves the other.
        (await _acme.DeleteAsync($"/Users/{inAcme.Id}")).Status.Should().Be(204);
        (await _globex.GetAsync($"/Users/{inGlobex.Id}")).ShouldBeUser().Active.Should().BeTrue();
    }

    [SkippableFact]
    public async Task AnotherOrganizationsMember_IsNotFoundForEveryOperation_AndStaysUnchanged()
    {
        var userName = Payloads.NewUserName("Private");
        var created = (await _acme.PostAsync("/Users", Payloads.OktaCreate(userName, "ext-private"))).ShouldBeUser(201);
        var id = created.Id;

        (await _globex.GetAsync($"/Users/{id}")).ShouldBeError(404);
        (await _globex.PutAsync($"/Users/{id}", Payloads.OktaPut(created.Json, active: false))).ShouldBeError(404);
        (await _globex.PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false))).ShouldBeError(404);
        (await _globex.DeleteAsync($"/Users/{id}")).ShouldBeError(404);
        (await _globex.FilterByUserNameAsync(userName)).ShouldBeList(0);
        (await _globex.GetAsync($"/Users?filter={Uri.EscapeDataString("externalId eq \"ext-private\"")}")).ShouldBeList(0);
        var all = (await _globex.GetAsync("/Users?count=200")).Json["Resources"]!.AsArray();
        all.Select(r => (string?)r!["id"]).Should().NotContain(id);

        var after = (await _acme.GetAsync($"/Users/{id}")).ShouldBeUser();
        after.Active.Should().BeTrue();
        after.ETag.Should().Be(created.ETag, "nothing changed it");
    }

    [SkippableFact]
    public async Task TokenOfAnotherOrganization_Is401WithoutData()
    {
        var created = (await _acme.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Token"), "ext-token"))).ShouldBeUser(201);
        var globexTokenOnAcme = host.Client(SampleHostFixture.Acme, SampleHostFixture.GlobexToken);

        var read = (await globexTokenOnAcme.GetAsync($"/Users/{created.Id}")).ShouldBeError(401);
        read.Body.Should().NotContain(created.Id);
        var list = (await globexTokenOnAcme.GetAsync("/Users")).ShouldBeError(401);
        list.Body.Should().NotContain("Resources");
        (await globexTokenOnAcme.PatchAsync($"/Users/{created.Id}", Payloads.OktaSetActive(false))).ShouldBeError(401);
        (await globexTokenOnAcme.DeleteAsync($"/Users/{created.Id}")).ShouldBeError(401);

        (await _acme.GetAsync($"/Users/{created.Id}")).ShouldBeUser().Active.Should().BeTrue();
    }

    [SkippableTheory]
    [InlineData("initech")]
    [InlineData("ACME-x")]
    public async Task UnknownOrganization_Is401(string organization)
    {
        var stranger = host.Client(organization, SampleHostFixture.AcmeToken);

        (await stranger.GetAsync("/Users")).ShouldBeError(401);
        (await stranger.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName(), "x"))).ShouldBeError(401);
    }

    [SkippableFact]
    public async Task MissingToken_Is401WithBearerChallenge()
    {
        using var response = await host.RawClient().GetAsync(SampleHostFixture.BasePath(SampleHostFixture.Acme) + "/Users");

        var answer = (await ScimAnswer.ReadAsync(response)).ShouldBeError(401);
        answer.Header("WWW-Authenticate").Should().StartWith("Bearer");
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : OrganizationIsolationTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : OrganizationIsolationTests(host), IClassFixture<PostgreSqlHost>;
}
