using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.Scim;
using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// The sample's store on its own, without the adapter's in-process serialization: the database has the last word.
/// </summary>
public abstract class SampleMemberStoreTests(SampleHostFixture host)
{
    private readonly MembershipLifecycle _lifecycle = new();

    [SkippableFact]
    public async Task CommitAsync_ConcurrentCreationsOfOneUserName_CommitExactlyOne()
    {
        var userName = Payloads.NewUserName("StoreRace");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var scope = host.Services.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
            var decision = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(Guid.NewGuid().ToString()));
            var attributes = new ScimUser { UserName = i % 2 == 0 ? userName : userName.ToLowerInvariant() };
            return await store.CommitAsync(SampleHostFixture.Acme, decision, attributes);
        })));

        results.Count(r => r == ScimCommitResult.Committed).Should().Be(1);
        results.Where(r => r != ScimCommitResult.Committed).Should().OnlyContain(r => r == ScimCommitResult.UniquenessViolation);
    }

    [SkippableTheory]
    [InlineData("José.Dover", "JOSÉ.DOVER")]
    [InlineData("σοφία.παππά", "ΣΟΦΊΑ.ΠΑΠΠΆ")]
    [InlineData("дмитрий.иванов", "ДМИТРИЙ.ИВАНОВ")]
    [InlineData("Ærøskøbing", "ærøskøbing")]
    public async Task UserNamesDifferingOnlyInCase_InAnyScript_AreOneUserNameOnThisEngine(string first, string second)
    {
        var suffix = "@" + Guid.NewGuid().ToString("N")[..8] + ".example";
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var created = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(Guid.NewGuid().ToString()));
        (await store.CommitAsync(SampleHostFixture.Acme, created, new ScimUser { UserName = first + suffix })).Should().Be(ScimCommitResult.Committed);

        var again = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(Guid.NewGuid().ToString()));
        (await store.CommitAsync(SampleHostFixture.Acme, again, new ScimUser { UserName = second + suffix })).Should().Be(ScimCommitResult.UniquenessViolation);

        var found = await store.FindByUserNameOrExternalIdAsync(SampleHostFixture.Acme, second + suffix, externalId: null);
        found!.Id.Should().Be(created.Next.Id);
        found.Attributes.UserName.Should().Be(first + suffix, "stored exactly as sent");
    }

    [SkippableFact]
    public async Task TheUserNameIndex_RefusesADuplicateWrittenBehindTheStoresBack()
    {
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var userName = Payloads.NewUserName("Indexed");
        var created = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(Guid.NewGuid().ToString()));
        (await store.CommitAsync(SampleHostFixture.Acme, created, new ScimUser { UserName = userName })).Should().Be(ScimCommitResult.Committed);
        var row = await db.Memberships.AsNoTracking().SingleAsync(m => m.ScimId == created.Next.Id);
        var otherUser = new User { Email = "other-" + userName, NormalizedEmail = ("other-" + userName).ToUpperInvariant() };
        db.Users.Add(otherUser);
        await db.SaveChangesAsync();

        // Another app user's membership with the same normalized userName, as a buggy host might write it.
        db.Memberships.Add(new Membership
        {
            OrganizationId = row.OrganizationId,
            UserId = otherUser.Id,
            ScimId = Guid.NewGuid().ToString(),
            Version = 1,
            UserName = userName.ToLowerInvariant(),
            NormalizedUserName = row.NormalizedUserName,
            Attributes = row.Attributes,
        });
        var write = () => db.SaveChangesAsync();

        await write.Should().ThrowAsync<DbUpdateException>("the database, not the store's checks, is the final arbiter");
    }

    [SkippableFact]
    public async Task CommitAsync_AgainstAStaleVersion_IsAConflictAndChangesNothing()
    {
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var id = Guid.NewGuid().ToString();
        var attributes = new ScimUser { UserName = Payloads.NewUserName("StoreStale") };
        var created = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(id));
        (await store.CommitAsync(SampleHostFixture.Acme, created, attributes)).Should().Be(ScimCommitResult.Committed);
        var deactivated = _lifecycle.Decide(created.Next, MembershipCommand.Deactivate());
        (await store.CommitAsync(SampleHostFixture.Acme, deactivated, attributes)).Should().Be(ScimCommitResult.Committed);

        // Decided against version 1, which is gone: refused, and version 2 stays.
        var stale = _lifecycle.Decide(created.Next, MembershipCommand.Remove());
        (await store.CommitAsync(SampleHostFixture.Acme, stale, null)).Should().Be(ScimCommitResult.VersionConflict);

        var member = await store.FindByIdAsync(SampleHostFixture.Acme, id);
        member!.Membership.State.Should().Be(MembershipState.Inactive);
        member.Membership.Version.Should().Be(2);
    }

    // A decision is committed by whichever store gets it, with nothing kept from the read it was made on: the commit
    // reads the member again in its transaction. Another writer (another process) changing the member in between
    // must make the commit a conflict that changes nothing, whether it moves the member or updates it in place.
    [SkippableTheory]
    [InlineData("deactivate")]
    [InlineData("update")]
    [InlineData("remove")]
    public async Task CommitAsync_OfADecisionOnAReadAnotherWriterOvertook_IsAConflictAndChangesNothing(string change)
    {
        var id = Guid.NewGuid().ToString();
        var userName = Payloads.NewUserName("Overtaken");
        var created = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(id));
        using (var setup = host.Services.CreateScope())
        {
            var store = setup.ServiceProvider.GetRequiredService<IScimMemberStore>();
            (await store.CommitAsync(SampleHostFixture.Acme, created, new ScimUser { UserName = userName, DisplayName = "First" })).Should().Be(ScimCommitResult.Committed);
        }

        using var readerScope = host.Services.CreateScope();
        var reader = readerScope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var read = await reader.FindByIdAsync(SampleHostFixture.Acme, id);

        using (var otherScope = host.Services.CreateScope())
        {
            var other = otherScope.ServiceProvider.GetRequiredService<IScimMemberStore>();
            var current = await other.FindByIdAsync(SampleHostFixture.Acme, id);
            var profile = _lifecycle.Decide(current!.Membership, MembershipCommand.UpdateProfile());
            (await other.CommitAsync(SampleHostFixture.Acme, profile, new ScimUser { UserName = userName, DisplayName = "Second" })).Should().Be(ScimCommitResult.Committed);
        }

        var (decision, attributes) = change switch
        {
            "deactivate" => (_lifecycle.Decide(read!.Membership, MembershipCommand.Deactivate()), read.Attributes),
            "update" => (_lifecycle.Decide(read!.Membership, MembershipCommand.UpdateProfile()), new ScimUser { UserName = userName, DisplayName = "Third" }),
            _ => (_lifecycle.Decide(read!.Membership, MembershipCommand.Remove()), null),
        };

        (await reader.CommitAsync(SampleHostFixture.Acme, decision, attributes)).Should().Be(ScimCommitResult.VersionConflict);

        var member = await reader.FindByIdAsync(SampleHostFixture.Acme, id);
        member!.Membership.State.Should().Be(MembershipState.Active);
        member.Membership.Version.Should().Be(2);
        member.Attributes.DisplayName.Should().Be("Second");
        var db = readerScope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        (await db.InactiveMemberships.CountAsync(r => r.ScimId == id)).Should().Be(0, "the move was not half applied");
    }

    [SkippableFact]
    public async Task CommitAsync_DeactivateAndReactivate_MovesTheMembershipBetweenTheTwoTables()
    {
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var id = Guid.NewGuid().ToString();
        var attributes = new ScimUser { UserName = Payloads.NewUserName("Mover") };

        var created = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(id));
        (await store.CommitAsync(SampleHostFixture.Acme, created, attributes)).Should().Be(ScimCommitResult.Committed);
        (await db.Memberships.CountAsync(m => m.ScimId == id), await db.InactiveMemberships.CountAsync(r => r.ScimId == id)).Should().Be((1, 0));

        var deactivated = _lifecycle.Decide(created.Next, MembershipCommand.Deactivate());
        (await store.CommitAsync(SampleHostFixture.Acme, deactivated, attributes)).Should().Be(ScimCommitResult.Committed);
        (await db.Memberships.CountAsync(m => m.ScimId == id), await db.InactiveMemberships.CountAsync(r => r.ScimId == id)).Should().Be((0, 1));

        var reactivated = _lifecycle.Decide(deactivated.Next, MembershipCommand.Reactivate());
        (await store.CommitAsync(SampleHostFixture.Acme, reactivated, attributes)).Should().Be(ScimCommitResult.Committed);
        (await db.Memberships.CountAsync(m => m.ScimId == id), await db.InactiveMemberships.CountAsync(r => r.ScimId == id)).Should().Be((1, 0));

        var member = await store.FindByIdAsync(SampleHostFixture.Acme, id);
        member!.Membership.Should().Be(reactivated.Next);
    }

    [SkippableFact]
    public async Task FindByIdAsync_WhenBothARowAndARecordExist_ReportsTheBrokenInvariant()
    {
        using var scope = host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var id = Guid.NewGuid().ToString();
        var userName = Payloads.NewUserName("Broken");
        var created = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision(id));
        (await store.CommitAsync(SampleHostFixture.Acme, created, new ScimUser { UserName = userName })).Should().Be(ScimCommitResult.Committed);
        var row = await db.Memberships.AsNoTracking().SingleAsync(m => m.ScimId == id);

        // Written behind the store's back: what a buggy host would do.
        db.InactiveMemberships.Add(new InactiveMembership
        {
            OrganizationId = row.OrganizationId,
            UserId = row.UserId,
            ScimId = id,
            Version = 1,
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Attributes = row.Attributes,
            Created = row.Created,
            LastModified = row.LastModified,
            DeactivatedAt = row.LastModified,
        });
        await db.SaveChangesAsync();

        var read = () => store.FindByIdAsync(SampleHostFixture.Acme, id);
        await read.Should().ThrowAsync<InvalidOperationException>().WithMessage("*never both*");

        // Over HTTP it is a 500 SCIM error that reveals nothing of it.
        var answer = (await host.Client().GetAsync($"/Users/{id}")).ShouldBeError(500);
        answer.Body.Should().NotContain("never both").And.NotContain("Exception");
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : SampleMemberStoreTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : SampleMemberStoreTests(host), IClassFixture<PostgreSqlHost>;
}
