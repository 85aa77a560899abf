namespace MembershipStates;

/// <summary>
/// The result of deciding one command against one membership: the outcome, the membership before and after, and
/// the effects the host must apply.
/// </summary>
/// <remarks>
/// <para>A decision is a value: domain outcomes such as <see cref="MembershipOutcome.NotFound"/> or
/// <see cref="MembershipOutcome.Conflict"/> are reported here, never thrown. A rejected decision has no effects and
/// its <see cref="Next"/> equals its <see cref="Previous"/>.</para>
/// <para>The <c>default</c> value is a <see cref="MembershipOutcome.NotFound"/> read of a non-member.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public readonly struct MembershipDecision
{
    internal MembershipDecision(
        MembershipOutcome outcome,
        MembershipCommandKind command,
        in MembershipSnapshot previous,
        in MembershipSnapshot next,
        MembershipEffects effects,
        GroupMembershipEffect groupEffect = GroupMembershipEffect.None)
    {
        Outcome = outcome;
        Command = command;
        Previous = previous;
        Next = next;
        Effects = effects;
        GroupEffect = groupEffect;
    }

    /// <summary>Gets what the decision came to.</summary>
    public MembershipOutcome Outcome { get; }

    /// <summary>Gets the kind of command that was decided.</summary>
    public MembershipCommandKind Command { get; }

    /// <summary>Gets the membership as it was before the command.</summary>
    public MembershipSnapshot Previous { get; }

    /// <summary>Gets the membership as it is once the effects are applied.</summary>
    public MembershipSnapshot Next { get; }

    /// <summary>Gets the effects the host must apply, in one transaction.</summary>
    public MembershipEffects Effects { get; }

    /// <summary>Gets what the decision does to the member's group memberships, applied in the same transaction as <see cref="Effects"/>.</summary>
    /// <remarks><see cref="GroupMembershipEffect.None"/> unless the member's state changes: deactivation suspends them,
    /// reactivation and revival restore them, removal drops them.</remarks>
    public GroupMembershipEffect GroupEffect { get; }

    /// <summary>Gets a value indicating whether the decision changes anything.</summary>
    public bool IsChange => Effects != MembershipEffects.None;

    /// <summary>Gets a value indicating whether the command was refused (not found, conflict, precondition failed).</summary>
    public bool IsRejected =>
        Outcome is MembershipOutcome.NotFound or MembershipOutcome.Conflict or MembershipOutcome.PreconditionFailed;

    /// <summary>Gets the SCIM id the decision concerns: the new id after a provision, the removed id after a removal.</summary>
    public string? Id => Next.Id ?? Previous.Id;

    /// <inheritdoc />
    public override string ToString() => GroupEffect == GroupMembershipEffect.None
        ? $"{Command}: {Outcome} ({Previous.State} -> {Next.State}, {Effects})"
        : $"{Command}: {Outcome} ({Previous.State} -> {Next.State}, {Effects}, groups {GroupEffect})";
}
