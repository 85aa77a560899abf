using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>Every acknowledged change is in the database file when the host starts again on it.</summary>
public abstract class DurabilityTests(SampleHostFixture host)
{
    [SkippableFact]
    public async Task Restart_OnTheSameDatabaseFile_KeepsEveryAcknowledgedState()
    {
        var okta = host.Client();
        var active = (await okta.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Active"), "ext-active"))).ShouldBeUser(201);
        var updated = (await okta.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Updated"), "ext-updated"))).ShouldBeUser(201);
        updated = (await okta.PutAsync($"/Users/{updated.Id}", Payloads.OktaPut(updated.Json, active: true, givenName: "Renamed"))).ShouldBeUser();
        var inactive = (await okta.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Inactive"), "ext-inactive"))).ShouldBeUser(201);
        inactive = (await okta.PatchAsync($"/Users/{inactive.Id}", Payloads.OktaSetActive(false))).ShouldBeUser();
        var revived = (await okta.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Revived"), "ext-revived"))).ShouldBeUser(201);
        (await okta.PatchAsync($"/Users/{revived.Id}", Payloads.OktaSetActive(false))).ShouldBeUser();
        revived = (await okta.PatchAsync($"/Users/{revived.Id}", Payloads.OktaSetActive(true))).ShouldBeUser();
        var removed = (await okta.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Removed"), "ext-removed"))).ShouldBeUser(201);
        (await okta.DeleteAsync($"/Users/{removed.Id}")).Status.Should().Be(204);
        var createdInactive = (await okta.PostAsync("/Users", CreateInactive(Payloads.NewUserName("BornInactive")))).ShouldBeUser(201);
        var list = (await okta.GetAsync("/Users")).ShouldBeList(5).ToJsonString();

        host.Restart();

        okta = host.Client();
        foreach (var before in new[] { active, updated, inactive, revived, createdInactive })
        {
            var after = (await okta.GetAsync($"/Users/{before.Id}")).ShouldBeUser();
            ScimState.WithoutEmptyGroups(after.Json).ToJsonString().Should().Be(ScimState.WithoutEmptyGroups(before.Json).ToJsonString(), "the restarted host answers exactly what was acknowledged");
            after.ETag.Should().Be(before.ETag);
        }

        (await okta.GetAsync($"/Users/{removed.Id}")).ShouldBeError(404);
        (await okta.GetAsync("/Users")).ShouldBeList(5).ToJsonString().Should().Be(list);
        (await okta.FilterByUserNameAsync((string)inactive.Json["userName"]!)).ShouldBeList(1);
    }

    private static string CreateInactive(string userName) =>
        Payloads.OktaCreate(userName, "ext-born-inactive").Replace("\"active\":true", "\"active\":false", StringComparison.Ordinal);

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : DurabilityTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : DurabilityTests(host), IClassFixture<PostgreSqlHost>;
}
