using System.Text.RegularExpressions;
using FluentAssertions;

namespace MembershipStates.Tests.Docs;

/// <summary>The README's example is this code: it compiles and runs here, and the README must show it verbatim.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_DecidesOktasDeactivateForATwoStateHost()
    {
        var created = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var lastModified = created;

        #region ReadmeExample
        var lifecycle = new MembershipLifecycle(); // revive policy, system clock; one instance for the whole app

        // What the app stores for (organization, user): a membership row, nothing in the inactive table.
        HostReading reading = TwoStateHost.Read(
            membershipRow: MembershipSnapshot.Active("2819c223", version: 3, created, lastModified),
            inactiveRecord: null);

        // Okta deactivates: PATCH /Users/2819c223 {"Operations":[{"op":"replace","value":{"active":false}}]}
        MembershipDecision decision = lifecycle.Decide(reading.Snapshot, MembershipCommand.Deactivate());

        TwoStateEffects effects = TwoStateHost.Plan(decision);
        // effects == RemoveFromOrganization | KeepInactiveRecord | MoveGroupMembershipsToInactive. In one transaction:
        // delete the membership row, insert the inactive record with decision.Next (same id "2819c223", version 4,
        // deactivated now), and move the user's group_members rows to the inactive side, where they wait for reactivation.
        // Okta's next GET /Users/2819c223 finds the record: 200 with "active": false, not a 404.
        #endregion

        decision.Outcome.Should().Be(MembershipOutcome.Updated);
        effects.Should().Be(TwoStateEffects.RemoveFromOrganization | TwoStateEffects.KeepInactiveRecord | TwoStateEffects.MoveGroupMembershipsToInactive);
        decision.Next.Should().BeEquivalentTo(new { State = MembershipState.Inactive, Id = "2819c223", Version = 4L });
        var afterwards = TwoStateHost.Read(null, decision.Next);
        lifecycle.Decide(afterwards.Snapshot, MembershipCommand.Read()).Outcome.Should().Be(MembershipOutcome.Unchanged);
    }

    [Fact]
    public void Readme_ShowsTheExampleVerbatim()
    {
        var source = File.ReadAllText(RepositoryFiles.PathOf("tests/MembershipStates.Tests/Docs/ReadmeExampleTests.cs"));
        var region = RegionPattern().Match(source).Groups["body"].Value;
        var example = string.Join('\n', region.Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.Trim())).Trim();
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md")).ReplaceLineEndings("\n");

        example.Should().NotBeEmpty();
        readme.Should().Contain("```csharp\n" + example + "\n```", "README.md shows the example of ReadmeExampleTests verbatim");
    }

    [GeneratedRegex(@"#region ReadmeExample\r?\n(?<body>.*?)\r?\n\s*#endregion", RegexOptions.Singleline)]
    private static partial Regex RegionPattern();
}
