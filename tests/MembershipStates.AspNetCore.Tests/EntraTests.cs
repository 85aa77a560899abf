using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// Microsoft Entra ID's provisioning calls: Test Connection, create, disable and enable in both payload forms,
/// attribute updates, and the hard delete 30 days later.
/// </summary>
public abstract class EntraTests(SampleHostFixture host)
{
    private readonly ScimClient _entra = host.Client(SampleHostFixture.Globex);

    [SkippableTheory]
    [InlineData("userName")]
    [InlineData("externalId")]
    public async Task TestConnection_FilterOnARandomGuid_Is200WithAnEmptyList(string attribute)
    {
        var answer = await _entra.GetAsync($"/Users?filter={Uri.EscapeDataString($"{attribute} eq \"{Guid.NewGuid()}\"")}");

        answer.ShouldBeList(0).Should().BeEmpty();
        answer.Body.Should().Contain("\"Resources\":[]");
    }

    [SkippableFact]
    public async Task Lifecycle_DefaultPayloads_DisableEnableUpdateDeleteAndProvisionAgain()
    {
        var userName = $"ryan.{Guid.NewGuid():N}@contoso.com";
        var externalId = Guid.NewGuid().ToString();
        var created = (await _entra.PostAsync("/Users", Payloads.EntraCreate(userName, externalId))).ShouldBeUser(201);
        var id = created.Id;
        ((string?)created.Json["externalId"]).Should().Be(externalId);
        ((string?)created.Json["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["employeeNumber"]).Should().Be("701984");

        // Entra looks users up by externalId too.
        var byExternalId = (await _entra.GetAsync($"/Users?filter={Uri.EscapeDataString($"externalId eq \"{externalId}\"")}")).ShouldBeList(1);
        ((string?)byExternalId[0]!["id"]).Should().Be(id);

        // Default disable: "Replace", a path, the string "False". The user stays visible, by id and by filter.
        (await _entra.PatchAsync($"/Users/{id}", Payloads.EntraSetActiveDefault(false))).ShouldBeUser().Active.Should().BeFalse();
        (await _entra.GetAsync($"/Users/{id}")).ShouldBeUser().Active.Should().BeFalse();
        var disabled = (await _entra.FilterByUserNameAsync(userName.ToUpperInvariant())).ShouldBeList(1);
        ((bool)disabled[0]!["active"]!).Should().BeFalse();

        // Several attributes in one PATCH, on the disabled user.
        var updated = (await _entra.PatchAsync($"/Users/{id}", Payloads.EntraMultiReplace("Ryan2", "ryan2@contoso.com", "701985"))).ShouldBeUser();
        updated.Active.Should().BeFalse("an attribute update leaves the state alone");
        ((string?)updated.Json["name"]!["givenName"]).Should().Be("Ryan2");
        ((string?)updated.Json["emails"]![0]!["value"]).Should().Be("ryan2@contoso.com");
        ((string?)updated.Json["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["employeeNumber"]).Should().Be("701985");

        // Default enable.
        (await _entra.PatchAsync($"/Users/{id}", Payloads.EntraSetActiveDefault(true))).ShouldBeUser().Active.Should().BeTrue();
        (await _entra.GetAsync($"/Users/{id}")).ShouldBeUser().Id.Should().Be(id);

        // Hard delete: 204 with an empty body; then 404 for GET and for a second DELETE.
        var deleted = await _entra.DeleteAsync($"/Users/{id}");
        deleted.Status.Should().Be(204);
        deleted.Body.Should().BeEmpty();
        (await _entra.GetAsync($"/Users/{id}")).ShouldBeError(404);
        (await _entra.DeleteAsync($"/Users/{id}")).ShouldBeError(404);
        (await _entra.PatchAsync($"/Users/{id}", Payloads.EntraSetActiveDefault(false))).ShouldBeError(404);
        (await _entra.FilterByUserNameAsync(userName)).ShouldBeList(0);

        // Provisioned again after the hard delete: a new membership, 201, a new id.
        var again = (await _entra.PostAsync("/Users", Payloads.EntraCreate(userName, externalId))).ShouldBeUser(201);
        again.Id.Should().NotBe(id);
        again.Active.Should().BeTrue();
    }

    [SkippableFact]
    public async Task Lifecycle_FlaggedPayloads_DisableEnableAndDottedReplace()
    {
        var userName = $"flagged.{Guid.NewGuid():N}@contoso.com";
        var id = (await _entra.PostAsync("/Users", Payloads.EntraCreate(userName, Guid.NewGuid().ToString()))).ShouldBeUser(201).Id;

        (await _entra.PatchAsync($"/Users/{id}", Payloads.EntraSetActiveFlagged(false))).ShouldBeUser().Active.Should().BeFalse();
        (await _entra.GetAsync($"/Users/{id}")).ShouldBeUser().Active.Should().BeFalse();
        (await _entra.PatchAsync($"/Users/{id}", Payloads.EntraSetActiveFlagged(true))).ShouldBeUser().Active.Should().BeTrue();

        // One path-less replace with dotted keys that also disables: one decision, applied at once.
        var replaced = (await _entra.PatchAsync($"/Users/{id}", Payloads.EntraFlaggedReplace("Ryan3", "Ryan L", active: false))).ShouldBeUser();
        replaced.Active.Should().BeFalse();
        ((string?)replaced.Json["name"]!["givenName"]).Should().Be("Ryan3");
        ((string?)replaced.Json["displayName"]).Should().Be("Ryan L");

        var read = (await _entra.GetAsync($"/Users/{id}")).ShouldBeUser();
        read.Active.Should().BeFalse();
        ((string?)read.Json["displayName"]).Should().Be("Ryan L");
        read.Id.Should().Be(id);
    }

    [SkippableFact]
    public async Task Create_Duplicate_Is409Uniqueness()
    {
        var userName = $"dup.{Guid.NewGuid():N}@contoso.com";
        (await _entra.PostAsync("/Users", Payloads.EntraCreate(userName, Guid.NewGuid().ToString()))).ShouldBeUser(201);

        (await _entra.PostAsync("/Users", Payloads.EntraCreate(userName.ToUpperInvariant(), Guid.NewGuid().ToString()))).ShouldBeError(409, "uniqueness");
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : EntraTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : EntraTests(host), IClassFixture<PostgreSqlHost>;
}
