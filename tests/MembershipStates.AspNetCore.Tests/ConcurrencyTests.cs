using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>Races on one user: parallel changes, parallel provisioning, and stale preconditions.</summary>
public abstract class ConcurrencyTests(SampleHostFixture host)
{
    private readonly ScimClient _okta = host.Client();

    [SkippableFact]
    public async Task ParallelPatches_OnOneUser_NeverFailAndLeaveAValidState()
    {
        var userName = Payloads.NewUserName("Parallel");
        var id = (await _okta.PostAsync("/Users", Payloads.OktaCreate(userName, "ext-parallel"))).ShouldBeUser(201).Id;

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            i % 3 == 2
                ? _okta.PatchAsync($"/Users/{id}", Payloads.EntraMultiReplace($"Given{i}", $"e{i}@example.com", $"{i}"))
                : _okta.PatchAsync($"/Users/{id}", Payloads.OktaSetActive(i % 3 == 1))));

        answers.Should().OnlyContain(a => a.Status < 500, "no race may surface as a server error");
        answers.Should().OnlyContain(a => a.Status == 200, "without If-Match every PATCH is applied, in some order");

        var final = (await _okta.GetAsync($"/Users/{id}")).ShouldBeUser();
        final.Id.Should().Be(id);
        (await _okta.FilterByUserNameAsync(userName)).ShouldBeList(1);

        // Each PATCH that changed something made one version; the final version is the largest answered.
        var versions = answers.Select(a => a.ETag).ToList();
        versions.Should().Contain(final.ETag);
        await ShouldKeepTheTwoStateInvariantAsync(id);
    }

    [SkippableFact]
    public async Task ParallelPosts_OfOneUserName_CreateExactlyOnce()
    {
        var userName = Payloads.NewUserName("Racer");

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            _okta.PostAsync("/Users", Payloads.OktaCreate(i % 2 == 0 ? userName : userName.ToUpperInvariant(), $"ext-{i}"))));

        answers.Count(a => a.Status == 201).Should().Be(1, "the userName is unique per organization");
        answers.Where(a => a.Status != 201).Should().OnlyContain(a => a.Status == 409);
        foreach (var conflict in answers.Where(a => a.Status == 409))
        {
            conflict.ShouldBeError(409, "uniqueness");
        }

        (await _okta.FilterByUserNameAsync(userName)).ShouldBeList(1);
    }

    [SkippableFact]
    public async Task StaleIfMatch_Is412AndChangesNothing()
    {
        var created = (await _okta.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Stale"), "ext-stale"))).ShouldBeUser(201);
        var id = created.Id;
        var staleTag = created.ETag!;
        var current = (await _okta.PutAsync($"/Users/{id}", Payloads.OktaPut(created.Json, active: true, givenName: "Second"))).ShouldBeUser();
        current.ETag.Should().NotBe(staleTag);

        void Stale(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("If-Match", staleTag);
        (await _okta.PatchAsync($"/Users/{id}", Payloads.OktaSetActive(false), configure: Stale)).ShouldBeError(412);
        (await _okta.PutAsync($"/Users/{id}", Payloads.OktaPut(current.Json, active: false, givenName: "Third"), configure: Stale)).ShouldBeError(412);
        (await _okta.DeleteAsync($"/Users/{id}", Stale)).ShouldBeError(412);

        var after = (await _okta.GetAsync($"/Users/{id}")).ShouldBeUser();
        after.ETag.Should().Be(current.ETag);
        after.Active.Should().BeTrue();
        ((string?)after.Json["name"]!["givenName"]).Should().Be("Second");
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CurrentIfMatch_WeakOrStrong_Succeeds(bool weak)
    {
        var created = (await _okta.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("Fresh"), $"ext-fresh-{Guid.NewGuid()}"))).ShouldBeUser(201);
        var tag = weak ? created.ETag! : created.ETag!.Replace("W/", string.Empty, StringComparison.Ordinal);

        var patched = (await _okta.PatchAsync(
            $"/Users/{created.Id}",
            Payloads.OktaSetActive(false),
            configure: request => request.Headers.TryAddWithoutValidation("If-Match", tag))).ShouldBeUser();

        patched.Active.Should().BeFalse();
        patched.ETag.Should().NotBe(created.ETag);
    }

    private async Task ShouldKeepTheTwoStateInvariantAsync(string id)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var rows = await db.Memberships.CountAsync(m => m.ScimId == id);
        var records = await db.InactiveMemberships.CountAsync(r => r.ScimId == id);
        (rows + records).Should().Be(1, "never a membership row and an inactive record for the same pair");
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : ConcurrencyTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : ConcurrencyTests(host), IClassFixture<PostgreSqlHost>;
}
