using System.Globalization;
using MembershipStates.Scim;
using MembershipStates.Testing.Model;
using MembershipStates.Testing.Scripts;
using Xunit;

namespace MembershipStates.Testing;

/// <content>Races between the two instances of the host: changes of one member, creations of one userName.</content>
public abstract partial class ScimMemberStoreTests
{
    /// <summary>
    /// Sends <see cref="ScimStoreTestOptions.RacingRequests"/> attribute changes of one member at once, spread over
    /// both instances: each one answered 200 made a version of its own, none was lost, nothing failed.
    /// </summary>
    /// <returns>A task that completes when the check has passed.</returns>
    /// <exception cref="ScimConformanceException">Two changes claimed one version, a change was lost, or a request failed.</exception>
    [SkippableFact]
    public async Task RacingChanges_OnOneMember_EachAcknowledgedChangeIsKept()
    {
        var session = NewSession();
        var check = session.Check;
        var client = await session.OrganizationAsync().ConfigureAwait(false);
        var id = (string)check.User(await client.PostAsync("/Users", ProviderPayloads.OktaCreate(ProviderPayloads.NewUserName("Racer"), "ext-racer")).ConfigureAwait(false), 201, "Lifecycle: Provision on NotMember → Active, 201")["id"]!;

        var answers = await Task.WhenAll(Enumerable.Range(0, Options.RacingRequests).Select(i =>
        {
            var instance = i % 2 == 0 ? session.OnFirstInstance(client) : session.OnSecondInstance(client);
            var value = i.ToString(CultureInfo.InvariantCulture);
            return instance.PatchAsync($"/Users/{id}", ProviderPayloads.EntraMultiReplace("Racer" + value, $"racer{value}@example.com", "9" + value));
        })).ConfigureAwait(false);

        foreach (var answer in answers)
        {
            check.That(answer.Status is 200 or 409, Rules.RaceChange, "200, or 409 for a change that lost every retry and changed nothing", answer.ToString);
        }

        var applied = answers.Where(a => a.Status == 200).ToList();
        var versions = applied.Select(a => ScimETag.TryParseVersion(a.ETag, out var v) ? v : 0).ToList();
        check.That(versions.Distinct().Count() == versions.Count, Rules.RaceChange,
            "a version of its own for each change answered 200", () => "versions " + string.Join(", ", versions.Order()));

        var final = check.User(await client.GetAsync($"/Users/{id}").ConfigureAwait(false), 200, Rules.RaceChange);
        var last = applied.MaxBy(a => ScimETag.TryParseVersion(a.ETag, out var v) ? v : 0);
        var finalVersion = ScimETag.TryParseVersion((string?)final["meta"]?["version"], out var fv) ? fv : 0;
        check.That(finalVersion == 1 + applied.Count, Rules.RaceChange, $"version {1 + applied.Count}: one for the creation and one per change answered 200", () => $"version {finalVersion}");
        check.That(last is null || (string?)final["name"]?["givenName"] == (string?)last.Json?["name"]?["givenName"], Rules.RaceChange,
            $"the attributes of the change with the highest version ({last?.ETag})", () => final.ToJsonString());
    }

    /// <summary>
    /// Sends <see cref="ScimStoreTestOptions.RacingRequests"/> creations of one <c>userName</c> at once, in two
    /// spellings, spread over both instances: exactly one is 201, every other 409 <c>uniqueness</c>, one member.
    /// </summary>
    /// <returns>A task that completes when the check has passed.</returns>
    /// <exception cref="ScimConformanceException">The userName was created twice, or a request failed.</exception>
    [SkippableFact]
    public async Task RacingCreates_OfOneUserName_CreateExactlyOnce()
    {
        var session = NewSession();
        var check = session.Check;
        var client = await session.OrganizationAsync().ConfigureAwait(false);
        var userName = ProviderPayloads.NewUserName("Twin");

        var answers = await Task.WhenAll(Enumerable.Range(0, Options.RacingRequests).Select(i =>
        {
            var instance = i % 2 == 0 ? session.OnFirstInstance(client) : session.OnSecondInstance(client);
            var spelling = i % 4 < 2 ? userName : userName.ToUpperInvariant();
            return instance.PostAsync("/Users", ProviderPayloads.OktaCreate(spelling, $"ext-twin-{i}"), "application/json");
        })).ConfigureAwait(false);

        check.That(answers.Count(a => a.Status == 201) == 1, Rules.RaceCreate, "exactly one 201", () => string.Join("; ", answers.Select(a => a.Status)));
        foreach (var conflict in answers.Where(a => a.Status != 201))
        {
            check.Error(conflict, 409, "uniqueness", Rules.RaceCreate);
        }

        var found = check.List(await client.FilterByUserNameAsync(userName).ConfigureAwait(false), 1, Rules.RaceCreate);
        check.That((string?)found[0]?["id"] == (string?)answers.Single(a => a.Status == 201).Json?["id"], Rules.RaceCreate, "the member the 201 created", found);
        check.List(await client.GetAsync("/Users").ConfigureAwait(false), 1, Rules.RaceCreate + ": one member in the organization");
    }
}
