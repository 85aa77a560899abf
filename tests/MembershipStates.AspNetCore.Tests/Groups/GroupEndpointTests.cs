using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static MembershipStates.AspNetCore.Tests.Groups.GroupRequests;

namespace MembershipStates.AspNetCore.Tests.Groups;

/// <summary>
/// The /Groups endpoints end to end over an in-memory two-state store: Okta's Group Push and Entra ID's group
/// provisioning with their recorded payloads, and the rule "group membership follows the member".
/// </summary>
public sealed class GroupEndpointTests : IAsyncLifetime
{
    private const string Acme = "acme";
    private const string Globex = "globex";

    private readonly InMemoryTwoStateStore _store = new();
    private WebApplication _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(_store, servesGroups: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OktaGroupPush_LinkCreateRenameAddRemoveReplaceDelete_EachStepAnswersAsOktaExpects()
    {
        _store.Seed(Acme, OktaUser1, "test.user@okta.local");
        _store.Seed(Acme, OktaUser2, "test.user2@okta.local");
        var okta = Client();

        // Link an existing group: nothing yet.
        (await okta.GetAsync($"/Groups?filter={Filter("displayName eq \"Test SCIMv2\"")}")).ShouldBeList(0);

        // Create.
        var created = (await okta.PostAsync("/Groups", Payload("okta-group-create.json"), "application/json")).ShouldBe(201);
        var id = created.Id;
        created.Location.Should().EndWith($"/Groups/{id}");
        created.ETag.Should().Be("W/\"1\"");
        ((string?)created.Json["meta"]!["resourceType"]).Should().Be("Group");
        (await okta.GetAsync($"/Groups?filter={Filter("displayName eq \"test scimv2\"")}")).ShouldBeList(1, "displayName compares case-insensitively");

        // Add members, then the usual update: the rename with the group's own id, a remove and an add.
        (await okta.PatchAsync($"/Groups/{id}", Payload("okta-group-add-members.json"))).ShouldBe(204).Body.Should().BeEmpty();
        Members(await okta.GetAsync($"/Groups/{id}")).Should().Equal(OktaUser1, OktaUser2);
        (await okta.PatchAsync($"/Groups/{id}", Payload("okta-group-rename.json", id))).ShouldBe(204);
        (await okta.PatchAsync($"/Groups/{id}", Payload("okta-group-remove-member.json"))).ShouldBe(204);
        var read = (await okta.GetAsync($"/Groups/{id}")).ShouldBe(200);
        ((string?)read.Json["displayName"]).Should().Be("Test SCIMv2 renamed");
        Members(read).Should().Equal(OktaUser2);
        var member = read.Json["members"]![0]!;
        ((string?)member["display"]).Should().Be("test.user2@okta.local");
        ((string?)member["$ref"]).Should().EndWith($"/Users/{OktaUser2}");
        ((string?)member["type"]).Should().Be("User");
        (await okta.PatchAsync($"/Groups/{id}", Payload("okta-group-push-update.json", id))).ShouldBe(204);
        (await okta.PatchAsync($"/Groups/{id}", Payload("okta-group-replace-members.json"))).ShouldBe(204);
        Members(await okta.GetAsync($"/Groups/{id}")).Should().Equal(OktaUser2);

        // Import pages, then unlink with "delete the group in the app".
        (await okta.GetAsync("/Groups?startIndex=1&count=100")).ShouldBeList(1);
        (await okta.DeleteAsync($"/Groups/{id}")).ShouldBe(204);
        (await okta.GetAsync($"/Groups/{id}")).ShouldBeError(404);
        (await okta.GetAsync($"/Users/{OktaUser2}")).ShouldBeUser().Active.Should().BeTrue("deleting a group leaves its members' users as they are");
    }

    [Fact]
    public async Task EntraGroupProvisioning_CreateMatchProbeAddRemove_EachStepAnswersAsEntraExpects()
    {
        _store.Seed(Acme, EntraUser1, "ryan@contoso.com");
        _store.Seed(Acme, EntraUser2, "ann@contoso.com");
        var entra = Client();

        var id = (await entra.PostAsync("/Groups", Payload("entra-group-create.json"))).ShouldBe(201).Id;
        (await entra.GetAsync($"/Groups?excludedAttributes=members&filter={Filter("displayName eq \"displayName\"")}")).ShouldBeList(1);
        (await entra.PatchAsync($"/Groups/{id}", Payload("entra-group-add-members.json"))).ShouldBe(204);
        (await entra.PatchAsync($"/Groups/{id}", Payload("entra-group-rename.json"))).ShouldBe(204);

        _store.ResetCounters();
        var excluded = (await entra.GetAsync($"/Groups/{id}?excludedAttributes=members")).ShouldBe(200);
        excluded.Json.AsObject().ContainsKey("members").Should().BeFalse();
        ((string?)excluded.Json["displayName"]).Should().Be("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
        (await entra.GetAsync($"/Groups?filter={Filter($"id eq \"{id}\" and members eq \"{EntraUser1}\"")}&attributes=id")).ShouldBeList(1);
        (await entra.GetAsync($"/Groups?filter={Filter($"id eq \"{id}\" and members eq \"not-a-member\"")}&attributes=id")).ShouldBeList(0);
        _store.MemberListReads.Should().Be(0, "neither excludedAttributes=members nor the membership probe reads the member list");

        // The default remove lists the members to drop, and drops only those.
        (await entra.PatchAsync($"/Groups/{id}", Payload("entra-group-remove-members.json"))).ShouldBe(204);
        Members(await entra.GetAsync($"/Groups/{id}")).Should().Equal(EntraUser2);
        (await entra.PatchAsync($"/Groups/{id}", Payload("entra-group-add-members.json"))).ShouldBe(204);
        (await entra.PatchAsync($"/Groups/{id}", Payload("entra-flag-group-remove-member.json"))).ShouldBe(204);
        Members(await entra.GetAsync($"/Groups/{id}")).Should().Equal(EntraUser2);
        (await entra.DeleteAsync($"/Groups/{id}")).ShouldBe(204);
        (await entra.DeleteAsync($"/Groups/{id}")).ShouldBeError(404);
    }

    [Theory]
    [InlineData("members eq \"u1\"", 1)]
    [InlineData("members.value eq \"u1\"", 1)]
    [InlineData("members[value eq \"u1\"]", 1)]
    [InlineData("members[value eq \"u1\" or value eq \"u2\"]", 2)]
    [InlineData("externalId eq \"ext-a\"", 1)]
    [InlineData("displayName eq \"ALPHA\" or displayName eq \"beta\"", 2)]
    [InlineData("members eq \"nobody\"", 0)]
    public async Task List_ProviderFilters_SelectTheGroups(string filter, int expected)
    {
        _store.Seed(Acme, "u1", "u1@example.com");
        _store.Seed(Acme, "u2", "u2@example.com");
        var scim = Client();
        await CreateGroupAsync(scim, "Alpha", ["u1"], externalId: "ext-a");
        await CreateGroupAsync(scim, "Beta", ["u2"]);

        (await scim.GetAsync($"/Groups?filter={Filter(filter)}")).ShouldBeList(expected);
    }

    [Theory]
    [InlineData("members ne \"u1\"")]
    [InlineData("members[display eq \"x\"]")]
    [InlineData("userName eq \"x\"")]
    [InlineData("displayName eq")]
    public async Task List_FilterTheStoreCannotRun_Is400InvalidFilter(string filter)
    {
        (await Client().GetAsync($"/Groups?filter={Filter(filter)}")).ShouldBeError(400, "invalidFilter");
    }

    [Fact]
    public async Task MemberLifecycle_DeactivateReactivateDeleteRecreate_GroupMembershipFollowsTheMember()
    {
        var scim = Client();
        var userId = (await scim.PostAsync("/Users", User("Åsa.Lind@Example.com"))).ShouldBeUser(201).Id;
        var groupId = await CreateGroupAsync(scim, "Ops", [userId]);
        var org = _store.Of(Acme);
        org.GroupMembers.Should().Contain((groupId, userId));

        // Deactivate: kept and listed, no access.
        (await scim.PatchAsync($"/Users/{userId}", Deactivate)).ShouldBeUser().Active.Should().BeFalse();
        Members(await scim.GetAsync($"/Groups/{groupId}")).Should().Equal(userId);
        org.GroupMembers.Should().NotContain(row => row.User == userId, "group_members means access: Active members only");
        org.InactiveGroupMembers.Should().Contain((groupId, userId));
        var inactive = (await scim.GetAsync($"/Users/{userId}")).ShouldBeUser();
        inactive.Json["groups"]!.AsArray().Select(g => (string?)g!["value"]).Should().Equal(groupId);
        ((string?)inactive.Json["groups"]![0]!["display"]).Should().Be("Ops");
        ((string?)inactive.Json["groups"]![0]!["type"]).Should().Be("direct");

        // An Inactive member can be added to and removed from groups: recorded, still suspended.
        var second = await CreateGroupAsync(scim, "Ops-2", []);
        (await scim.PatchAsync($"/Groups/{second}", AddMembers(userId))).ShouldBe(204);
        org.InactiveGroupMembers.Should().Contain((second, userId));
        (await scim.PatchAsync($"/Groups/{second}", RemoveMember(userId))).ShouldBe(204);
        org.InactiveGroupMembers.Should().NotContain((second, userId));

        // Reactivate: exactly the groups it had.
        (await scim.PatchAsync($"/Users/{userId}", Reactivate)).ShouldBeUser().Json["groups"]!.AsArray().Should().ContainSingle();
        org.GroupMembers.Where(row => row.User == userId).Should().Equal((groupId, userId));
        org.InactiveGroupMembers.Should().NotContain(row => row.User == userId);

        // Delete: in no group; a later POST of the same userName starts in none.
        (await scim.DeleteAsync($"/Users/{userId}")).ShouldBe(204);
        Members(await scim.GetAsync($"/Groups/{groupId}")).Should().BeEmpty();
        var again = (await scim.PostAsync("/Users", User("åsa.lind@example.com"))).ShouldBeUser(201);
        again.Id.Should().NotBe(userId);
        (await scim.GetAsync($"/Users/{again.Id}")).ShouldBeUser().Json["groups"]!.AsArray().Should().BeEmpty();
        Members(await scim.GetAsync($"/Groups/{groupId}")).Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UserAnswers_UseTheGroupsReadWithTheMember_ElseAskTheGroupStore(bool readsGroupsWithMember)
    {
        var scim = Client();
        var userId = (await scim.PostAsync("/Users", User("groups.with.member@example.com"))).ShouldBeUser(201).Id;
        var ops = await CreateGroupAsync(scim, "Ops", [userId]);
        var sales = await CreateGroupAsync(scim, "Sales", [userId]);
        _store.ReadsGroupsWithMember = readsGroupsWithMember;
        _store.ResetCounters();

        var read = (await scim.GetAsync($"/Users/{userId}")).ShouldBeUser();
        var deactivated = (await scim.PatchAsync($"/Users/{userId}", Deactivate)).ShouldBeUser();
        var unchanged = (await scim.PatchAsync($"/Users/{userId}", Deactivate)).ShouldBeUser();

        string[] expected = [.. new[] { ops, sales }.Order(StringComparer.Ordinal)];
        foreach (var answer in new[] { read, deactivated, unchanged })
        {
            answer.Json["groups"]!.AsArray().Select(g => (string?)g!["value"]).Should().Equal(expected);
        }

        ((string?)read.Json["groups"]![0]!["$ref"]).Should().EndWith($"/Groups/{expected[0]}");
        _store.GroupsOfMembersReads.Should().Be(readsGroupsWithMember ? 0 : 3, "the groups read with the member answer without a second read");
    }

    [Fact]
    public async Task ReviveByRePost_RestoresExactlyTheGroups()
    {
        var scim = Client();
        var userId = (await scim.PostAsync("/Users", User("revive@example.com"))).ShouldBeUser(201).Id;
        var groupId = await CreateGroupAsync(scim, "Revived", [userId]);
        (await scim.PatchAsync($"/Users/{userId}", Deactivate)).ShouldBeUser();

        var revived = (await scim.PostAsync("/Users", User("Revive@example.com"))).ShouldBeUser(201);

        revived.Id.Should().Be(userId);
        revived.Json["groups"]!.AsArray().Select(g => (string?)g!["value"]).Should().Equal(groupId);
        _store.Of(Acme).GroupMembers.Should().Contain((groupId, userId));
    }

    [Fact]
    public async Task GroupBodyWithARepeatedName_Is400InvalidSyntax_AndChangesNothing()
    {
        var scim = Client();
        var userId = (await scim.PostAsync("/Users", User("repeated@example.com"))).ShouldBeUser(201).Id;
        var groupId = await CreateGroupAsync(scim, "Repeated", [userId]);

        (await scim.PatchAsync($"/Groups/{groupId}", """
            {"schemas":1,"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members"}]}
            """)).ShouldBeError(400, "invalidSyntax");
        (await scim.PostAsync("/Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"A","DISPLAYNAME":"B"}"""))
            .ShouldBeError(400, "invalidSyntax");
        (await scim.PutAsync($"/Groups/{groupId}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"A","displayName":"B"}"""))
            .ShouldBeError(400, "invalidSyntax");

        Members(await scim.GetAsync($"/Groups/{groupId}")).Should().Equal(userId);
        (await scim.GetAsync($"/Groups?filter={Filter("displayName eq \"A\"")}")).ShouldBeList(0);
    }

    [Fact]
    public async Task UsersList_ShowsEachMembersGroups()
    {
        var scim = Client();
        var userId = (await scim.PostAsync("/Users", User("listed@example.com"))).ShouldBeUser(201).Id;
        var groupId = await CreateGroupAsync(scim, "Listed", [userId]);

        var resources = (await scim.FilterByUserNameAsync("LISTED@example.com")).ShouldBeList(1);

        resources[0]!["groups"]!.AsArray().Select(g => (string?)g!["value"]).Should().Equal(groupId);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"groups","value":[{"value":"g1"}]}""")]
    [InlineData("""{"op":"remove","path":"groups[value eq \"g1\"]"}""")]
    public async Task PatchUser_ReadOnlyGroups_Is400Mutability(string operation)
    {
        var scim = Client();
        var userId = (await scim.PostAsync("/Users", User("ro@example.com"))).ShouldBeUser(201).Id;

        (await scim.PatchAsync($"/Users/{userId}", Patch(operation))).ShouldBeError(400, "mutability");
    }

    [Fact]
    public async Task Patch_MemberNotOfThisOrganization_Is400InvalidValueAndChangesNothing()
    {
        _store.Seed(Acme, "u1", "u1@acme.example");
        _store.Seed(Globex, "g-user", "someone@globex.example");
        var scim = Client();
        var groupId = await CreateGroupAsync(scim, "Strict", ["u1"]);
        var before = (await scim.GetAsync($"/Groups/{groupId}")).ShouldBe(200);

        foreach (var stranger in new[] { "unknown-id", "g-user" })
        {
            var refused = (await scim.PatchAsync($"/Groups/{groupId}", Patch(
                """{"op":"replace","path":"displayName","value":"Renamed"}""",
                """{"op":"remove","path":"members[value eq \"u1\"]"}""",
                $$"""{"op":"add","path":"members","value":[{"value":"{{stranger}}"}]}"""))).ShouldBeError(400, "invalidValue");
            ((string?)refused.Json["detail"]).Should().Contain(stranger);
        }

        var after = (await scim.GetAsync($"/Groups/{groupId}")).ShouldBe(200);
        after.ETag.Should().Be(before.ETag, "the whole PATCH changed nothing");
        ((string?)after.Json["displayName"]).Should().Be("Strict");
        Members(after).Should().Equal("u1");
    }

    [Fact]
    public async Task Create_MemberNotOfThisOrganization_Is400AndCreatesNothing()
    {
        var answer = await Client().PostAsync("/Groups", GroupBody("Nope", ["removed-or-unknown"]));

        answer.ShouldBeError(400, "invalidValue");
        _store.Of(Acme).Groups.Should().BeEmpty();
    }

    [Fact]
    public async Task RemovedMember_CannotBeAddedAgain()
    {
        var scim = Client();
        var userId = (await scim.PostAsync("/Users", User("gone@example.com"))).ShouldBeUser(201).Id;
        var groupId = await CreateGroupAsync(scim, "Gone", []);
        (await scim.DeleteAsync($"/Users/{userId}")).ShouldBe(204);

        (await scim.PatchAsync($"/Groups/{groupId}", AddMembers(userId))).ShouldBeError(400, "invalidValue");
        (await scim.PatchAsync($"/Groups/{groupId}", RemoveMember(userId))).Status.Should().Be(204, "removing one that is not there is a no-op");
    }

    [Fact]
    public async Task DisplayName_TakenInAnyCase_Is409Uniqueness()
    {
        var scim = Client();
        var first = await CreateGroupAsync(scim, "Finance", []);
        var second = await CreateGroupAsync(scim, "Legal", []);

        (await scim.PostAsync("/Groups", GroupBody("FINANCE", []))).ShouldBeError(409, "uniqueness");
        (await scim.PatchAsync($"/Groups/{second}", Patch("""{"op":"Replace","path":"displayName","value":"finance"}"""))).ShouldBeError(409, "uniqueness");
        (await scim.PatchAsync($"/Groups/{first}", Patch("""{"op":"Replace","path":"displayName","value":"FINANCE"}"""))).Status.Should().Be(204, "a group may change the case of its own name");
        (await Client(Globex).PostAsync("/Groups", GroupBody("Finance", []))).Status.Should().Be(201, "displayName is unique within one organization");
    }

    [Fact]
    public async Task Patch_OneMember_WritesOneRowAndReadsNoMembers()
    {
        for (var i = 0; i < 50; i++)
        {
            _store.Seed(Acme, $"m{i}", $"m{i}@example.com");
        }

        var scim = Client();
        var groupId = await CreateGroupAsync(scim, "Big", [.. Enumerable.Range(0, 49).Select(i => $"m{i}")]);
        _store.ResetCounters();

        (await scim.PatchAsync($"/Groups/{groupId}", AddMembers("m49"))).ShouldBe(204);

        _store.GroupRowWrites.Should().Be(1);
        _store.MemberListReads.Should().Be(0);
    }

    [Fact]
    public async Task Versions_IfMatchAndIfNoneMatch_AsForUsers()
    {
        var scim = Client();
        var groupId = await CreateGroupAsync(scim, "Tagged", []);
        var read = (await scim.GetAsync($"/Groups/{groupId}")).ShouldBe(200);
        read.ETag.Should().Be("W/\"1\"");
        ((string?)read.Json["meta"]!["version"]).Should().Be(read.ETag);

        (await scim.GetAsync($"/Groups/{groupId}", r => r.Headers.TryAddWithoutValidation("If-None-Match", "W/\"1\""))).Status.Should().Be(304);
        (await scim.PatchAsync($"/Groups/{groupId}", Patch("""{"op":"replace","path":"displayName","value":"Tagged 2"}"""), configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"9\""))).ShouldBeError(412);
        (await scim.PatchAsync($"/Groups/{groupId}", Patch("""{"op":"replace","path":"displayName","value":"Tagged 2"}"""), configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"1\""))).ShouldBe(204);
        (await scim.GetAsync($"/Groups/{groupId}")).ETag.Should().Be("W/\"2\"");
        (await scim.DeleteAsync($"/Groups/{groupId}", r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"1\""))).ShouldBeError(412);
        (await scim.PutAsync($"/Groups/{groupId}", GroupBody("Tagged 3", []), configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"2\""))).ShouldBe(200).ETag.Should().Be("W/\"3\"");
    }

    [Fact]
    public async Task Put_OktaWizardApp_ReplacesTheMembers()
    {
        _store.Seed(Acme, "a", "a@example.com");
        _store.Seed(Acme, "b", "b@example.com");
        var scim = Client();
        var groupId = await CreateGroupAsync(scim, "Wizard", ["a"]);

        var replaced = (await scim.PutAsync($"/Groups/{groupId}", GroupBody("Wizard", ["b"], id: groupId))).ShouldBe(200);

        Members(replaced).Should().Equal("b");
        Members(await scim.GetAsync($"/Groups/{groupId}")).Should().Equal("b");
        (await scim.PutAsync($"/Groups/{groupId}", GroupBody("Wizard", [], id: "another"))).ShouldBeError(400, "mutability");
    }

    [Theory]
    [InlineData("""{"op":"replace","value":{"id":"not-this-group","displayName":"x"}}""", "mutability")]
    [InlineData("""{"op":"remove","path":"displayName"}""", "invalidValue")]
    [InlineData("""{"op":"add","path":"members","value":[{"value":"g","type":"Group"}]}""", "invalidValue")]
    [InlineData("""{"op":"remove","path":"members[display eq \"x\"]"}""", "invalidFilter")]
    [InlineData("""{"op":"replace","path":"owners","value":"x"}""", "invalidPath")]
    [InlineData("""{"op":"remove"}""", "noTarget")]
    public async Task Patch_Malformed_IsTheRightScimError(string operation, string scimType)
    {
        var scim = Client();
        var groupId = await CreateGroupAsync(scim, "Malformed", []);

        (await scim.PatchAsync($"/Groups/{groupId}", Patch(operation))).ShouldBeError(400, scimType);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":["x"]}""")]
    public async Task Post_Malformed_Is400(string body)
    {
        (await Client().PostAsync("/Groups", body)).ShouldBeError(400);
    }

    [Fact]
    public async Task Organizations_SeeOnlyTheirOwnGroups()
    {
        var groupId = await CreateGroupAsync(Client(), "Acme only", []);
        var globex = Client(Globex);

        (await globex.GetAsync($"/Groups/{groupId}")).ShouldBeError(404);
        (await globex.PatchAsync($"/Groups/{groupId}", Patch("""{"op":"replace","path":"displayName","value":"mine"}"""))).ShouldBeError(404);
        (await globex.DeleteAsync($"/Groups/{groupId}")).ShouldBeError(404);
        (await globex.GetAsync("/Groups")).ShouldBeList(0);
    }

    [Fact]
    public async Task Discovery_WithAGroupStore_DescribesGroup()
    {
        var scim = Client();

        (await scim.GetAsync("/ResourceTypes")).ShouldBeList(2).Select(t => (string?)t!["id"]).Should().Equal("User", "Group");
        (await scim.GetAsync("/ResourceTypes/Group")).ShouldBe(200);
        (await scim.GetAsync("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group")).ShouldBe(200);
        (await scim.GetAsync("/Schemas")).ShouldBeList(3);
    }

    [Fact]
    public async Task WithoutAGroupStore_GroupsBehaveAsBefore()
    {
        await using var app = await StartAsync(new InMemoryTwoStateStore(), servesGroups: false);
        var scim = new ScimClient(app.GetTestClient(), "/scim/v2/organizations/acme", "token-acme");

        (await scim.GetAsync("/Groups")).ShouldBeList(0);
        (await scim.GetAsync("/Groups/any")).ShouldBeError(404);
        (await scim.PostAsync("/Groups", GroupBody("x", []))).ShouldBeError(501);
        (await scim.PatchAsync("/Groups/any", Patch("""{"op":"remove","path":"members"}"""))).ShouldBeError(501);
        (await scim.GetAsync("/ResourceTypes")).ShouldBeList(1);
        (await scim.GetAsync("/ResourceTypes/Group")).ShouldBeError(404);
        (await scim.GetAsync("/Schemas")).ShouldBeList(2);
        (await scim.PostAsync("/Users", User("plain@example.com"))).ShouldBeUser(201).Json.AsObject().ContainsKey("groups").Should().BeFalse();
    }

    private ScimClient Client(string organization = Acme) =>
        new(_app.GetTestClient(), $"/scim/v2/organizations/{organization}", "token-" + organization);

    private static async Task<string> CreateGroupAsync(ScimClient scim, string displayName, string[] members, string? externalId = null) =>
        (await scim.PostAsync("/Groups", GroupBody(displayName, members, externalId: externalId))).ShouldBe(201).Id;

    private static string User(string userName) => new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
        ["userName"] = userName,
        ["active"] = true,
    }.ToJsonString();

    private static string Payload(string name, string? groupId = null)
    {
        var text = GroupRequests.Payload(name);
        return groupId is null ? text : text.Replace(OktaGroupId, groupId, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(InMemoryTwoStateStore store, bool servesGroups)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IScimMemberStore>(store);
        if (servesGroups)
        {
            builder.Services.AddSingleton<IScimGroupStore>(store);
        }

        builder.Services.AddSingleton<IScimOrganizationResolver, TokenPerOrganization>();
        builder.Services.AddMembershipStates();
        var app = builder.Build();
        app.MapMembershipStates();
        await app.StartAsync();
        return app;
    }

    private sealed class TokenPerOrganization : IScimOrganizationResolver
    {
        public ValueTask<string?> ResolveAsync(HttpContext httpContext, string? routeOrganization, string? bearerToken, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(routeOrganization is Acme or Globex && bearerToken == "token-" + routeOrganization ? routeOrganization : null);
    }
}
