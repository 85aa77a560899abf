using System.Data.Common;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MembershipStates.AspNetCore.Tests.Groups.GroupRequests;

namespace MembershipStates.AspNetCore.Tests.Groups;

/// <summary>
/// Groups end to end against the sample host on a real database: Okta's Group Push and Entra ID's group
/// provisioning with their recorded payloads, and the rule "group membership follows the member" as rows of the
/// app's <c>group_members</c> (Active members: access) and <c>inactive_group_members</c>.
/// </summary>
public abstract class SampleHostGroupTests(SampleHostFixture host)
{
    private readonly ScimClient _acme = host.Client(SampleHostFixture.Acme);
    private readonly ScimClient _globex = host.Client(SampleHostFixture.Globex);

    [SkippableFact]
    public async Task OktaGroupPush_LinkCreateRenameAddRemoveReplaceDelete_EachStepAnswersAsOktaExpects()
    {
        var (user1, name1) = await ProvisionAsync("OktaPush1");
        var (user2, name2) = await ProvisionAsync("OktaPush2");
        var displayName = "Test SCIMv2 " + Guid.NewGuid().ToString("N")[..8];
        var okta = _acme;

        // Link an existing group: nothing yet.
        (await okta.GetAsync($"/Groups?filter={Filter($"displayName eq \"{displayName}\"")}")).ShouldBeList(0);

        // Create, as Okta sends it (application/json), with a name of this run.
        var created = (await okta.PostAsync("/Groups", Payload("okta-group-create.json").Replace("Test SCIMv2", displayName, StringComparison.Ordinal), "application/json")).ShouldBe(201);
        var id = created.Id;
        created.Location.Should().EndWith($"/Groups/{id}");
        created.ETag.Should().Be("W/\"1\"");
        ((string?)created.Json["meta"]!["resourceType"]).Should().Be("Group");
        (await okta.GetAsync($"/Groups?filter={Filter($"displayName eq \"{displayName.ToLowerInvariant()}\"")}")).ShouldBeList(1, "displayName compares case-insensitively");

        string Okta(string name) => Payload(name)
            .Replace(OktaGroupId, id, StringComparison.Ordinal)
            .Replace(OktaUser1, user1, StringComparison.Ordinal)
            .Replace(OktaUser2, user2, StringComparison.Ordinal)
            .Replace("Test SCIMv2", displayName, StringComparison.Ordinal);

        // Add members, then the usual update: the rename with the group's own id, a remove and an add.
        (await okta.PatchAsync($"/Groups/{id}", Okta("okta-group-add-members.json"))).ShouldBe(204).Body.Should().BeEmpty();
        Members(await okta.GetAsync($"/Groups/{id}")).Should().BeEquivalentTo([user1, user2]);
        (await okta.PatchAsync($"/Groups/{id}", Okta("okta-group-rename.json"))).ShouldBe(204);
        (await okta.PatchAsync($"/Groups/{id}", Okta("okta-group-remove-member.json"))).ShouldBe(204);
        var read = (await okta.GetAsync($"/Groups/{id}")).ShouldBe(200);
        ((string?)read.Json["displayName"]).Should().Be(displayName + " renamed");
        Members(read).Should().Equal(user2);
        var member = read.Json["members"]![0]!;
        ((string?)member["display"]).Should().Be(name2, "display is the member's userName");
        ((string?)member["$ref"]).Should().EndWith($"/Users/{user2}");
        ((string?)member["type"]).Should().Be("User");
        (await okta.PatchAsync($"/Groups/{id}", Okta("okta-group-push-update.json"))).ShouldBe(204);
        (await okta.PatchAsync($"/Groups/{id}", Okta("okta-group-replace-members.json"))).ShouldBe(204);
        Members(await okta.GetAsync($"/Groups/{id}")).Should().Equal(user2);
        (await GroupRowsAsync(SampleHostFixture.Acme, name1)).Should().Be((0, 0));
        (await GroupRowsAsync(SampleHostFixture.Acme, name2)).Should().Be((1, 0));

        // Import pages, then unlink with "delete the group in the app".
        var imported = (await okta.GetAsync("/Groups?startIndex=1&count=100")).ShouldBe(200).Json;
        imported["Resources"]!.AsArray().Select(g => (string?)g!["id"]).Should().Contain(id);
        (await okta.DeleteAsync($"/Groups/{id}")).ShouldBe(204);
        (await okta.GetAsync($"/Groups/{id}")).ShouldBeError(404);
        (await okta.GetAsync($"/Users/{user2}")).ShouldBeUser().Active.Should().BeTrue("deleting a group leaves its members' users as they are");
        (await GroupRowsAsync(SampleHostFixture.Acme, name2)).Should().Be((0, 0));
    }

    [SkippableFact]
    public async Task EntraGroupProvisioning_CreateMatchProbeAddRemoveDelete_EachStepAnswersAsEntraExpects()
    {
        var (user1, _) = await ProvisionAsync("Entra1");
        var (user2, name2) = await ProvisionAsync("Entra2");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var entra = _acme;

        string Entra(string name) => Payload(name)
            .Replace(EntraUser1, user1, StringComparison.Ordinal)
            .Replace(EntraUser2, user2, StringComparison.Ordinal)
            .Replace("\"displayName\":\"displayName\"", $"\"displayName\":\"displayName{suffix}\"", StringComparison.Ordinal)
            .Replace("updatedDisplayName", "updatedDisplayName" + suffix, StringComparison.Ordinal);

        var id = (await entra.PostAsync("/Groups", Entra("entra-group-create.json"))).ShouldBe(201).Id;
        var matched = (await entra.GetAsync($"/Groups?excludedAttributes=members&filter={Filter($"displayName eq \"displayName{suffix}\"")}")).ShouldBeList(1);
        matched[0]!.AsObject().ContainsKey("members").Should().BeFalse();
        (await entra.PatchAsync($"/Groups/{id}", Entra("entra-group-add-members.json"))).ShouldBe(204);
        (await entra.PatchAsync($"/Groups/{id}", Entra("entra-group-rename.json"))).ShouldBe(204);

        var excluded = (await entra.GetAsync($"/Groups/{id}?excludedAttributes=members")).ShouldBe(200);
        excluded.Json.AsObject().ContainsKey("members").Should().BeFalse();
        ((string?)excluded.Json["displayName"]).Should().Be("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName" + suffix);
        ((string?)excluded.Json["externalId"]).Should().Be("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");
        (await entra.GetAsync($"/Groups?filter={Filter($"id eq \"{id}\" and members eq \"{user1}\"")}&attributes=id")).ShouldBeList(1);
        (await entra.GetAsync($"/Groups?filter={Filter($"id eq \"{id}\" and members eq \"{Guid.NewGuid()}\"")}&attributes=id")).ShouldBeList(0);

        // The default remove lists the members to drop, and drops only those.
        (await entra.PatchAsync($"/Groups/{id}", Entra("entra-group-remove-members.json"))).ShouldBe(204);
        Members(await entra.GetAsync($"/Groups/{id}")).Should().Equal(user2);
        (await entra.PatchAsync($"/Groups/{id}", Entra("entra-group-add-members.json"))).ShouldBe(204);
        (await entra.PatchAsync($"/Groups/{id}", Entra("entra-flag-group-remove-member.json"))).ShouldBe(204);
        Members(await entra.GetAsync($"/Groups/{id}")).Should().Equal(user2);
        (await GroupRowsAsync(SampleHostFixture.Acme, name2)).Should().Be((1, 0));
        (await entra.DeleteAsync($"/Groups/{id}")).ShouldBe(204);
        (await entra.DeleteAsync($"/Groups/{id}")).ShouldBeError(404);
        (await GroupRowsAsync(SampleHostFixture.Acme, name2)).Should().Be((0, 0));
    }

    [SkippableFact]
    public async Task MemberLifecycle_DeactivateReactivateDeleteRePost_GroupRowsFollowTheMember()
    {
        var (userId, userName) = await ProvisionAsync("Follows");
        var ops = await CreateGroupAsync("Ops", [userId]);
        var dev = await CreateGroupAsync("Dev", [userId]);
        var other = await CreateGroupAsync("Other", []);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((2, 0));

        // Deactivate (Okta's PATCH): kept and listed, but no longer in the app's access table.
        (await _acme.PatchAsync($"/Users/{userId}", Deactivate)).ShouldBeUser().Active.Should().BeFalse();
        Members(await _acme.GetAsync($"/Groups/{ops}")).Should().Equal(userId);
        (await _acme.GetAsync($"/Groups?filter={Filter($"members eq \"{userId}\"")}")).ShouldBeList(2);
        var inactive = (await _acme.GetAsync($"/Users/{userId}")).ShouldBeUser();
        GroupsOf(inactive).Should().BeEquivalentTo([ops, dev]);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((0, 2), "group_members means access: Active members only");

        // An Inactive member can be added to and removed from groups: recorded on the inactive side.
        (await _acme.PatchAsync($"/Groups/{other}", AddMembers(userId))).ShouldBe(204);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((0, 3));
        (await _acme.PatchAsync($"/Groups/{other}", RemoveMember(userId))).ShouldBe(204);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((0, 2));

        // Reactivate (Entra's PATCH): exactly the groups it had, effective again.
        var active = (await _acme.PatchAsync($"/Users/{userId}", Reactivate)).ShouldBeUser();
        active.Active.Should().BeTrue();
        GroupsOf(active).Should().BeEquivalentTo([ops, dev]);
        (await AccessGroupsAsync(SampleHostFixture.Acme, userName)).Should().BeEquivalentTo([ops, dev]);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((2, 0));

        // Deactivate again and delete: in no group on either side.
        (await _acme.PatchAsync($"/Users/{userId}", Deactivate)).ShouldBeUser();
        (await _acme.DeleteAsync($"/Users/{userId}")).ShouldBe(204);
        Members(await _acme.GetAsync($"/Groups/{ops}")).Should().BeEmpty();
        (await _acme.GetAsync($"/Groups?filter={Filter($"members eq \"{userId}\"")}")).ShouldBeList(0);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((0, 0));

        // A later POST of the same userName is a new member, in no group.
        var again = (await _acme.PostAsync("/Users", Payloads.OktaCreate(userName.ToLowerInvariant(), "ext-again"))).ShouldBeUser(201);
        again.Id.Should().NotBe(userId);
        GroupsOf((await _acme.GetAsync($"/Users/{again.Id}")).ShouldBeUser()).Should().BeEmpty();
        Members(await _acme.GetAsync($"/Groups/{dev}")).Should().BeEmpty();
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((0, 0));
    }

    [SkippableFact]
    public async Task DeleteOfAnActiveMember_DropsItsAccessRows()
    {
        var (userId, userName) = await ProvisionAsync("DropActive");
        var group = await CreateGroupAsync("DropActive", [userId]);

        (await _acme.DeleteAsync($"/Users/{userId}")).ShouldBe(204);

        Members(await _acme.GetAsync($"/Groups/{group}")).Should().BeEmpty();
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((0, 0));
    }

    [SkippableFact]
    public async Task DeletingAMembershipThatStillHasGroupRows_IsRefusedByTheDatabase()
    {
        var (userId, userName) = await ProvisionAsync("Guarded");
        await CreateGroupAsync("Guarded", [userId]);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();

        // What an app that deletes the membership on active=false does: the key refuses it, rather than the user's
        // groups going with it.
        var delete = () => db.Memberships.Where(m => m.ScimId == userId).ExecuteDeleteAsync();

        await delete.Should().ThrowAsync<DbException>();
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((1, 0));
        (await _acme.GetAsync($"/Users/{userId}")).ShouldBeUser().Active.Should().BeTrue();
    }

    [SkippableFact]
    public async Task ReviveByRePost_RestoresExactlyTheGroups()
    {
        var (userId, userName) = await ProvisionAsync("Revive");
        var group = await CreateGroupAsync("Revived", [userId]);
        (await _acme.PatchAsync($"/Users/{userId}", Deactivate)).ShouldBeUser();

        var revived = (await _acme.PostAsync("/Users", Payloads.OktaCreate(userName.ToUpperInvariant(), "ext-revive"))).ShouldBeUser(201);

        revived.Id.Should().Be(userId);
        GroupsOf(revived).Should().Equal(group);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((1, 0));
    }

    [SkippableFact]
    public async Task UsersList_ShowsEachMembersGroups_ActiveOrNot()
    {
        var (active, activeName) = await ProvisionAsync("ListedA");
        var (inactive, _) = await ProvisionAsync("ListedI");
        var group = await CreateGroupAsync("Listed", [active, inactive]);
        (await _acme.PatchAsync($"/Users/{inactive}", Deactivate)).ShouldBeUser();

        var resources = (await _acme.GetAsync($"/Users?filter={Filter($"id eq \"{active}\" or id eq \"{inactive}\"")}")).ShouldBeList(2);

        resources.Should().OnlyContain(r => r!["groups"]!.AsArray().Count == 1 && (string?)r["groups"]![0]!["value"] == group);
        (await _acme.FilterByUserNameAsync(activeName)).ShouldBeList(1)[0]!["groups"]![0]!["display"]!.GetValue<string>().Should().StartWith("Listed");
    }

    [SkippableFact]
    public async Task Organizations_SeeAndChangeOnlyTheirOwnGroups()
    {
        var (acmeUser, _) = await ProvisionAsync("IsoAcme");
        var globexUser = (await _globex.PostAsync("/Users", Payloads.OktaCreate(Payloads.NewUserName("IsoGlobex"), "ext-globex"))).ShouldBeUser(201).Id;
        var name = "Shared name " + Guid.NewGuid().ToString("N")[..8];
        var acmeGroup = await CreateGroupAsync(name, [acmeUser], exact: true);

        // Another organization's group is not found, for any operation, and is not listed or matched.
        (await _globex.GetAsync($"/Groups/{acmeGroup}")).ShouldBeError(404);
        (await _globex.PatchAsync($"/Groups/{acmeGroup}", AddMembers(globexUser))).ShouldBeError(404);
        (await _globex.PutAsync($"/Groups/{acmeGroup}", GroupBody(name, []))).ShouldBeError(404);
        (await _globex.DeleteAsync($"/Groups/{acmeGroup}")).ShouldBeError(404);
        (await _globex.GetAsync($"/Groups?filter={Filter($"members eq \"{acmeUser}\"")}")).ShouldBeList(0);
        (await _globex.GetAsync($"/Groups?filter={Filter($"id eq \"{acmeGroup}\"")}")).ShouldBeList(0);
        (await _globex.GetAsync("/Groups?count=200")).Json["Resources"]!.AsArray().Select(g => (string?)g!["id"]).Should().NotContain(acmeGroup);

        // A member of another organization cannot join: 400 invalidValue, and nothing changes.
        var before = (await _acme.GetAsync($"/Groups/{acmeGroup}")).ShouldBe(200);
        (await _acme.PatchAsync($"/Groups/{acmeGroup}", AddMembers(globexUser))).ShouldBeError(400, "invalidValue");
        (await _acme.PostAsync("/Groups", GroupBody("With a stranger " + Guid.NewGuid().ToString("N")[..8], [globexUser]))).ShouldBeError(400, "invalidValue");
        var after = (await _acme.GetAsync($"/Groups/{acmeGroup}")).ShouldBe(200);
        after.ETag.Should().Be(before.ETag);
        Members(after).Should().Equal(acmeUser);

        // The same displayName lives in both organizations.
        var globexGroup = (await _globex.PostAsync("/Groups", GroupBody(name.ToUpperInvariant(), [globexUser]))).ShouldBe(201).Id;
        Members(await _globex.GetAsync($"/Groups/{globexGroup}")).Should().Equal(globexUser);
        GroupsOf((await _globex.GetAsync($"/Users/{globexUser}")).ShouldBeUser()).Should().Equal(globexGroup);
        GroupsOf((await _acme.GetAsync($"/Users/{acmeUser}")).ShouldBeUser()).Should().Equal(acmeGroup);
    }

    [SkippableFact]
    public async Task Patch_UnknownOrRemovedMember_Is400InvalidValueAndChangesNothing()
    {
        var (kept, _) = await ProvisionAsync("Kept");
        var (removed, _) = await ProvisionAsync("Removed");
        var group = await CreateGroupAsync("Strict", [kept]);
        (await _acme.DeleteAsync($"/Users/{removed}")).ShouldBe(204);
        var before = (await _acme.GetAsync($"/Groups/{group}")).ShouldBe(200);

        foreach (var stranger in new[] { Guid.NewGuid().ToString(), removed })
        {
            var refused = (await _acme.PatchAsync($"/Groups/{group}", Patch(
                """{"op":"replace","path":"displayName","value":"Renamed in vain"}""",
                $$"""{"op":"remove","path":"members[value eq \"{{kept}}\"]"}""",
                $$"""{"op":"add","path":"members","value":[{"value":"{{stranger}}"}]}"""))).ShouldBeError(400, "invalidValue");
            ((string?)refused.Json["detail"]).Should().Contain(stranger);
        }

        var after = (await _acme.GetAsync($"/Groups/{group}")).ShouldBe(200);
        after.ETag.Should().Be(before.ETag, "the whole PATCH changed nothing");
        ((string?)after.Json["displayName"]).Should().Be((string?)before.Json["displayName"]);
        Members(after).Should().Equal(kept);
    }

    [SkippableFact]
    public async Task DisplayName_TakenInAnyCase_Is409Uniqueness()
    {
        var name = "Finance " + Guid.NewGuid().ToString("N")[..8];
        var first = await CreateGroupAsync(name, [], exact: true);
        var second = await CreateGroupAsync("Legal", []);

        (await _acme.PostAsync("/Groups", GroupBody(name.ToUpperInvariant(), []))).ShouldBeError(409, "uniqueness");
        (await _acme.PatchAsync($"/Groups/{second}", Patch($$"""{"op":"Replace","path":"displayName","value":"{{name.ToLowerInvariant()}}"}"""))).ShouldBeError(409, "uniqueness");
        (await _acme.PatchAsync($"/Groups/{first}", Patch($$"""{"op":"Replace","path":"displayName","value":"{{name.ToUpperInvariant()}}"}"""))).ShouldBe(204);
    }

    [SkippableFact]
    public async Task StaleIfMatch_Is412AndChangesNothing()
    {
        var (userId, userName) = await ProvisionAsync("Tagged");
        var group = await CreateGroupAsync("Tagged", []);
        var read = (await _acme.GetAsync($"/Groups/{group}")).ShouldBe(200);
        read.ETag.Should().Be("W/\"1\"");
        (await _acme.PatchAsync($"/Groups/{group}", AddMembers(userId))).ShouldBe(204);

        (await _acme.PatchAsync($"/Groups/{group}", RemoveMember(userId), configure: IfMatch(read.ETag!))).ShouldBeError(412);
        (await _acme.PutAsync($"/Groups/{group}", GroupBody("Tagged again", []), configure: IfMatch(read.ETag!))).ShouldBeError(412);
        (await _acme.DeleteAsync($"/Groups/{group}", IfMatch(read.ETag!))).ShouldBeError(412);

        var current = (await _acme.GetAsync($"/Groups/{group}")).ShouldBe(200);
        current.ETag.Should().Be("W/\"2\"");
        Members(current).Should().Equal(userId);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((1, 0));
        (await _acme.GetAsync($"/Groups/{group}", r => r.Headers.TryAddWithoutValidation("If-None-Match", current.ETag))).Status.Should().Be(304);
        (await _acme.DeleteAsync($"/Groups/{group}", IfMatch(current.ETag!))).ShouldBe(204);
    }

    [SkippableFact]
    public async Task RacingAddsOfOneMember_AllAnswered_OneRowWritten()
    {
        var (userId, userName) = await ProvisionAsync("Racer");
        var group = await CreateGroupAsync("Race", []);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => host.Client().PatchAsync($"/Groups/{group}", AddMembers(userId)))));

        answers.Should().OnlyContain(a => a.Status == 204);
        Members(await _acme.GetAsync($"/Groups/{group}")).Should().Equal(userId);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((1, 0));
    }

    [SkippableFact]
    public async Task RacingCommitsOnOneGroupVersion_TheStoreCommitsExactlyOne()
    {
        var (userId, userName) = await ProvisionAsync("StoreRacer");
        var group = await CreateGroupAsync("StoreRace", []);
        var operations = new ScimGroupOperations(TimeProvider.System);
        ScimStoredGroup current;
        using (var scope = host.Services.CreateScope())
        {
            current = (await scope.ServiceProvider.GetRequiredService<IScimGroupStore>().FindByIdAsync(SampleHostFixture.Acme, group, includeMembers: false))!;
        }

        ScimGroupOperations.ParsePatch(System.Text.Encoding.UTF8.GetBytes(AddMembers(userId)), group).TryGetValue(out var patch).Should().BeTrue();
        var change = operations.Patch(current, group, patch!).Value.Change!;

        // Without the adapter's in-process queue: only the database decides.
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            using var scope = host.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IScimGroupStore>().CommitAsync(SampleHostFixture.Acme, change);
        })));

        results.Count(r => r == ScimGroupCommitResult.Committed).Should().Be(1);
        results.Where(r => r != ScimGroupCommitResult.Committed).Should().OnlyContain(r => r == ScimGroupCommitResult.VersionConflict);
        (await GroupRowsAsync(SampleHostFixture.Acme, userName)).Should().Be((1, 0));
    }

    [SkippableFact]
    public async Task NewUser_IsAnsweredInNoGroup_AsAReadOfItShowsIt()
    {
        var userName = Payloads.NewUserName("NoGroup");
        var created = (await _acme.PostAsync("/Users", Payloads.OktaCreate(userName, "ext-" + Guid.NewGuid().ToString("N")), "application/json")).ShouldBe(201);
        var read = (await _acme.GetAsync($"/Users/{created.Id}")).ShouldBe(200);

        created.Json["groups"].Should().NotBeNull("a host that serves groups answers every user with its groups");
        created.Json["groups"]!.AsArray().Should().BeEmpty();
        created.Json["groups"]!.ToJsonString().Should().Be(read.Json["groups"]!.ToJsonString());
        created.ETag.Should().Be(read.ETag);
    }

    [SkippableFact]
    public async Task PostAndPut_AnswerTheMembersAsAGetShowsThem_WithTheirDisplay()
    {
        var (user1, name1) = await ProvisionAsync("Shown1");
        var (user2, name2) = await ProvisionAsync("Shown2");
        var displayName = "Shown " + Guid.NewGuid().ToString("N")[..8];

        var created = (await _acme.PostAsync("/Groups", GroupBody(displayName, [user1]))).ShouldBe(201);
        var read = (await _acme.GetAsync($"/Groups/{created.Id}")).ShouldBe(200);
        ((string?)created.Json["members"]![0]!["display"]).Should().Be(name1, "the answer shows the member's userName, as a GET does");
        created.Json["members"]!.ToJsonString().Should().Be(read.Json["members"]!.ToJsonString());

        var replaced = (await _acme.PutAsync($"/Groups/{created.Id}", GroupBody(displayName, [user2], id: created.Id))).ShouldBe(200);
        ((string?)replaced.Json["members"]![0]!["display"]).Should().Be(name2);
        replaced.ETag.Should().Be((await _acme.GetAsync($"/Groups/{created.Id}")).ShouldBe(200).ETag);
    }

    [SkippableFact]
    public async Task PatchAddingOneMember_WritesOneMembershipRowAndTheGroupsVersion_WhateverTheGroupsSize()
    {
        var database = host.Engine == Engine.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(host.Database.ConnectionString).DataSource
            : new Npgsql.NpgsqlConnectionStringBuilder(host.Database.ConnectionString).Database!;
        using var written = new WrittenRows(database);
        var members = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            members.Add((await ProvisionAsync("Big" + i)).Id);
        }

        var small = await CreateGroupAsync("Small", [.. members.Take(2)]);
        var large = await CreateGroupAsync("Big", [.. members.Take(19)]);
        (await RowCountAsync(large)).Should().Be(19);
        await Task.Delay(WrittenRows.Warmup);
        _ = written.Take();

        (await _acme.PatchAsync($"/Groups/{small}", AddMembers(members[19]))).ShouldBe(204);
        var toSmall = written.Take();
        (await _acme.PatchAsync($"/Groups/{large}", AddMembers(members[19]))).ShouldBe(204);
        var toLarge = written.Take();
        (await _acme.PatchAsync($"/Groups/{large}", AddMembers(members[19]))).ShouldBe(204); // already there: a no-op
        var again = written.Take();

        // The new group_members row and the group's own row (its version and lastModified), never the member list.
        toSmall.Rows.Should().Be(2, "the writes were:\n{0}", toSmall.Statements);
        toLarge.Rows.Should().Be(2, "a group of 19 writes what a group of 2 does:\n{0}", toLarge.Statements);
        again.Rows.Should().BeLessThanOrEqualTo(1, "adding a member already there writes no membership row:\n{0}", again.Statements);
        (await RowCountAsync(large)).Should().Be(20);
    }

    [SkippableTheory]
    [InlineData("members eq \"{u1}\"", 1)]
    [InlineData("members.value eq \"{u1}\"", 1)]
    [InlineData("members[value eq \"{u1}\"]", 1)]
    [InlineData("members[value eq \"{u1}\" or value eq \"{u2}\"]", 2)]
    [InlineData("externalId eq \"{ext}\"", 1)]
    [InlineData("displayName eq \"ALPHA-{run}\" or displayName eq \"beta-{run}\"", 2)]
    [InlineData("id eq \"{alpha}\" and members eq \"{u2}\"", 0)]
    [InlineData("members eq \"nobody\"", 0)]
    public async Task List_ProviderFilters_SelectTheGroups(string filter, int expected)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (u1, _) = await ProvisionAsync("F1");
        var (u2, _) = await ProvisionAsync("F2");
        (await _acme.PatchAsync($"/Users/{u2}", Deactivate)).ShouldBeUser();
        var ext = "ext-" + run;
        var alpha = (await _acme.PostAsync("/Groups", GroupBody("Alpha-" + run, [u1], externalId: ext))).ShouldBe(201).Id;
        await CreateGroupAsync("Beta-" + run, [u2], exact: true);
        var text = filter.Replace("{u1}", u1, StringComparison.Ordinal).Replace("{u2}", u2, StringComparison.Ordinal)
            .Replace("{ext}", ext, StringComparison.Ordinal).Replace("{run}", run, StringComparison.Ordinal).Replace("{alpha}", alpha, StringComparison.Ordinal);

        (await _acme.GetAsync($"/Groups?filter={Filter(text)}")).ShouldBeList(expected);
    }

    [SkippableTheory]
    [InlineData("members ne \"u1\"")]
    [InlineData("userName eq \"x\"")]
    public async Task List_FilterTheStoreCannotRun_Is400InvalidFilter(string filter)
    {
        (await _acme.GetAsync($"/Groups?filter={Filter(filter)}")).ShouldBeError(400, "invalidFilter");
    }

    [SkippableFact]
    public async Task List_PagesInAStableOrder_MeetingEveryGroupOnce()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateGroupAsync($"Page {i} {run}", [], exact: true));
        }

        var filter = Filter(string.Join(" or ", Enumerable.Range(0, 5).Select(i => $"displayName eq \"Page {i} {run}\"")));
        var seen = new List<string>();
        for (var start = 1; start <= 5; start += 2)
        {
            var page = (await _acme.GetAsync($"/Groups?filter={filter}&startIndex={start}&count=2")).ShouldBeList(5);
            seen.AddRange(page.Select(g => (string)g!["id"]!));
        }

        seen.Should().Equal(created, "the order is creation time, then id, for every page size");
    }

    private async Task<(string Id, string UserName)> ProvisionAsync(string prefix)
    {
        var userName = Payloads.NewUserName(prefix);
        var id = (await _acme.PostAsync("/Users", Payloads.OktaCreate(userName, "ext-" + Guid.NewGuid().ToString("N")), "application/json")).ShouldBeUser(201).Id;
        return (id, userName);
    }

    /// <summary>Creates a group in acme; its name gets a suffix of this run unless <paramref name="exact"/>, since tests of a class share a database.</summary>
    private async Task<string> CreateGroupAsync(string displayName, string[] members, bool exact = false) =>
        (await _acme.PostAsync("/Groups", GroupBody(exact ? displayName : $"{displayName} {Guid.NewGuid().ToString("N")[..8]}", members))).ShouldBe(201).Id;

    /// <summary>How many rows the user has in the app's access table and on the inactive side.</summary>
    private async Task<(int Access, int Suspended)> GroupRowsAsync(string organization, string userName)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var (organizationId, userId) = await KeysAsync(db, organization, userName);
        return (
            await db.GroupMembers.CountAsync(m => m.OrganizationId == organizationId && m.UserId == userId),
            await db.InactiveGroupMembers.CountAsync(m => m.OrganizationId == organizationId && m.UserId == userId));
    }

    /// <summary>The SCIM ids of the groups the user has access through: its rows of <c>group_members</c>.</summary>
    private async Task<List<string>> AccessGroupsAsync(string organization, string userName)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var (organizationId, userId) = await KeysAsync(db, organization, userName);
        return await db.GroupMembers.Where(m => m.OrganizationId == organizationId && m.UserId == userId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.ScimId)
            .ToListAsync();
    }

    private async Task<int> RowCountAsync(string groupScimId)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var groupId = await db.Groups.Where(g => g.ScimId == groupScimId).Select(g => g.Id).SingleAsync();
        return await db.GroupMembers.CountAsync(m => m.GroupId == groupId) + await db.InactiveGroupMembers.CountAsync(m => m.GroupId == groupId);
    }

    private static async Task<(int OrganizationId, int UserId)> KeysAsync(MembershipDbContext db, string organization, string userName)
    {
        var normalized = Normalization.Normalize(userName);
        return (
            await db.Organizations.Where(o => o.Name == organization).Select(o => o.Id).SingleAsync(),
            await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync());
    }

    private static Action<HttpRequestMessage> IfMatch(string etag) => r => r.Headers.TryAddWithoutValidation("If-Match", etag);

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite(SqliteHost host) : SampleHostGroupTests(host), IClassFixture<SqliteHost>;

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgreSql(PostgreSqlHost host) : SampleHostGroupTests(host), IClassFixture<PostgreSqlHost>;
}
