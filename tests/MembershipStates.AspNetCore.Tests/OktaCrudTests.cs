using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// Okta's "SCIM 2.0 CRUD Test" as the SCIM calls Okta makes: the original question's sequence, where a two-state app
/// used to answer 404 after deactivation.
/// </summary>
public abstract class OktaCrudTests(SampleHostFixture host)
{
    private readonly ScimClient _okta = host.Client();

    [SkippableFact]
    public async Task CrudTest_CatalogApp_DeactivatedUserStaysVisibleAndComesBackWithTheSameId()
    {
        var userName = Payloads.NewUserName();
        var scimId = await AssignAsync(userName);
        await ChangeProfileAsync(scimId, active: true);

        // 3. Deactivate: Okta's PATCH without a path.
        var deactivated = (await _okta.PatchAsync($"/Users/{scimId}", Payloads.OktaSetActive(false))).ShouldBeUser();
        deactivated.Active.Should().BeFalse("PATCH answered 200 carries the full resource");
        ((string?)deactivated.Json["userName"]).Should().Be(userName);
        ((string?)deactivated.Json["name"]!["givenName"]).Should().Be("Changed");
        await ShouldBeInactiveAsync(scimId);

        // 4. Reactivate and reassign: the lookup finds the inactive user, the PATCH brings back the same id.
        var lookup = (await _okta.FilterByUserNameAsync(userName)).ShouldBeList(1);
        ((string?)lookup[0]!["id"]).Should().Be(scimId);
        ((bool)lookup[0]!["active"]!).Should().BeFalse();
        (await _okta.PatchAsync($"/Users/{scimId}", Payloads.OktaSetActive(true))).ShouldBeUser().Active.Should().BeTrue();
        var reactivated = (await _okta.GetAsync($"/Users/{scimId}")).ShouldBeUser();
        reactivated.Id.Should().Be(scimId);
        reactivated.Active.Should().BeTrue();

        // 5. Unassign: deactivation again.
        (await _okta.PatchAsync($"/Users/{scimId}", Payloads.OktaSetActive(false))).ShouldBeUser().Active.Should().BeFalse();
        await ShouldBeInactiveAsync(scimId);
    }

    [SkippableFact]
    public async Task CrudTest_WizardApp_FullPutsDeactivateAndReactivate()
    {
        var userName = Payloads.NewUserName();
        var scimId = await AssignAsync(userName);
        await ChangeProfileAsync(scimId, active: true);

        // 3. Deactivate: a wizard-built app gets the full user with active false.
        var current = (await _okta.GetAsync($"/Users/{scimId}")).ShouldBeUser().Json;
        var deactivated = (await _okta.PutAsync($"/Users/{scimId}", Payloads.OktaPut(current, active: false), "application/json")).ShouldBeUser();
        deactivated.Active.Should().BeFalse();
        await ShouldBeInactiveAsync(scimId);

        // 4. Reactivate: the filter finds the inactive user; a full PUT with active true; same id.
        var lookup = (await _okta.FilterByUserNameAsync(userName)).ShouldBeList(1);
        ((string?)lookup[0]!["id"]).Should().Be(scimId);
        current = (await _okta.GetAsync($"/Users/{scimId}")).ShouldBeUser().Json;
        (await _okta.PutAsync($"/Users/{scimId}", Payloads.OktaPut(current, active: true), "application/json")).ShouldBeUser().Active.Should().BeTrue();
        var reactivated = (await _okta.GetAsync($"/Users/{scimId}")).ShouldBeUser();
        reactivated.Id.Should().Be(scimId);
        reactivated.Active.Should().BeTrue();

        // 5. Unassign.
        current = reactivated.Json;
        (await _okta.PutAsync($"/Users/{scimId}", Payloads.OktaPut(current, active: false), "application/json")).ShouldBeUser().Active.Should().BeFalse();
        await ShouldBeInactiveAsync(scimId);
    }

    [SkippableFact]
    public async Task Reassignment_AfterDeactivation_PostRevivesTheSameIdInsteadOfADuplicate()
    {
        var userName = Payloads.NewUserName();
        var scimId = await AssignAsync(userName);
        (await _okta.PatchAsync($"/Users/{scimId}", Payloads.OktaSetActive(false))).ShouldBeUser();

        // An Okta that POSTs again rather than reactivating meets the inactive member: revived, same id.
        var revived = (await _okta.PostAsync("/Users", Payloads.OktaCreate(userName.ToLowerInvariant(), "00u-again"), "application/json")).ShouldBeUser(201);
        revived.Id.Should().Be(scimId);
        revived.Active.Should().BeTrue();
        (await _okta.FilterByUserNameAsync(userName)).ShouldBeList(1);
    }

    /// <summary>1. Assign: filter (nothing), then POST with externalId and a password; the filter then finds the user.</summary>
    private async Task<string> AssignAsync(string userName)
    {
        (await _okta.FilterByUserNameAsync(userName)).ShouldBeList(0);
        var created = (await _okta.PostAsync("/Users", Payloads.OktaCreate(userName, "00u" + Guid.NewGuid().ToString("N")[..17]), "application/json")).ShouldBeUser(201);
        created.Active.Should().BeTrue();
        created.Body.Should().NotContain("password").And.NotContain("tlpWENT2m");
        var found = (await _okta.FilterByUserNameAsync(userName)).ShouldBeList(1);
        ((string?)found[0]!["id"]).Should().Be(created.Id);
        return created.Id;
    }

    /// <summary>2. Profile change: GET, then PUT the full user back (id, meta, groups: [], roles: [], password) with a new givenName.</summary>
    private async Task ChangeProfileAsync(string scimId, bool active)
    {
        var current = (await _okta.GetAsync($"/Users/{scimId}")).ShouldBeUser().Json;
        var put = (await _okta.PutAsync($"/Users/{scimId}", Payloads.OktaPut(current, active, givenName: "Changed"), "application/json")).ShouldBeUser();
        put.Id.Should().Be(scimId);
        var read = (await _okta.GetAsync($"/Users/{scimId}")).ShouldBeUser();
        ((string?)read.Json["name"]!["givenName"]).Should().Be("Changed");
        read.Body.Should().NotContain("tlpWENT2m");
    }

    /// <summary>Okta's check after deactivation and after unassignment: 200 with active false, never 404.</summary>
    private async Task ShouldBeInactiveAsync(string scimId)
    {
        var read = (await _okta.GetAsync($"/Users/{scimId}")).ShouldBeUser();
        read.Id.Should().Be(scimId);
        read.Active.Should().BeFalse();
        read.Json["active"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.False, "active is written even when false");
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : OktaCrudTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : OktaCrudTests(host), IClassFixture<PostgreSqlHost>;
}
