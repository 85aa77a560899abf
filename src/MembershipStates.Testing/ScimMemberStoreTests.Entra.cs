using System.Text.Json;
using MembershipStates.Testing.Scripts;
using Xunit;

namespace MembershipStates.Testing;

/// <content>Microsoft Entra ID's scripts: Test Connection, and the user lifecycle in its default and flagged payloads.</content>
public abstract partial class ScimMemberStoreTests
{
    private const string Entra = "Microsoft Entra ID provisioning: ";

    /// <summary>Entra ID's Test Connection: a filter on a random GUID is 200 with an empty list, by <c>userName</c> and by <c>externalId</c>; a 404 would quarantine the job.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A filter was not answered with an empty ListResponse.</exception>
    [SkippableFact]
    public async Task EntraTestConnection_FilterOnARandomGuid_IsAnEmptyList()
    {
        var session = NewSession();
        var entra = await session.OrganizationAsync().ConfigureAwait(false);
        foreach (var attribute in new[] { "userName", "externalId" })
        {
            var answer = await entra.GetAsync($"/Users?filter={Uri.EscapeDataString($"{attribute} eq \"{Guid.NewGuid()}\"")}").ConfigureAwait(false);
            session.Check.List(answer, 0, Entra + $"Test Connection filters on {attribute} eq a random GUID: 200 with an empty ListResponse, never 404");
        }
    }

    /// <summary>Entra ID's user lifecycle in its default payloads: create, disable ("False"), update several attributes, enable ("True"), hard delete, provision again.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A step was answered otherwise than Entra ID and its validator expect.</exception>
    [SkippableFact]
    public async Task EntraLifecycle_DefaultPayloads_DisableUpdateEnableDeleteAndProvisionAgain()
    {
        var session = NewSession();
        var check = session.Check;
        var entra = await session.OrganizationAsync().ConfigureAwait(false);
        var userName = $"ryan.{Guid.NewGuid():N}@contoso.com";
        var externalId = Guid.NewGuid().ToString();
        var created = check.User(await entra.PostAsync("/Users", ProviderPayloads.EntraCreate(userName, externalId)).ConfigureAwait(false), 201, Entra + "create: POST /Users is 201");
        var id = (string)created["id"]!;
        check.That((string?)created["externalId"] == externalId && (string?)created[ProviderPayloads.EnterpriseUser]?["employeeNumber"] == "701984",
            Entra + "create: the answer carries externalId and the enterprise attributes", $"externalId {externalId}, employeeNumber 701984", created);

        var byExternalId = check.List(await entra.GetAsync($"/Users?filter={Uri.EscapeDataString($"externalId eq \"{externalId}\"")}").ConfigureAwait(false), 1, Entra + "match: the filter on externalId finds the user");
        check.That((string?)byExternalId[0]?["id"] == id, Entra + "match: the filter on externalId finds the user", $"id {id}", byExternalId);

        var disabled = check.User(await entra.PatchAsync($"/Users/{id}", ProviderPayloads.EntraSetActiveDefault(false)).ConfigureAwait(false), 200, Entra + "disable: {\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"} is 200");
        check.That(disabled["active"]!.GetValueKind() == JsonValueKind.False, Entra + "disable: the string \"False\" deactivates", "active false", disabled);
        var read = check.User(await entra.GetAsync($"/Users/{id}").ConfigureAwait(false), 200, Entra + "a disabled user must still come back from GET (Microsoft's validator)");
        check.That(read["active"]!.GetValueKind() == JsonValueKind.False, Entra + "a disabled user comes back with active false", "active false", read);
        var filtered = check.List(await entra.FilterByUserNameAsync(userName.ToUpperInvariant()).ConfigureAwait(false), 1, Entra + "a disabled user comes back from a filter with a userName in another case");
        check.That(filtered[0]?["active"]?.GetValueKind() == JsonValueKind.False, Entra + "a disabled user comes back from the filter, active false", "active false", filtered);

        var updated = check.User(await entra.PatchAsync($"/Users/{id}", ProviderPayloads.EntraMultiReplace("Ryan2", "ryan2@contoso.com", "701985")).ConfigureAwait(false), 200, Entra + "attribute update: several operations in one PATCH");
        check.That(updated["active"]!.GetValueKind() == JsonValueKind.False && (string?)updated["name"]?["givenName"] == "Ryan2"
                && (string?)updated["emails"]?[0]?["value"] == "ryan2@contoso.com" && (string?)updated[ProviderPayloads.EnterpriseUser]?["employeeNumber"] == "701985",
            "Lifecycle: Update profile on Inactive → Inactive, 200, the attributes stored", "active false, givenName Ryan2, the work e-mail ryan2@contoso.com, employeeNumber 701985", updated);
        read = check.User(await entra.GetAsync($"/Users/{id}").ConfigureAwait(false), 200, Entra + "the update is stored");
        check.That((string?)read["name"]?["givenName"] == "Ryan2" && (string?)read["emails"]?[0]?["value"] == "ryan2@contoso.com",
            "Lifecycle: Update profile on Inactive → the attributes are stored", "givenName Ryan2, the work e-mail ryan2@contoso.com", read);

        var enabled = check.User(await entra.PatchAsync($"/Users/{id}", ProviderPayloads.EntraSetActiveDefault(true)).ConfigureAwait(false), 200, Entra + "enable: the string \"True\"");
        check.That((string?)enabled["id"] == id && enabled["active"]!.GetValueKind() == JsonValueKind.True, "Lifecycle: Reactivate on Inactive → Active, 200, the same id", $"id {id}, active true", enabled);

        var deleted = await entra.DeleteAsync($"/Users/{id}").ConfigureAwait(false);
        check.That(deleted.Status == 204 && deleted.Body.Length == 0, "Lifecycle: Remove (DELETE) on Active → NotMember, 204", "204 with no body", deleted.ToString);
        check.Error(await entra.GetAsync($"/Users/{id}").ConfigureAwait(false), 404, null, "Lifecycle: after a DELETE every operation on the id is 404 (GET)");
        check.Error(await entra.DeleteAsync($"/Users/{id}").ConfigureAwait(false), 404, null, "Lifecycle: after a DELETE every operation on the id is 404 (a second DELETE)");
        check.Error(await entra.PatchAsync($"/Users/{id}", ProviderPayloads.EntraSetActiveDefault(false)).ConfigureAwait(false), 404, null, "Lifecycle: after a DELETE every operation on the id is 404 (PATCH)");
        check.List(await entra.FilterByUserNameAsync(userName).ConfigureAwait(false), 0, "Lifecycle: a removed member is absent from filters");

        var again = check.User(await entra.PostAsync("/Users", ProviderPayloads.EntraCreate(userName, externalId)).ConfigureAwait(false), 201, "Lifecycle: a POST after a DELETE is a new provisioning, 201");
        check.That((string?)again["id"] != id && again["active"]!.GetValueKind() == JsonValueKind.True, "Lifecycle: a POST after a DELETE is a new provisioning with a new id", $"an id other than {id}, active true", again);
    }

    /// <summary>Entra ID's lifecycle with the <c>aadOptscim062020</c> flag: boolean disable and enable, and a path-less replace with dotted keys that also disables.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A step was answered otherwise than Entra ID expects.</exception>
    [SkippableFact]
    public async Task EntraLifecycle_FlaggedPayloads_DisableEnableAndDottedReplace()
    {
        var session = NewSession();
        var check = session.Check;
        var entra = await session.OrganizationAsync().ConfigureAwait(false);
        var userName = $"flagged.{Guid.NewGuid():N}@contoso.com";
        var id = (string)check.User(await entra.PostAsync("/Users", ProviderPayloads.EntraCreate(userName, Guid.NewGuid().ToString())).ConfigureAwait(false), 201, Entra + "create")["id"]!;

        var disabled = check.User(await entra.PatchAsync($"/Users/{id}", ProviderPayloads.EntraSetActiveFlagged(false)).ConfigureAwait(false), 200, Entra + "disable with the flag: a boolean");
        check.That(disabled["active"]!.GetValueKind() == JsonValueKind.False, "Lifecycle: Deactivate on Active → Inactive, 200", "active false", disabled);
        var read = check.User(await entra.GetAsync($"/Users/{id}").ConfigureAwait(false), 200, "Read: an Inactive member is 200 with active false");
        check.That(read["active"]!.GetValueKind() == JsonValueKind.False, "Read: an Inactive member is 200 with active false", "active false", read);
        var enabled = check.User(await entra.PatchAsync($"/Users/{id}", ProviderPayloads.EntraSetActiveFlagged(true)).ConfigureAwait(false), 200, Entra + "enable with the flag");
        check.That(enabled["active"]!.GetValueKind() == JsonValueKind.True, "Lifecycle: Reactivate on Inactive → Active, 200", "active true", enabled);

        var replaced = check.User(await entra.PatchAsync($"/Users/{id}", ProviderPayloads.EntraFlaggedReplace("Ryan3", "Ryan L", active: false)).ConfigureAwait(false), 200, Entra + "a path-less replace with dotted keys");
        check.That(replaced["active"]!.GetValueKind() == JsonValueKind.False && (string?)replaced["name"]?["givenName"] == "Ryan3" && (string?)replaced["displayName"] == "Ryan L",
            "Lifecycle: a PATCH that changes active and other attributes is one decision, applied atomically", "active false, givenName Ryan3, displayName Ryan L", replaced);
        read = check.User(await entra.GetAsync($"/Users/{id}").ConfigureAwait(false), 200, "Read: the decision was stored whole");
        check.That((string?)read["id"] == id && read["active"]!.GetValueKind() == JsonValueKind.False && (string?)read["displayName"] == "Ryan L",
            "Lifecycle: a PATCH that changes active and other attributes is one decision, applied atomically", $"id {id}, active false, displayName Ryan L", read);
    }
}
