using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using static MembershipStates.MembershipOutcome;
using static MembershipStates.MembershipState;

namespace MembershipStates.Tests.Lifecycle;

/// <summary>Every cell of the normative lifecycle table in DESIGN.md, for both policies, written out by hand.</summary>
public sealed class LifecycleTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public enum Cmd
    {
        ProvisionActive,
        ProvisionInactive,
        Deactivate,
        Reactivate,
        UpdateProfile,
        Remove,
        Read,
    }

    // (command, state, policy) → (outcome, next state). Written from DESIGN.md's table, not from the code.
    public static TheoryData<Cmd, MembershipState, InactiveProvisionPolicy, MembershipOutcome, MembershipState> Table()
    {
        var data = new TheoryData<Cmd, MembershipState, InactiveProvisionPolicy, MembershipOutcome, MembershipState>();
        foreach (var policy in new[] { InactiveProvisionPolicy.Revive, InactiveProvisionPolicy.Reject })
        {
            var revives = policy == InactiveProvisionPolicy.Revive;
            data.Add(Cmd.ProvisionActive, NotMember, policy, Created, Active);
            data.Add(Cmd.ProvisionActive, Active, policy, Conflict, Active);
            data.Add(Cmd.ProvisionActive, Inactive, policy, revives ? Revived : Conflict, revives ? Active : Inactive);

            data.Add(Cmd.ProvisionInactive, NotMember, policy, Created, Inactive);
            data.Add(Cmd.ProvisionInactive, Active, policy, Conflict, Active);
            data.Add(Cmd.ProvisionInactive, Inactive, policy, revives ? Revived : Conflict, Inactive);

            data.Add(Cmd.Deactivate, NotMember, policy, NotFound, NotMember);
            data.Add(Cmd.Deactivate, Active, policy, Updated, Inactive);
            data.Add(Cmd.Deactivate, Inactive, policy, Unchanged, Inactive);

            data.Add(Cmd.Reactivate, NotMember, policy, NotFound, NotMember);
            data.Add(Cmd.Reactivate, Active, policy, Unchanged, Active);
            data.Add(Cmd.Reactivate, Inactive, policy, Updated, Active);

            data.Add(Cmd.UpdateProfile, NotMember, policy, NotFound, NotMember);
            data.Add(Cmd.UpdateProfile, Active, policy, Updated, Active);
            data.Add(Cmd.UpdateProfile, Inactive, policy, Updated, Inactive);

            data.Add(Cmd.Remove, NotMember, policy, NotFound, NotMember);
            data.Add(Cmd.Remove, Active, policy, Removed, NotMember);
            data.Add(Cmd.Remove, Inactive, policy, Removed, NotMember);

            data.Add(Cmd.Read, NotMember, policy, NotFound, NotMember);
            data.Add(Cmd.Read, Active, policy, Unchanged, Active);
            data.Add(Cmd.Read, Inactive, policy, Unchanged, Inactive);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_EveryCellOfTheTable_MatchesDesign(
        Cmd cmd, MembershipState state, InactiveProvisionPolicy policy, MembershipOutcome outcome, MembershipState next)
    {
        var clock = new FakeTimeProvider(Start);
        var lifecycle = new MembershipLifecycle(policy, clock);
        var current = In(state);
        clock.Advance(TimeSpan.FromMinutes(5));

        var decision = lifecycle.Decide(current, Command(cmd));

        decision.Outcome.Should().Be(outcome);
        decision.Next.State.Should().Be(next);
        decision.Previous.Should().Be(current);
        decision.IsRejected.Should().Be(outcome is NotFound or Conflict);
        decision.IsChange.Should().Be(outcome is Created or Updated or Revived or Removed);

        switch (outcome)
        {
            case Created:
                decision.Next.Id.Should().Be("new-id");
                decision.Next.Version.Should().Be(1);
                decision.Next.Created.Should().Be(clock.GetUtcNow());
                decision.Next.LastModified.Should().Be(clock.GetUtcNow());
                decision.Effects.Should().Be(MembershipEffects.Create | MembershipEffects.WriteAttributes);
                break;
            case Updated or Revived:
                decision.Next.Id.Should().Be(current.Id, "the SCIM id is stable from provisioning until removal");
                decision.Next.Version.Should().Be(current.Version + 1);
                decision.Next.Created.Should().Be(current.Created);
                decision.Next.LastModified.Should().Be(clock.GetUtcNow());
                break;
            case Removed:
                decision.Next.Should().Be(MembershipSnapshot.NotMember);
                decision.Id.Should().Be(current.Id, "the host needs the id it deletes");
                decision.Effects.Should().Be(MembershipEffects.Delete);
                break;
            default:
                decision.Next.Should().Be(current, "nothing changes");
                decision.Effects.Should().Be(MembershipEffects.None);
                break;
        }

        decision.Next.DeactivatedAt.HasValue.Should().Be(decision.Next.State == Inactive);
    }

    [Fact]
    public void Decide_DeactivateActive_StampsDeactivationTime()
    {
        var clock = new FakeTimeProvider(Start);
        var lifecycle = new MembershipLifecycle(timeProvider: clock);
        clock.Advance(TimeSpan.FromDays(1));

        var decision = lifecycle.Decide(In(Active), MembershipCommand.Deactivate());

        decision.Next.DeactivatedAt.Should().Be(Start.AddDays(1));
        decision.Effects.Should().Be(MembershipEffects.ChangeState);
    }

    [Fact]
    public void Decide_UpdateInactive_KeepsOriginalDeactivationTime()
    {
        var clock = new FakeTimeProvider(Start);
        var lifecycle = new MembershipLifecycle(timeProvider: clock);
        var inactive = In(Inactive);
        clock.Advance(TimeSpan.FromDays(3));

        var decision = lifecycle.Decide(inactive, MembershipCommand.UpdateProfile());

        decision.Next.DeactivatedAt.Should().Be(inactive.DeactivatedAt);
        decision.Effects.Should().Be(MembershipEffects.WriteAttributes);
    }

    [Theory]
    [InlineData(Active, MembershipCommandKind.Reactivate)]
    [InlineData(Inactive, MembershipCommandKind.Deactivate)]
    public void Decide_ActiveUnchangedButAttributesChange_IsOneUpdate(MembershipState state, MembershipCommandKind kind)
    {
        var lifecycle = new MembershipLifecycle();
        var current = In(state);

        var decision = lifecycle.Decide(current, MembershipCommand.SetActive(kind == MembershipCommandKind.Reactivate, changesAttributes: true));

        decision.Outcome.Should().Be(Updated);
        decision.Next.State.Should().Be(state);
        decision.Next.Version.Should().Be(current.Version + 1);
        decision.Effects.Should().Be(MembershipEffects.WriteAttributes);
    }

    [Fact]
    public void Decide_DeactivateWithAttributeChanges_ChangesStateAndAttributesInOneDecision()
    {
        var decision = new MembershipLifecycle().Decide(In(Active), MembershipCommand.Deactivate(changesAttributes: true));

        decision.Outcome.Should().Be(Updated);
        decision.Next.State.Should().Be(Inactive);
        decision.Next.Version.Should().Be(In(Active).Version + 1, "one decision increments the version once");
        decision.Effects.Should().Be(MembershipEffects.ChangeState | MembershipEffects.WriteAttributes);
    }

    [Theory]
    [InlineData(Active)]
    [InlineData(Inactive)]
    public void Decide_UpdateProfileWithoutChanges_IsUnchanged(MembershipState state)
    {
        var current = In(state);

        var decision = new MembershipLifecycle().Decide(current, MembershipCommand.UpdateProfile(changesAttributes: false));

        decision.Outcome.Should().Be(Unchanged);
        decision.Next.Should().Be(current);
    }

    [Fact]
    public void Decide_ReviveInactiveAsInactive_KeepsIdAndDeactivationTime()
    {
        var current = In(Inactive);

        var decision = new MembershipLifecycle().Decide(current, MembershipCommand.Provision("other-id", active: false));

        decision.Outcome.Should().Be(Revived);
        decision.Next.Id.Should().Be(current.Id);
        decision.Next.DeactivatedAt.Should().Be(current.DeactivatedAt);
        decision.Effects.Should().Be(MembershipEffects.WriteAttributes);
    }

    [Fact]
    public void Decide_ReviveInactiveAsActive_ChangesStateAndWritesAttributes()
    {
        var decision = new MembershipLifecycle().Decide(In(Inactive), MembershipCommand.Provision("other-id"));

        decision.Effects.Should().Be(MembershipEffects.ChangeState | MembershipEffects.WriteAttributes);
        decision.Next.DeactivatedAt.Should().BeNull();
    }

    internal static MembershipSnapshot In(MembershipState state) => state switch
    {
        Active => MembershipSnapshot.Active("id-1", 4, Start, Start),
        Inactive => MembershipSnapshot.Inactive("id-1", 4, Start, Start, Start),
        _ => MembershipSnapshot.NotMember,
    };

    internal static MembershipCommand Command(Cmd cmd) => cmd switch
    {
        Cmd.ProvisionActive => MembershipCommand.Provision("new-id", active: true),
        Cmd.ProvisionInactive => MembershipCommand.Provision("new-id", active: false),
        Cmd.Deactivate => MembershipCommand.Deactivate(),
        Cmd.Reactivate => MembershipCommand.Reactivate(),
        Cmd.UpdateProfile => MembershipCommand.UpdateProfile(),
        Cmd.Remove => MembershipCommand.Remove(),
        _ => MembershipCommand.Read(),
    };
}
