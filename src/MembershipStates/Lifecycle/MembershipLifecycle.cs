namespace MembershipStates;

/// <summary>
/// Decides every lifecycle command against a membership: the three-state machine of Active, Inactive and NotMember
/// that SCIM identity providers assume.
/// </summary>
/// <remarks>
/// <para>Deciding is pure: it reads the current <see cref="MembershipSnapshot"/> and the
/// <see cref="MembershipCommand"/>, and returns a <see cref="MembershipDecision"/> that says what to change. The host
/// applies the decision's effects in one transaction.</para>
/// <para>The rules, in order: a command other than a provision on a non-member is
/// <see cref="MembershipOutcome.NotFound"/>; an expected version that differs from the current one is
/// <see cref="MembershipOutcome.PreconditionFailed"/>; a provision on an existing membership is a
/// <see cref="MembershipOutcome.Conflict"/> unless the policy revives an inactive one; then the lifecycle table
/// applies. Every change increments the version by one; an unchanged outcome keeps it. A change of state carries
/// its <see cref="MembershipDecision.GroupEffect"/>: what it does to the member's group memberships.</para>
/// <para>Immutable and thread-safe; one instance serves the whole application. A decision allocates nothing.</para>
/// </remarks>
public sealed class MembershipLifecycle
{
    private readonly DecisionTable _table = DecisionTable.Compiled;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="MembershipLifecycle"/> class.</summary>
    /// <param name="policy">What a provision does when it meets an inactive membership; revive by default.</param>
    /// <param name="timeProvider">The clock for created, last-modified and deactivated timestamps; the system clock by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a defined value.</exception>
    public MembershipLifecycle(InactiveProvisionPolicy policy = InactiveProvisionPolicy.Revive, TimeProvider? timeProvider = null)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy.");
        }

        Policy = policy;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets what a provision does when it meets an inactive membership.</summary>
    public InactiveProvisionPolicy Policy { get; }

    /// <summary>Decides one command against the current membership.</summary>
    /// <param name="current">The membership as the host has it now.</param>
    /// <param name="command">The command the request carries.</param>
    /// <returns>The decision: outcome, the membership after it, and the effects to apply.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The command or the snapshot holds an undefined enum value.</exception>
    public MembershipDecision Decide(in MembershipSnapshot current, in MembershipCommand command)
    {
        var trigger = ToTrigger(command);
        if ((uint)current.State > (uint)MembershipState.Inactive)
        {
            throw new ArgumentOutOfRangeException(nameof(current), current.State, "Unknown membership state.");
        }

        var cell = _table[Policy, current.State, trigger];

        if (cell.Outcome == MembershipOutcome.NotFound)
        {
            return Rejected(MembershipOutcome.NotFound, command.Kind, current);
        }

        if (command.FailsPrecondition || (command.ExpectedVersion is long expected && expected != current.Version))
        {
            return Rejected(MembershipOutcome.PreconditionFailed, command.Kind, current);
        }

        var outcome = cell.Outcome;
        if (outcome == MembershipOutcome.Conflict)
        {
            return Rejected(MembershipOutcome.Conflict, command.Kind, current);
        }

        // The table speaks of `active` alone; attribute changes carried by the same request turn an
        // otherwise unchanged Deactivate/Reactivate into an update, and a profile update without any
        // actual change into nothing.
        if (outcome == MembershipOutcome.Unchanged && command.ChangesAttributes && command.Kind != MembershipCommandKind.Read)
        {
            outcome = MembershipOutcome.Updated;
        }
        else if (outcome == MembershipOutcome.Updated && command.Kind == MembershipCommandKind.UpdateProfile && !command.ChangesAttributes)
        {
            outcome = MembershipOutcome.Unchanged;
        }

        if (outcome == MembershipOutcome.Unchanged)
        {
            return new MembershipDecision(outcome, command.Kind, current, current, MembershipEffects.None);
        }

        var nowTicks = _timeProvider.GetUtcNow().UtcTicks;
        switch (outcome)
        {
            case MembershipOutcome.Created:
                return new MembershipDecision(
                    outcome,
                    command.Kind,
                    current,
                    MembershipSnapshot.New(cell.Next, command.NewId, nowTicks),
                    MembershipEffects.Create | MembershipEffects.WriteAttributes);

            case MembershipOutcome.Removed:
                return new MembershipDecision(outcome, command.Kind, current, MembershipSnapshot.NotMember, MembershipEffects.Delete, cell.GroupEffect);

            default:
                // Updated or Revived: same id, next version.
                var effects = cell.Next != current.State ? MembershipEffects.ChangeState : MembershipEffects.None;
                if (command.ChangesAttributes)
                {
                    effects |= MembershipEffects.WriteAttributes;
                }

                return new MembershipDecision(outcome, command.Kind, current, current.Changed(cell.Next, nowTicks), effects, cell.GroupEffect);
        }
    }

    internal static LifecycleTrigger ToTrigger(in MembershipCommand command) => command.Kind switch
    {
        MembershipCommandKind.Read => LifecycleTrigger.Read,
        MembershipCommandKind.Provision => command.Active ? LifecycleTrigger.ProvisionActive : LifecycleTrigger.ProvisionInactive,
        MembershipCommandKind.Deactivate => LifecycleTrigger.Deactivate,
        MembershipCommandKind.Reactivate => LifecycleTrigger.Reactivate,
        MembershipCommandKind.UpdateProfile => LifecycleTrigger.UpdateProfile,
        MembershipCommandKind.Remove => LifecycleTrigger.Remove,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "Unknown command kind."),
    };

    private static MembershipDecision Rejected(MembershipOutcome outcome, MembershipCommandKind command, in MembershipSnapshot current) =>
        new(outcome, command, current, current, MembershipEffects.None);
}
