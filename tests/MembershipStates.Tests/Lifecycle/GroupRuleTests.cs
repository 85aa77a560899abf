using FluentAssertions;
using static MembershipStates.GroupMembershipEffect;

namespace MembershipStates.Tests.Lifecycle;

/// <summary>The rule "group membership follows the member" (DESIGN.md, normative), as every decision carries it.</summary>
public sealed class GroupRuleTests
{
    // (state, command, policy) → group effect. Written from DESIGN.md's table, not from the code.
    public static TheoryData<MembershipState, LifecycleTableTests.Cmd, InactiveProvisionPolicy, GroupMembershipEffect> Rule()
    {
        var data = new TheoryData<MembershipState, LifecycleTableTests.Cmd, InactiveProvisionPolicy, GroupMembershipEffect>();
        foreach (var policy in new[] { InactiveProvisionPolicy.Revive, InactiveProvisionPolicy.Reject })
        {
            var revives = policy == InactiveProvisionPolicy.Revive;

            // Active → Inactive: kept, listed, suspended.
            data.Add(MembershipState.Active, LifecycleTableTests.Cmd.Deactivate, policy, Suspend);

            // Inactive → Active, by reactivation or by a revival: exactly the groups it had.
            data.Add(MembershipState.Inactive, LifecycleTableTests.Cmd.Reactivate, policy, Restore);
            data.Add(MembershipState.Inactive, LifecycleTableTests.Cmd.ProvisionActive, policy, revives ? Restore : None);

            // → NotMember: all removed at once.
            data.Add(MembershipState.Active, LifecycleTableTests.Cmd.Remove, policy, Drop);
            data.Add(MembershipState.Inactive, LifecycleTableTests.Cmd.Remove, policy, Drop);

            // A new member starts in no group; no change of state leaves the memberships as they are.
            data.Add(MembershipState.NotMember, LifecycleTableTests.Cmd.ProvisionActive, policy, None);
            data.Add(MembershipState.NotMember, LifecycleTableTests.Cmd.ProvisionInactive, policy, None);
            data.Add(MembershipState.Inactive, LifecycleTableTests.Cmd.ProvisionInactive, policy, None);
            data.Add(MembershipState.Inactive, LifecycleTableTests.Cmd.Deactivate, policy, None);
            data.Add(MembershipState.Active, LifecycleTableTests.Cmd.Reactivate, policy, None);
            data.Add(MembershipState.Active, LifecycleTableTests.Cmd.ProvisionActive, policy, None);
            data.Add(MembershipState.Active, LifecycleTableTests.Cmd.UpdateProfile, policy, None);
            data.Add(MembershipState.Inactive, LifecycleTableTests.Cmd.UpdateProfile, policy, None);
            data.Add(MembershipState.Active, LifecycleTableTests.Cmd.Read, policy, None);
            data.Add(MembershipState.Inactive, LifecycleTableTests.Cmd.Read, policy, None);
            data.Add(MembershipState.NotMember, LifecycleTableTests.Cmd.Remove, policy, None);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rule))]
    public void Decide_EachCell_CarriesTheGroupEffectOfDesign(
        MembershipState state, LifecycleTableTests.Cmd command, InactiveProvisionPolicy policy, GroupMembershipEffect expected)
    {
        var decision = new MembershipLifecycle(policy).Decide(LifecycleTableTests.In(state), LifecycleTableTests.Command(command));

        decision.GroupEffect.Should().Be(expected, "{0} on {1} under policy {2}", command, state, policy);
    }

    [Theory]
    [InlineData(MembershipState.Active, LifecycleTableTests.Cmd.Deactivate)]
    [InlineData(MembershipState.Inactive, LifecycleTableTests.Cmd.Reactivate)]
    [InlineData(MembershipState.Active, LifecycleTableTests.Cmd.Remove)]
    public void Decide_RejectedByPrecondition_HasNoGroupEffect(MembershipState state, LifecycleTableTests.Cmd command)
    {
        var current = LifecycleTableTests.In(state);

        var decision = new MembershipLifecycle().Decide(current, LifecycleTableTests.Command(command).ExpectingVersion(current.Version + 1));

        decision.Outcome.Should().Be(MembershipOutcome.PreconditionFailed);
        decision.GroupEffect.Should().Be(None);
    }

    [Fact]
    public void GroupRules_HaveExactlyOneRowForEveryTransitionTheMachinePermits()
    {
        var permitted = new HashSet<(MembershipState, MembershipState)>();
        foreach (var policy in LifecycleSpecification.Policies)
        {
            foreach (var state in LifecycleSpecification.States)
            {
                foreach (var trigger in LifecycleSpecification.Triggers)
                {
                    var current = state;
                    var machine = LifecycleSpecification.Create(policy, () => current, s => current = s);
                    if (!machine.CanFire(trigger))
                    {
                        continue;
                    }

                    var moved = false;
                    machine.OnTransitioned(_ => moved = true);
                    machine.Fire(trigger);
                    if (moved)
                    {
                        permitted.Add((state, current));
                    }
                }
            }
        }

        var rows = LifecycleSpecification.GroupRules.Select(rule => (rule.From, rule.To)).ToList();

        rows.Should().OnlyHaveUniqueItems();
        rows.Should().BeEquivalentTo(permitted, "the rule speaks of exactly the transitions the machine has");
    }

    [Fact]
    public void CompiledTable_EveryCell_CarriesItsTransitionsGroupRule()
    {
        foreach (var policy in LifecycleSpecification.Policies)
        {
            foreach (var state in LifecycleSpecification.States)
            {
                foreach (var trigger in LifecycleSpecification.Triggers)
                {
                    var cell = DecisionTable.Compiled[policy, state, trigger];
                    var changes = cell.Outcome is MembershipOutcome.Created or MembershipOutcome.Updated or MembershipOutcome.Revived or MembershipOutcome.Removed;
                    var expected = changes ? LifecycleSpecification.GroupRuleOf(state, cell.Next).Effect : None;
                    cell.GroupEffect.Should().Be(expected, "{0} {1} {2}", policy, state, trigger);
                }
            }
        }
    }

    [Fact]
    public void Deactivation_ThatCarriesAttributes_StillSuspendsOnce()
    {
        var decision = new MembershipLifecycle().Decide(LifecycleTableTests.In(MembershipState.Active), MembershipCommand.Deactivate(changesAttributes: true));

        decision.GroupEffect.Should().Be(Suspend);
        decision.ToString().Should().EndWith("groups Suspend)");
    }
}
