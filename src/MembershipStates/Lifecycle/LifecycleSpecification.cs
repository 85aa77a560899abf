using System.Diagnostics;
using Stateless;

namespace MembershipStates;

/// <summary>
/// The lifecycle, defined once with Stateless. This machine is the specification: the decision table is compiled
/// from it and the diagrams in the docs are exported from it.
/// </summary>
/// <remarks>
/// How the machine encodes the table in DESIGN terms:
/// a permitted transition to another state is a change; a re-entry is a change that keeps the state (a profile
/// update, or a revive of an inactive membership); an ignored trigger is "unchanged"; a trigger that cannot fire is a
/// rejection — a conflict for a provision, "not found" for everything else.
/// <para>Next to the machine, <see cref="GroupRules"/> states what each of its transitions does to the member's
/// group memberships; every compiled cell carries the effect of its transition.</para>
/// </remarks>
internal static class LifecycleSpecification
{
    internal const string ReviveGuard = "policy Revive";

    internal static readonly MembershipState[] States =
        [MembershipState.NotMember, MembershipState.Active, MembershipState.Inactive];

    internal static readonly LifecycleTrigger[] Triggers = Enum.GetValues<LifecycleTrigger>();

    internal static readonly InactiveProvisionPolicy[] Policies = Enum.GetValues<InactiveProvisionPolicy>();

    /// <summary>
    /// The rule "group membership follows the member" (DESIGN.md, normative): one row for every pair of states the
    /// machine can move a member between, re-entries included. A test checks that the machine's transitions and
    /// these rows match one to one.
    /// </summary>
    internal static readonly GroupRule[] GroupRules =
    [
        new(MembershipState.NotMember, MembershipState.Active, GroupMembershipEffect.None, "starts in no group"),
        new(MembershipState.NotMember, MembershipState.Inactive, GroupMembershipEffect.None, "starts in no group"),
        new(MembershipState.Active, MembershipState.Active, GroupMembershipEffect.None, "kept as they are, effective"),
        new(MembershipState.Active, MembershipState.Inactive, GroupMembershipEffect.Suspend, "kept and still listed; suspended: no access through them"),
        new(MembershipState.Active, MembershipState.NotMember, GroupMembershipEffect.Drop, "all removed at once"),
        new(MembershipState.Inactive, MembershipState.Active, GroupMembershipEffect.Restore, "exactly the groups it had, effective again"),
        new(MembershipState.Inactive, MembershipState.Inactive, GroupMembershipEffect.None, "kept as they are, still suspended"),
        new(MembershipState.Inactive, MembershipState.NotMember, GroupMembershipEffect.Drop, "all removed at once"),
    ];

    /// <summary>Builds the specification machine over externally stored state.</summary>
    internal static StateMachine<MembershipState, LifecycleTrigger> Create(
        InactiveProvisionPolicy policy,
        Func<MembershipState> stateAccessor,
        Action<MembershipState> stateMutator)
    {
        var machine = new StateMachine<MembershipState, LifecycleTrigger>(stateAccessor, stateMutator);

        // Callers ask CanFire first; reaching this means the specification and its callers disagree.
        machine.OnUnhandledTrigger((state, trigger) =>
            throw new UnreachableException($"Trigger {trigger} fired in {state} without asking CanFire first."));

        bool Revives() => policy == InactiveProvisionPolicy.Revive;

        machine.Configure(MembershipState.NotMember)
            .Permit(LifecycleTrigger.ProvisionActive, MembershipState.Active)
            .Permit(LifecycleTrigger.ProvisionInactive, MembershipState.Inactive);

        machine.Configure(MembershipState.Active)
            .Ignore(LifecycleTrigger.Read)
            .Permit(LifecycleTrigger.Deactivate, MembershipState.Inactive)
            .Ignore(LifecycleTrigger.Reactivate)
            .PermitReentry(LifecycleTrigger.UpdateProfile)
            .Permit(LifecycleTrigger.Remove, MembershipState.NotMember);

        machine.Configure(MembershipState.Inactive)
            .Ignore(LifecycleTrigger.Read)
            .PermitIf(LifecycleTrigger.ProvisionActive, MembershipState.Active, Revives, ReviveGuard)
            .PermitReentryIf(LifecycleTrigger.ProvisionInactive, Revives, ReviveGuard)
            .Ignore(LifecycleTrigger.Deactivate)
            .Permit(LifecycleTrigger.Reactivate, MembershipState.Active)
            .PermitReentry(LifecycleTrigger.UpdateProfile)
            .Permit(LifecycleTrigger.Remove, MembershipState.NotMember);

        return machine;
    }

    /// <summary>Asks the specification machine what one trigger does in one state under one policy.</summary>
    internal static DecisionCell Evaluate(InactiveProvisionPolicy policy, MembershipState state, LifecycleTrigger trigger)
    {
        var current = state;
        var machine = Create(policy, () => current, s => current = s);

        if (!machine.CanFire(trigger, out _))
        {
            var rejection = IsProvision(trigger) ? MembershipOutcome.Conflict : MembershipOutcome.NotFound;
            return new DecisionCell(rejection, state, GroupMembershipEffect.None);
        }

        StateMachine<MembershipState, LifecycleTrigger>.Transition? transition = null;
        machine.OnTransitioned(t => transition = t);
        machine.Fire(trigger);

        if (transition is null)
        {
            return new DecisionCell(MembershipOutcome.Unchanged, state, GroupMembershipEffect.None);
        }

        var outcome = (transition.Source, transition.Destination) switch
        {
            (MembershipState.NotMember, _) => MembershipOutcome.Created,
            (_, MembershipState.NotMember) => MembershipOutcome.Removed,
            _ when IsProvision(trigger) => MembershipOutcome.Revived,
            _ => MembershipOutcome.Updated,
        };
        return new DecisionCell(outcome, transition.Destination, GroupRuleOf(transition.Source, transition.Destination).Effect);
    }

    /// <summary>Finds the row of <see cref="GroupRules"/> for a change of state.</summary>
    internal static GroupRule GroupRuleOf(MembershipState from, MembershipState to)
    {
        foreach (var rule in GroupRules)
        {
            if (rule.From == from && rule.To == to)
            {
                return rule;
            }
        }

        throw new UnreachableException($"The group rule has no row for {from} -> {to}, a transition the machine permits.");
    }

    internal static bool IsProvision(LifecycleTrigger trigger) =>
        trigger is LifecycleTrigger.ProvisionActive or LifecycleTrigger.ProvisionInactive;
}
