using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Testing.Http;
using MembershipStates.Testing.Scripts;
using Xunit;

namespace MembershipStates.Testing;

/// <content>Okta's scripts: the SCIM 2.0 SPEC Test, the SCIM 2.0 CRUD Test (catalog and wizard apps), and re-assignment.</content>
public abstract partial class ScimMemberStoreTests
{
    private const string Spec = "Okta SCIM 2.0 SPEC Test, step ";
    private const string Crud = "Okta SCIM 2.0 CRUD Test, step ";

    /// <summary>Okta's SCIM 2.0 SPEC Test: its required steps in order, with the headers Okta sends.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A step was answered otherwise than Okta requires.</exception>
    [SkippableFact]
    public async Task OktaSpecTest_RequiredSteps_PassInOrder()
    {
        var session = NewSession();
        var check = session.Check;
        var okta = await session.OrganizationAsync().ConfigureAwait(false);

        // Okta's suite needs one user to exist before it runs.
        check.User(await okta.PostAsync("/Users", ProviderPayloads.OktaSpecUser(ProviderPayloads.NewUserName("Seeded"), "Seed", "User"), "application/json").ConfigureAwait(false), 201, Spec + "0: a user exists before the run");

        var first = await okta.GetAsync("/Users?count=1&startIndex=1", OktaGetHeaders).ConfigureAwait(false);
        var resources = check.List(first, null, Spec + "1: GET /Users?count=1&startIndex=1 is a ListResponse");
        check.That(resources.Count == 1 && (int?)first.Json!["startIndex"] == 1, Spec + "1: GET /Users?count=1&startIndex=1", "one resource and startIndex 1", first.ToString);
        var listed = resources[0]!;
        check.That(
            listed["id"] is not null && listed["userName"] is not null && listed["active"] is not null
                && listed["name"]?["givenName"] is not null && listed["name"]?["familyName"] is not null && listed["emails"]?[0]?["value"] is not null,
            Spec + "1: Resources[0] has the fields Okta reads",
            "id, name.givenName, name.familyName, userName, active, emails[0].value",
            first.ToString);
        var listedId = (string)listed["id"]!;

        var read = check.User(await okta.GetAsync($"/Users/{listedId}", OktaGetHeaders).ConfigureAwait(false), 200, Spec + "2: GET /Users/{that id}");
        check.That((string?)read["id"] == listedId && read["name"]?["givenName"] is not null, Spec + "2: GET /Users/{that id} is the same user", $"id {listedId} with name.givenName", read);

        check.That(check.List(await okta.GetAsync($"/Users?filter={Uri.EscapeDataString("userName eq \"abcdefgh@atko.com\"")}", OktaGetHeaders).ConfigureAwait(false), 0, Spec + "3: a filter on an unknown userName").Count == 0,
            Spec + "3", "no resources", () => "resources");
        check.Error(await okta.GetAsync("/Users/010101001010101011001010101011", OktaGetHeaders).ConfigureAwait(false), 404, null, Spec + "4: an unknown id is 404 with the Error schema and a detail");

        var userName = ProviderPayloads.NewUserName();
        check.List(await okta.GetAsync($"/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}", OktaGetHeaders).ConfigureAwait(false), 0, Spec + "5: a filter on the userName about to be created");

        var createdAnswer = await okta.PostAsync("/Users", ProviderPayloads.OktaSpecUser(userName, "Runscope", "Tester"), "application/json").ConfigureAwait(false);
        var created = check.User(createdAnswer, 201, Spec + "6: POST /Users creates the user");
        var id = (string)created["id"]!;
        check.That(created["active"]!.GetValueKind() == JsonValueKind.True && (string?)created["userName"] == userName
                && (string?)created["name"]?["givenName"] == "Runscope" && (string?)created["name"]?["familyName"] == "Tester",
            Spec + "6: the answer echoes the user, its userName exactly as sent", $"active true, userName \"{userName}\", name Runscope Tester", created);
        check.That(createdAnswer.Location?.EndsWith($"/Users/{id}", StringComparison.Ordinal) == true, Spec + "6: Location names the new user", $"Location …/Users/{id}", () => createdAnswer.Location ?? "no Location");

        var again = check.User(await okta.GetAsync($"/Users/{id}", OktaGetHeaders).ConfigureAwait(false), 200, Spec + "7: GET the new id");
        check.That((string?)again["userName"] == userName && (string?)again["name"]?["familyName"] == "Tester", Spec + "7: the user as created", $"userName \"{userName}\", familyName Tester", again);

        check.Error(await okta.PostAsync("/Users", ProviderPayloads.OktaSpecUser(userName, "Runscope", "Tester"), "application/json").ConfigureAwait(false), 409, "uniqueness", Spec + "8: the same POST again is 409");

        var upper = check.List(await okta.GetAsync($"/Users?filter={Uri.EscapeDataString($"userName eq \"{userName.ToUpperInvariant()}\"")}", OktaGetHeaders).ConfigureAwait(false), 1,
            Spec + "9: the filter with the userName in upper case finds the user (caseExact is false)");
        check.That((string?)upper[0]?["id"] == id, Spec + "9: the filter in upper case finds the user", $"id {id}", upper);

        check.List(await okta.GetAsync("/Groups", OktaGetHeaders).ConfigureAwait(false), 0, Spec + "10: GET /Groups");

        var unauthorized = await okta.WithToken("non-token").GetAsync("/Users", OktaGetHeaders).ConfigureAwait(false);
        check.Error(unauthorized, 401, null, Spec + "11: Authorization: non-token is 401 with an Error body");

        check.Error(await okta.GetAsync("/Users/00919288221112222", OktaGetHeaders).ConfigureAwait(false), 404, null, Spec + "12: another unknown id is 404 with an Error body");
    }

    /// <summary>Okta's SCIM 2.0 CRUD Test for a catalog app: deactivation and reactivation by PATCH; the user stays visible and keeps its id.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A step was answered otherwise than Okta requires.</exception>
    [SkippableFact]
    public async Task OktaCrudTest_CatalogApp_DeactivatedUserStaysVisibleAndComesBackWithTheSameId()
    {
        var (check, okta, userName, scimId) = await AssignedAsync().ConfigureAwait(false);
        await ChangeProfileAsync(okta, check, scimId).ConfigureAwait(false);

        var deactivated = check.User(await okta.PatchAsync($"/Users/{scimId}", ProviderPayloads.OktaSetActive(false)).ConfigureAwait(false), 200, Crud + "3: deactivate (PATCH without a path)");
        check.That(deactivated["active"]!.GetValueKind() == JsonValueKind.False && (string?)deactivated["userName"] == userName && (string?)deactivated["name"]?["givenName"] == "Changed",
            Crud + "3: the PATCH answers the full user, deactivated", "active false, the userName and the changed givenName", deactivated);
        await ShouldBeInactiveAsync(okta, check, scimId, Crud + "3: after deactivation GET /Users/{scim_id} is 200 with active false; a 404 fails the test").ConfigureAwait(false);

        var lookup = check.List(await okta.FilterByUserNameAsync(userName).ConfigureAwait(false), 1, Crud + "4: the re-assignment lookup finds the inactive user");
        check.That((string?)lookup[0]?["id"] == scimId && lookup[0]?["active"]?.GetValueKind() == JsonValueKind.False,
            Crud + "4: the lookup finds the same, inactive user", $"id {scimId}, active false", lookup);
        var reactivated = check.User(await okta.PatchAsync($"/Users/{scimId}", ProviderPayloads.OktaSetActive(true)).ConfigureAwait(false), 200, Crud + "4: reactivate (PATCH)");
        check.That(reactivated["active"]!.GetValueKind() == JsonValueKind.True, Crud + "4: reactivated", "active true", reactivated);
        var read = check.User(await okta.GetAsync($"/Users/{scimId}").ConfigureAwait(false), 200, Crud + "4: after reactivation the same scim_id is 200 with active true");
        check.That((string?)read["id"] == scimId && read["active"]!.GetValueKind() == JsonValueKind.True, Crud + "4: the same scim_id, active", $"id {scimId}, active true", read);

        check.User(await okta.PatchAsync($"/Users/{scimId}", ProviderPayloads.OktaSetActive(false)).ConfigureAwait(false), 200, Crud + "5: unassign (deactivate again)");
        await ShouldBeInactiveAsync(okta, check, scimId, Crud + "5: after unassignment GET /Users/{scim_id} is 200 with active false").ConfigureAwait(false);
    }

    /// <summary>Okta's SCIM 2.0 CRUD Test for an app built with Okta's wizard: deactivation and reactivation by full PUTs.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">A step was answered otherwise than Okta requires.</exception>
    [SkippableFact]
    public async Task OktaCrudTest_WizardApp_FullPutsDeactivateAndReactivate()
    {
        var (check, okta, userName, scimId) = await AssignedAsync().ConfigureAwait(false);
        await ChangeProfileAsync(okta, check, scimId).ConfigureAwait(false);

        var current = check.User(await okta.GetAsync($"/Users/{scimId}").ConfigureAwait(false), 200, Crud + "3: GET before the wizard's PUT");
        var deactivated = check.User(await okta.PutAsync($"/Users/{scimId}", ProviderPayloads.OktaPut(current, active: false), contentType: "application/json").ConfigureAwait(false), 200, Crud + "3: deactivate (full PUT with active false)");
        check.That(deactivated["active"]!.GetValueKind() == JsonValueKind.False, Crud + "3: the PUT deactivates", "active false", deactivated);
        await ShouldBeInactiveAsync(okta, check, scimId, Crud + "3: after deactivation GET /Users/{scim_id} is 200 with active false; a 404 fails the test").ConfigureAwait(false);

        var lookup = check.List(await okta.FilterByUserNameAsync(userName).ConfigureAwait(false), 1, Crud + "4: the re-assignment lookup finds the inactive user");
        check.That((string?)lookup[0]?["id"] == scimId, Crud + "4: the lookup finds the same user", $"id {scimId}", lookup);
        current = check.User(await okta.GetAsync($"/Users/{scimId}").ConfigureAwait(false), 200, Crud + "4: GET before the wizard's PUT");
        var reactivated = check.User(await okta.PutAsync($"/Users/{scimId}", ProviderPayloads.OktaPut(current, active: true), contentType: "application/json").ConfigureAwait(false), 200, Crud + "4: reactivate (full PUT with active true)");
        check.That((string?)reactivated["id"] == scimId && reactivated["active"]!.GetValueKind() == JsonValueKind.True, Crud + "4: the same scim_id, active", $"id {scimId}, active true", reactivated);

        current = check.User(await okta.GetAsync($"/Users/{scimId}").ConfigureAwait(false), 200, Crud + "5: GET before the wizard's PUT");
        check.User(await okta.PutAsync($"/Users/{scimId}", ProviderPayloads.OktaPut(current, active: false), contentType: "application/json").ConfigureAwait(false), 200, Crud + "5: unassign (full PUT with active false)");
        await ShouldBeInactiveAsync(okta, check, scimId, Crud + "5: after unassignment GET /Users/{scim_id} is 200 with active false").ConfigureAwait(false);
    }

    /// <summary>Okta's re-assignment by a new POST of a deactivated user: the inactive member is revived with the same id, not duplicated.</summary>
    /// <returns>A task that completes when the script has passed.</returns>
    /// <exception cref="ScimConformanceException">The POST created a duplicate or another id (policy Revive), or was not refused (policy Reject).</exception>
    [SkippableFact]
    public async Task OktaReassignment_PostAfterDeactivation_RevivesTheSameIdInsteadOfADuplicate()
    {
        var (check, okta, userName, scimId) = await AssignedAsync().ConfigureAwait(false);
        check.User(await okta.PatchAsync($"/Users/{scimId}", ProviderPayloads.OktaSetActive(false)).ConfigureAwait(false), 200, Crud + "3: deactivate");

        var again = await okta.PostAsync("/Users", ProviderPayloads.OktaCreate(userName.ToLowerInvariant(), "00u-again"), "application/json").ConfigureAwait(false);
        if (Options.InactiveProvisionPolicy == InactiveProvisionPolicy.Reject)
        {
            check.Error(again, 409, "uniqueness", "Lifecycle: Provision on Inactive → 409 (policy Reject)");
        }
        else
        {
            var revived = check.User(again, 201, "Lifecycle: Provision on Inactive → revive: Active, the same id, 201 (policy Revive)");
            check.That((string?)revived["id"] == scimId && revived["active"]!.GetValueKind() == JsonValueKind.True,
                "Lifecycle: Provision on Inactive → revive: Active, the same id, 201 (policy Revive)", $"id {scimId}, active true", revived);
        }

        var found = check.List(await okta.FilterByUserNameAsync(userName).ConfigureAwait(false), 1, "userName is unique per organization: the re-POST made no duplicate");
        check.That((string?)found[0]?["id"] == scimId, "The SCIM id is stable from provisioning until removal", $"id {scimId}", found);
    }

    // GETs: Accept, Accept-Charset, a Content-Type even without a body, and Okta's User-Agent.
    private static void OktaGetHeaders(HttpRequestMessage request)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/scim+json");
        request.Headers.AcceptCharset.ParseAdd("utf-8");
        request.Headers.UserAgent.ParseAdd("OKTA SCIM Integration");
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/scim+json; charset=utf-8");
    }

    /// <summary>A new organization as Okta sees it, with one user assigned (CRUD step 1).</summary>
    private async Task<(Checker Check, KitClient Okta, string UserName, string ScimId)> AssignedAsync()
    {
        var session = NewSession();
        var okta = await session.OrganizationAsync().ConfigureAwait(false);
        var userName = ProviderPayloads.NewUserName();
        return (session.Check, okta, userName, await AssignAsync(okta, session.Check, userName).ConfigureAwait(false));
    }

    /// <summary>CRUD step 1, assign: the filter finds nothing, the POST (externalId, a password) creates, the filter then finds the user.</summary>
    private static async Task<string> AssignAsync(KitClient okta, Checker check, string userName)
    {
        check.List(await okta.FilterByUserNameAsync(userName).ConfigureAwait(false), 0, Crud + "1: the assignment lookup finds nothing yet");
        var answer = await okta.PostAsync("/Users", ProviderPayloads.OktaCreate(userName, "00u" + Guid.NewGuid().ToString("N")[..17]), "application/json").ConfigureAwait(false);
        var created = check.User(answer, 201, Crud + "1: POST /Users creates the user");
        check.That(created["active"]!.GetValueKind() == JsonValueKind.True && !answer.Body.Contains(ProviderPayloads.OktaPassword, StringComparison.Ordinal),
            Crud + "1: the created user is active and its password is never answered", "active true, no password", created);
        var id = (string)created["id"]!;
        var found = check.List(await okta.FilterByUserNameAsync(userName).ConfigureAwait(false), 1, Crud + "1: the filter finds the user");
        check.That((string?)found[0]?["id"] == id, Crud + "1: the filter finds the user; its id is scim_id", $"id {id}", found);
        return id;
    }

    /// <summary>CRUD step 2, profile change: GET, then PUT the full user back with a new givenName.</summary>
    private static async Task ChangeProfileAsync(KitClient okta, Checker check, string scimId)
    {
        var current = check.User(await okta.GetAsync($"/Users/{scimId}").ConfigureAwait(false), 200, Crud + "2: GET /Users/{id} before the profile PUT");
        var put = check.User(await okta.PutAsync($"/Users/{scimId}", ProviderPayloads.OktaPut(current, active: true, givenName: "Changed"), contentType: "application/json").ConfigureAwait(false), 200, Crud + "2: PUT /Users/{id} with the full user");
        check.That((string?)put["id"] == scimId, Crud + "2: the PUT keeps the id", $"id {scimId}", put);
        var readAnswer = await okta.GetAsync($"/Users/{scimId}").ConfigureAwait(false);
        var read = check.User(readAnswer, 200, Crud + "2: GET /Users/{scim_id} shows the new givenName");
        check.That((string?)read["name"]?["givenName"] == "Changed" && !readAnswer.Body.Contains(ProviderPayloads.OktaPassword, StringComparison.Ordinal),
            Crud + "2: GET /Users/{scim_id} shows the new givenName", "name.givenName \"Changed\", no password", read);
    }

    /// <summary>Okta's check after deactivation and unassignment: 200 with active false (written, not omitted), never 404.</summary>
    private static async Task ShouldBeInactiveAsync(KitClient okta, Checker check, string scimId, string rule)
    {
        var read = check.User(await okta.GetAsync($"/Users/{scimId}").ConfigureAwait(false), 200, rule);
        check.That((string?)read["id"] == scimId && read["active"]!.GetValueKind() == JsonValueKind.False, rule, $"id {scimId}, \"active\": false", read);
    }
}
