using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using MembershipStates.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.Testing.Tests;

/// <summary>
/// The kit against stores that make one mistake each: every mistake is caught, by the model-based property with a
/// sequence shrunk to the few steps that show it, and by the provider script it breaks.
/// </summary>
public sealed partial class BrokenStoreTests
{
    [Fact]
    public async Task DeactivationThatDeletesTheRow_IsCaughtAsAnInactiveMemberThatIsGone()
    {
        var failure = await PropertyFailureAsync(Fault.DeactivationDeletesRow);

        failure.Rule.Should().Contain("Deactivate (PATCH/PUT active false) on Active → Inactive");
        StepsOf(failure).Should().BeLessThanOrEqualTo(2, "create, deactivate: {0}", failure.Message);
        failure.Requests.Should().Contain("POST /scim/v2/organizations/").And.MatchRegex(@"(PATCH|PUT) /scim/v2/organizations/[^/]+/Users/");
        failure.Message.Should().Contain("Rule: ").And.Contain("Expected: ").And.Contain("Store answered: ").And.Contain("Requests");

        var script = await ScriptFailureAsync(Fault.DeactivationDeletesRow, kit => kit.OktaCrudTest_CatalogApp_DeactivatedUserStaysVisibleAndComesBackWithTheSameId());
        script.Rule.Should().Contain("Okta SCIM 2.0 CRUD Test, step 3");
        script.Actual.Should().StartWith("404");
    }

    [Fact]
    public async Task ReviveThatAssignsANewId_IsCaughtAsAnUnstableId()
    {
        var failure = await PropertyFailureAsync(Fault.ReviveAssignsNewId);

        failure.Rule.Should().ContainAny("revive", "The SCIM id is stable", "GET /Users lists every");
        StepsOf(failure).Should().BeLessThanOrEqualTo(3, "create inactive (or create, deactivate), create again: {0}", failure.Message);
        Regex.Count(string.Join('\n', StepLines(failure)), "create ").Should().BeGreaterThanOrEqualTo(2, "the second POST meets the inactive member: {0}", failure.Message);

        var script = await ScriptFailureAsync(Fault.ReviveAssignsNewId, kit => kit.OktaReassignment_PostAfterDeactivation_RevivesTheSameIdInsteadOfADuplicate());
        script.Rule.Should().Contain("The SCIM id is stable");
    }

    [Fact]
    public async Task CommitWithoutAVersionCheck_IsCaughtAsALostRace()
    {
        var failure = await PropertyFailureAsync(Fault.VersionNotChecked);

        // What the generator meets first varies with the seed: a change or a creation decided on what another commit
        // has changed since, or the version a lost race left behind; each names the race behind it.
        failure.Rule.Should().Contain("Races: ");
        StepsOf(failure).Should().BeLessThanOrEqualTo(3, "create, deactivate, race: {0}", failure.Message);
        StepLines(failure).Should().Contain(line => line.Contains("race:", StringComparison.Ordinal));
        failure.Requests.Should().Contain("[first instance]").And.Contain("[second instance]").And.Contain("the first request commits now");

        var script = await ScriptFailureAsync(Fault.VersionNotChecked, kit => kit.RacingChanges_OnOneMember_EachAcknowledgedChangeIsKept(), attempts: 5);
        script.Rule.Should().StartWith("Races: a commit decided on a version");
    }

    [Fact]
    public async Task GroupRowsDroppedOnDeactivation_AreCaughtAsAMemberThatLeftItsGroups()
    {
        var failure = await PropertyFailureAsync(Fault.GroupRowsDroppedOnDeactivation);

        failure.Rule.Should().ContainAny("Groups:", "groups kept");
        StepsOf(failure).Should().BeLessThanOrEqualTo(4, "create, create group, add, deactivate: {0}", failure.Message);
        StepLines(failure).Should().Contain(line => line.Contains("deactivate", StringComparison.Ordinal)).And.Contain(line => line.Contains("add ", StringComparison.Ordinal));

        var script = await ScriptFailureAsync(Fault.GroupRowsDroppedOnDeactivation, kit => kit.GroupMemberships_FollowTheMemberThroughDeactivationRevivalAndDelete());
        script.Rule.Should().StartWith("Groups: Active → Inactive keeps the member's group memberships");
    }

    [Fact]
    public async Task UserNameComparedCaseSensitively_IsCaughtAsADuplicate()
    {
        var failure = await PropertyFailureAsync(Fault.UserNameCaseSensitive);

        failure.Rule.Should().ContainAny("uniqueness", "GET /Users lists every", "a filter on userName", "two creations of one userName");
        StepsOf(failure).Should().BeLessThanOrEqualTo(2, "create, create in another case (one after the other, or racing): {0}", failure.Message);
        Regex.Count(string.Join('\n', StepLines(failure)), "create ").Should().BeGreaterThanOrEqualTo(2, "two creations of one member in two spellings: {0}", failure.Message);

        var script = await ScriptFailureAsync(Fault.UserNameCaseSensitive, kit => kit.RacingCreates_OfOneUserName_CreateExactlyOnce());
        script.Rule.Should().StartWith("Races: two creations of one userName end in one member");
    }

    [Fact]
    public async Task CorrectStore_PassesTheProperty()
    {
        await using var kit = await Kit.StartAsync(Fault.None);

        await kit.RequestSequences_GeneratedAndShrunk_MatchTheReferenceModel();
    }

    /// <summary>Runs the model-based property against a store with the fault; the kit's failure, which the test asserts on.</summary>
    private static async Task<ScimConformanceException> PropertyFailureAsync(Fault fault)
    {
        await using var kit = await Kit.StartAsync(fault);
        var run = () => kit.RequestSequences_GeneratedAndShrunk_MatchTheReferenceModel();

        return (await run.Should().ThrowAsync<ScimConformanceException>($"a store with {fault} breaks the lifecycle")).Which;
    }

    /// <summary>Runs one provider script or race against a store with the fault; a race may need more than one try.</summary>
    private static async Task<ScimConformanceException> ScriptFailureAsync(Fault fault, Func<Kit, Task> script, int attempts = 1)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var kit = await Kit.StartAsync(fault);
            try
            {
                await script(kit);
            }
            catch (ScimConformanceException failure)
            {
                return failure;
            }

            attempt.Should().BeLessThan(attempts, $"a store with {fault} fails the script");
        }
    }

    /// <summary>The number of steps of the shrunk sequence, from the kit's report.</summary>
    private static int StepsOf(ScimConformanceException failure)
    {
        var match = ShrunkSteps().Match(failure.Requests);
        match.Success.Should().BeTrue("the report says how far the sequence was shrunk: {0}", failure.Requests);
        return int.Parse(match.Groups["steps"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The steps of the shrunk sequence, one per line, as the report lists them.</summary>
    private static List<string> StepLines(ScimConformanceException failure) =>
        [.. failure.Requests.Split('\n').Where(line => StepLine().IsMatch(line))];

    [GeneratedRegex(@"smallest failing sequence FsCheck found: (?<steps>\d+) steps, shrunk from \d+")]
    private static partial Regex ShrunkSteps();

    [GeneratedRegex(@"^  \d+\. ")]
    private static partial Regex StepLine();

    /// <summary>The kit over a memory store with faults; not a test class of its own (xunit runs public classes only).</summary>
    private sealed class Kit(Fault fault) : ScimGroupStoreTests(new ScimStoreTestOptions { MaxSequences = 200 }), IAsyncDisposable
    {
        private readonly MemoryStore _store = new(fault);

        public static async Task<Kit> StartAsync(Fault fault)
        {
            var kit = new Kit(fault);
            await kit.InitializeAsync();
            return kit;
        }

        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

        protected override void ConfigureStore(IServiceCollection services)
        {
            services.AddSingleton<IScimMemberStore>(_store);
            services.AddSingleton<IScimGroupStore>(_store);
        }
    }
}
