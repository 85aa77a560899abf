using System.Text.Json.Nodes;
using MembershipStates.Testing.Http;

namespace MembershipStates.Testing.Model;

/// <content>Reads the store's state back after each step, as providers read it, and compares it with the model.</content>
internal sealed partial class SequenceRunner
{
    private async Task VerifyStateAsync(Step step)
    {
        foreach (var (index, client) in _session.Organizations)
        {
            var org = Model(index);
            await VerifyUsersAsync(client, org).ConfigureAwait(false);
            if (index == step.Org)
            {
                await VerifyMemberAsync(client, org, step).ConfigureAwait(false);
            }

            if (_groups)
            {
                await VerifyGroupsAsync(client, org).ConfigureAwait(false);
            }
        }
    }

    private string After(string rule) => $"{rule} (after {_lastRule})";

    /// <summary>GET /Users: every member, Active and Inactive, as the model has it, and nothing else.</summary>
    private async Task VerifyUsersAsync(KitClient client, ModelOrganization org)
    {
        var rule = After(Rules.Listed);
        var answer = await client.GetAsync("/Users?startIndex=1&count=100").ConfigureAwait(false);
        var resources = Check.List(answer, org.Users.Count, rule);
        Check.That(resources.Count == org.Users.Count, rule, $"{org.Users.Count} users", () => $"{resources.Count} users: {answer.Body}");
        foreach (var resource in resources)
        {
            var id = (string?)resource?["id"];
            var user = id is null ? null : org.MemberById(id);
            Check.That(user is not null, rule,
                "members " + string.Join(", ", org.Users.Values.Select(u => $"{u.Id} ({u.UserName})")),
                () => $"a user the rules do not have: {resource?.ToJsonString()}");
            ShouldBe(resource!, null, user!, org, rule);
        }
    }

    /// <summary>The step's member by id and by a filter on its userName in another case; a removed one is 404 and absent.</summary>
    private async Task VerifyMemberAsync(KitClient client, ModelOrganization org, Step step)
    {
        var user = org.Users.GetValueOrDefault(step.UserKey);
        var removed = org.RemovedUserIds.GetValueOrDefault(step.UserKey);
        if (user is not null)
        {
            var answer = await client.GetAsync($"/Users/{user.Id}").ConfigureAwait(false);
            ShouldBe(Check.User(answer, 200, After(Rules.ReadById)), answer, user, org, After(Rules.ReadById));
        }

        if (removed is not null && removed != user?.Id)
        {
            Check.Error(await client.GetAsync($"/Users/{removed}").ConfigureAwait(false), 404, null, After(Rules.RemovedIs404));
        }

        if (step.Kind is StepKind.CreateGroup or StepKind.DeleteGroup)
        {
            return;
        }

        // The key is the name in upper case: a spelling the provider may not have sent.
        var found = Check.List(await client.FilterByUserNameAsync(step.UserKey).ConfigureAwait(false), user is null ? 0 : 1, After(Rules.FoundByFilter));
        Check.That(user is null || (string?)found[0]?["id"] == user.Id, After(Rules.FoundByFilter), $"id {user?.Id}", found);
    }

    /// <summary>GET /Groups: every group with exactly its members.</summary>
    private async Task VerifyGroupsAsync(KitClient client, ModelOrganization org)
    {
        var rule = After(Rules.GroupsListed);
        var answer = await client.GetAsync("/Groups?startIndex=1&count=100").ConfigureAwait(false);
        var resources = Check.List(answer, org.Groups.Count, rule);
        foreach (var resource in resources)
        {
            var id = (string?)resource?["id"];
            var group = org.Groups.Values.FirstOrDefault(g => g.Id == id);
            Check.That(group is not null, rule, "groups " + string.Join(", ", org.Groups.Values.Select(g => g.DisplayName)), () => $"a group the rules do not have: {resource?.ToJsonString()}");
            var members = (resource?["members"] as JsonArray ?? []).Select(m => (string?)m?["value"]).ToHashSet(StringComparer.Ordinal);
            Check.That((string?)resource!["displayName"] == group!.DisplayName && group.Members.SetEquals(members!), rule,
                $"{group.DisplayName} with members [{string.Join(", ", group.Members.Order(StringComparer.Ordinal))}]",
                () => $"{resource["displayName"]} with members [{string.Join(", ", members.Order(StringComparer.Ordinal))}]");
        }
    }
}
