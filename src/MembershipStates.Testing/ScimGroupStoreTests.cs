using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.AspNetCore;
using MembershipStates.Testing.Http;
using MembershipStates.Testing.Scripts;
using Xunit;
using static MembershipStates.Testing.Scripts.RecordedPayloads;

namespace MembershipStates.Testing;

/// <summary>
/// The conformance tests of a host's <see cref="IScimMemberStore"/> and <see cref="IScimGroupStore"/>: every test of
/// <see cref="ScimMemberStoreTests"/>, with groups in the generated sequences, plus Okta's Group Push, Entra ID's
/// group provisioning and the rule "group membership follows the member" as scripts.
/// </summary>
/// <remarks>
/// Subclass it as <see cref="ScimMemberStoreTests"/>; <see cref="ScimMemberStoreTests.ConfigureStore"/> registers
/// both stores. A failure is a <see cref="ScimConformanceException"/>.
/// </remarks>
public abstract class ScimGroupStoreTests : ScimMemberStoreTests
{
    private const string Push = "Okta Group Push: ";
    private const string EntraGroups = "Microsoft Entra ID group provisioning: ";

    /// <summary>Initializes a new instance of the <see cref="ScimGroupStoreTests"/> class.</summary>
    /// <param name="options">How much to try; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    protected ScimGroupStoreTests(ScimStoreTestOptions? options = null)
        : base(options, requiresGroups: true)
    {
    }

    /// <summary>Okta's Group Push with its recorded payloads: link, create, add members, rename with the group's id, remove, replace, import, delete.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A step was answered otherwise than Okta expects.</exception>
    [SkippableFact]
    public async Task OktaGroupPush_LinkCreateRenameAddRemoveReplaceDelete_AnswerAsOktaExpects()
    {
        var session = NewSession();
        var check = session.Check;
        var okta = await session.OrganizationAsync().ConfigureAwait(false);
        var user1 = await CreateUserAsync(okta, check, "test.user@okta.local").ConfigureAwait(false);
        var user2 = await CreateUserAsync(okta, check, "test.user2@okta.local").ConfigureAwait(false);
        (string, string)[] ids = [(OktaUser1, user1), (OktaUser2, user2)];

        check.List(await okta.GetAsync($"/Groups?filter={Uri.EscapeDataString("displayName eq \"Test SCIMv2\"")}").ConfigureAwait(false), 0, Push + "link: the filter on displayName finds nothing yet");
        var created = check.Status(await okta.PostAsync("/Groups", Read("okta-group-create.json"), "application/json").ConfigureAwait(false), 201, Push + "create: POST /Groups is 201 with the group");
        var id = (string)created.Json!["id"]!;
        check.That(created.Location?.EndsWith($"/Groups/{id}", StringComparison.Ordinal) == true && (string?)created.Json["meta"]?["resourceType"] == "Group",
            Push + "create: Location and meta.resourceType name the group", $"Location …/Groups/{id}, resourceType Group", created.ToString);
        check.List(await okta.GetAsync($"/Groups?filter={Uri.EscapeDataString("displayName eq \"test scimv2\"")}").ConfigureAwait(false), 1, "Groups: displayName compares case-insensitively in filters");

        check.That((await okta.PatchAsync($"/Groups/{id}", Read("okta-group-add-members.json", ids)).ConfigureAwait(false)).Status == 204, Push + "add members: 204", "204", () => "another status");
        await MembersShouldBeAsync(okta, check, id, [user1, user2], Push + "add members: GET /Groups/{id} lists both").ConfigureAwait(false);
        check.Status(await okta.PatchAsync($"/Groups/{id}", Read("okta-group-rename.json", [(OktaGroupId, id)])).ConfigureAwait(false), 204, Push + "rename: a path-less replace with the group's id inside is 204");
        check.Status(await okta.PatchAsync($"/Groups/{id}", Read("okta-group-remove-member.json", ids)).ConfigureAwait(false), 204, Push + "remove a member: 204");
        var read = check.Status(await okta.GetAsync($"/Groups/{id}").ConfigureAwait(false), 200, Push + "read: GET /Groups/{id} with members");
        check.That((string?)read.Json!["displayName"] == "Test SCIMv2 renamed", Push + "rename: the new displayName is stored", "displayName \"Test SCIMv2 renamed\"", read.ToString);
        await MembersShouldBeAsync(okta, check, id, [user2], Push + "remove a member: only that member is removed").ConfigureAwait(false);
        check.Status(await okta.PatchAsync($"/Groups/{id}", Read("okta-group-push-update.json", [(OktaGroupId, id), .. ids])).ConfigureAwait(false), 204, Push + "the usual update: rename, remove and add in one PATCH");
        check.Status(await okta.PatchAsync($"/Groups/{id}", Read("okta-group-replace-members.json", ids)).ConfigureAwait(false), 204, Push + "replace all members: 204");
        await MembersShouldBeAsync(okta, check, id, [user2], Push + "replace all members: exactly the new list").ConfigureAwait(false);

        check.List(await okta.GetAsync("/Groups?startIndex=1&count=100").ConfigureAwait(false), 1, Push + "import: the first page of groups");
        check.That((await okta.DeleteAsync($"/Groups/{id}").ConfigureAwait(false)).Status == 204, Push + "unlink with \"delete the group in the app\": 204", "204", () => "another status");
        check.Error(await okta.GetAsync($"/Groups/{id}").ConfigureAwait(false), 404, null, "Groups: a deleted group is 404");
        var user = check.User(await okta.GetAsync($"/Users/{user2}").ConfigureAwait(false), 200, "Groups: deleting a group leaves its users as they are");
        check.That(user["active"]!.GetValueKind() == JsonValueKind.True && (user["groups"] as JsonArray ?? []).Count == 0,
            "Groups: deleting a group leaves its users as they are, in no group", "active true, no groups", user);
    }

    /// <summary>Entra ID's group provisioning with its recorded payloads: create, match, add, rename, membership probe, remove (both forms), delete.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A step was answered otherwise than Entra ID expects.</exception>
    [SkippableFact]
    public async Task EntraGroupProvisioning_CreateMatchProbeAddRemoveDelete_AnswerAsEntraExpects()
    {
        var session = NewSession();
        var check = session.Check;
        var entra = await session.OrganizationAsync().ConfigureAwait(false);
        var user1 = await CreateUserAsync(entra, check, "ryan@contoso.com").ConfigureAwait(false);
        var user2 = await CreateUserAsync(entra, check, "ann@contoso.com").ConfigureAwait(false);
        (string, string)[] ids = [(EntraUser1, user1), (EntraUser2, user2)];

        var id = (string)check.Status(await entra.PostAsync("/Groups", Read("entra-group-create.json")).ConfigureAwait(false), 201, EntraGroups + "create: 201").Json!["id"]!;
        check.List(await entra.GetAsync($"/Groups?excludedAttributes=members&filter={Uri.EscapeDataString("displayName eq \"displayName\"")}").ConfigureAwait(false), 1, EntraGroups + "match: the filter on displayName finds the group");
        check.Status(await entra.PatchAsync($"/Groups/{id}", Read("entra-group-add-members.json", ids)).ConfigureAwait(false), 204, EntraGroups + "add members: 204");
        check.Status(await entra.PatchAsync($"/Groups/{id}", Read("entra-group-rename.json")).ConfigureAwait(false), 204, EntraGroups + "rename: 204");

        var excluded = check.Status(await entra.GetAsync($"/Groups/{id}?excludedAttributes=members").ConfigureAwait(false), 200, EntraGroups + "read with excludedAttributes=members");
        check.That(!excluded.Json!.AsObject().ContainsKey("members") && (string?)excluded.Json["displayName"] == "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName",
            EntraGroups + "read with excludedAttributes=members: no members, the new displayName", "no members, displayName …updatedDisplayName", excluded.ToString);
        check.List(await entra.GetAsync($"/Groups?filter={Uri.EscapeDataString($"id eq \"{id}\" and members eq \"{user1}\"")}&attributes=id").ConfigureAwait(false), 1, EntraGroups + "membership probe: id eq … and members eq a member finds the group");
        check.List(await entra.GetAsync($"/Groups?filter={Uri.EscapeDataString($"id eq \"{id}\" and members eq \"not-a-member\"")}&attributes=id").ConfigureAwait(false), 0, EntraGroups + "membership probe: members eq a non-member finds nothing");

        check.Status(await entra.PatchAsync($"/Groups/{id}", Read("entra-group-remove-members.json", ids)).ConfigureAwait(false), 204, EntraGroups + "remove members (default form): 204");
        await MembersShouldBeAsync(entra, check, id, [user2], EntraGroups + "remove members (default form) removes ONLY the listed members; emptying the group is a classic bug").ConfigureAwait(false);
        check.Status(await entra.PatchAsync($"/Groups/{id}", Read("entra-group-add-members.json", ids)).ConfigureAwait(false), 204, EntraGroups + "add members again");
        check.Status(await entra.PatchAsync($"/Groups/{id}", Read("entra-flag-group-remove-member.json", ids)).ConfigureAwait(false), 204, EntraGroups + "remove a member (aadOptscim062020 form)");
        await MembersShouldBeAsync(entra, check, id, [user2], EntraGroups + "remove a member (aadOptscim062020 form) removes only that member").ConfigureAwait(false);
        check.That((await entra.DeleteAsync($"/Groups/{id}").ConfigureAwait(false)).Status == 204, EntraGroups + "delete: 204", "204", () => "another status");
        check.Error(await entra.DeleteAsync($"/Groups/{id}").ConfigureAwait(false), 404, null, "Groups: a deleted group is 404");
    }

    /// <summary>
    /// The rule "group membership follows the member", step by step: a deactivated member stays listed in its groups,
    /// can be added to and removed from groups, comes back in exactly its groups on reactivation or revival, and
    /// leaves every group on DELETE; a later POST of the same userName starts in no group.
    /// </summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A member's groups did not follow it.</exception>
    [SkippableFact]
    public async Task GroupMemberships_FollowTheMemberThroughDeactivationRevivalAndDelete()
    {
        var session = NewSession();
        var check = session.Check;
        var scim = await session.OrganizationAsync().ConfigureAwait(false);
        var userName = ProviderPayloads.NewUserName("Follower");
        var user = await CreateUserAsync(scim, check, userName).ConfigureAwait(false);
        var ops = await CreateGroupAsync(scim, check, "Ops").ConfigureAwait(false);
        var sales = await CreateGroupAsync(scim, check, "Sales").ConfigureAwait(false);
        var support = await CreateGroupAsync(scim, check, "Support").ConfigureAwait(false);
        check.Status(await scim.PatchAsync($"/Groups/{ops}", ProviderPayloads.AddMembers(entra: false, user)).ConfigureAwait(false), 204, "Groups: adding an Active member is 204");
        check.Status(await scim.PatchAsync($"/Groups/{sales}", ProviderPayloads.AddMembers(entra: true, user)).ConfigureAwait(false), 204, "Groups: adding an Active member is 204");

        const string deactivated = "Groups: Active → Inactive keeps the member's group memberships, listed in the group's members and the user's groups";
        GroupsShouldBe(check, check.User(await scim.PatchAsync($"/Users/{user}", ProviderPayloads.OktaSetActive(false)).ConfigureAwait(false), 200, deactivated), [ops, sales], deactivated);
        await GroupsOfShouldBeAsync(scim, check, user, [ops, sales], deactivated).ConfigureAwait(false);
        await MembersShouldBeAsync(scim, check, ops, [user], deactivated).ConfigureAwait(false);

        const string whileInactive = "Groups: an Inactive member can be added to and removed from groups; recorded, still suspended";
        check.Status(await scim.PatchAsync($"/Groups/{support}", ProviderPayloads.AddMembers(entra: true, user)).ConfigureAwait(false), 204, whileInactive);
        check.Status(await scim.PatchAsync($"/Groups/{sales}", ProviderPayloads.RemoveMember(entra: false, user)).ConfigureAwait(false), 204, whileInactive);
        await GroupsOfShouldBeAsync(scim, check, user, [ops, support], whileInactive).ConfigureAwait(false);

        const string reactivated = "Groups: Inactive → Active brings the member back in exactly the groups it had";
        GroupsShouldBe(check, check.User(await scim.PatchAsync($"/Users/{user}", ProviderPayloads.EntraSetActiveDefault(true)).ConfigureAwait(false), 200, reactivated), [ops, support], reactivated);
        await GroupsOfShouldBeAsync(scim, check, user, [ops, support], reactivated).ConfigureAwait(false);
        await MembersShouldBeAsync(scim, check, support, [user], reactivated).ConfigureAwait(false);

        if (Options.InactiveProvisionPolicy == InactiveProvisionPolicy.Revive)
        {
            const string revived = "Groups: a revival by re-POST brings the member back in exactly the groups it had";
            check.User(await scim.PatchAsync($"/Users/{user}", ProviderPayloads.EntraSetActiveFlagged(false)).ConfigureAwait(false), 200, revived);
            var again = check.User(await scim.PostAsync("/Users", ProviderPayloads.OktaCreate(userName.ToLowerInvariant(), "ext-follower"), "application/json").ConfigureAwait(false), 201, revived);
            check.That((string?)again["id"] == user, revived, $"the same id {user}", again);
            await GroupsOfShouldBeAsync(scim, check, user, [ops, support], revived).ConfigureAwait(false);
        }

        const string removed = "Groups: Active or Inactive → NotMember (DELETE) removes every group membership at once";
        check.That((await scim.DeleteAsync($"/Users/{user}").ConfigureAwait(false)).Status == 204, removed, "204", () => "another status");
        await MembersShouldBeAsync(scim, check, ops, [], removed).ConfigureAwait(false);
        await MembersShouldBeAsync(scim, check, support, [], removed).ConfigureAwait(false);
        check.Error(await scim.PatchAsync($"/Groups/{ops}", ProviderPayloads.AddMembers(entra: false, user)).ConfigureAwait(false), 400, "invalidValue",
            "Groups: a group holds only members of its own organization; a removed member is 400 invalidValue");

        const string fresh = "Groups: a later POST of the same userName starts in no group";
        var recreated = (string)check.User(await scim.PostAsync("/Users", ProviderPayloads.OktaCreate(userName, "ext-follower"), "application/json").ConfigureAwait(false), 201, fresh)["id"]!;
        await GroupsOfShouldBeAsync(scim, check, recreated, [], fresh).ConfigureAwait(false);

        var other = await session.OrganizationAsync(1).ConfigureAwait(false);
        var stranger = await CreateUserAsync(other, check, "stranger@example.com").ConfigureAwait(false);
        check.Error(await scim.PatchAsync($"/Groups/{ops}", ProviderPayloads.AddMembers(entra: true, stranger)).ConfigureAwait(false), 400, "invalidValue",
            "Groups: a group holds only members of its own organization; another organization's user is 400 invalidValue");
        check.Error(await other.GetAsync($"/Groups/{ops}").ConfigureAwait(false), 404, null, "Organizations: nothing of one organization is visible in another");
    }

    private static async Task<string> CreateUserAsync(KitClient client, Checker check, string userName) =>
        (string)check.User(await client.PostAsync("/Users", ProviderPayloads.OktaCreate(userName, "ext-" + userName), "application/json").ConfigureAwait(false), 201, "Lifecycle: Provision on NotMember → Active, 201")["id"]!;

    private static async Task<string> CreateGroupAsync(KitClient client, Checker check, string displayName) =>
        (string)check.Status(await client.PostAsync("/Groups", ProviderPayloads.Group(displayName, entra: false), "application/json").ConfigureAwait(false), 201, "Groups: POST /Groups creates the group, 201").Json!["id"]!;

    private static async Task MembersShouldBeAsync(KitClient client, Checker check, string groupId, string[] expected, string rule)
    {
        var answer = check.Status(await client.GetAsync($"/Groups/{groupId}").ConfigureAwait(false), 200, rule);
        var members = (answer.Json!["members"] as JsonArray ?? []).Select(m => (string?)m?["value"]).ToHashSet(StringComparer.Ordinal);
        check.That(members.SetEquals(expected), rule, $"members [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]",
            () => $"members [{string.Join(", ", members.Order(StringComparer.Ordinal))}]");
    }

    private static async Task GroupsOfShouldBeAsync(KitClient client, Checker check, string userId, string[] expected, string rule) =>
        GroupsShouldBe(check, check.User(await client.GetAsync($"/Users/{userId}").ConfigureAwait(false), 200, rule), expected, rule);

    /// <summary>Checks the <c>groups</c> of a User answer: that of a read, or that of the change that answered with it.</summary>
    private static void GroupsShouldBe(Checker check, JsonObject user, string[] expected, string rule)
    {
        var groups = (user["groups"] as JsonArray ?? []).Select(g => (string?)g?["value"]).ToHashSet(StringComparer.Ordinal);
        check.That(groups.SetEquals(expected), rule, $"groups [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]",
            () => $"groups [{string.Join(", ", groups.Order(StringComparer.Ordinal))}]");
    }
}
