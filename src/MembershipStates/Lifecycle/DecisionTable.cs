namespace MembershipStates;

/// <summary>
/// The lifecycle table compiled once from <see cref="LifecycleSpecification"/>: an immutable array indexed by
/// policy, state and trigger, so the hot path neither builds nor fires a state machine.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class DecisionTable
{
    private static readonly int StateCount = LifecycleSpecification.States.Length;
    private static readonly int TriggerCount = LifecycleSpecification.Triggers.Length;

    private readonly DecisionCell[] _cells;

    private DecisionTable(DecisionCell[] cells) => _cells = cells;

    /// <summary>Gets the table compiled from the specification, for both policies.</summary>
    internal static DecisionTable Compiled { get; } = Compile();

    internal DecisionCell this[InactiveProvisionPolicy policy, MembershipState state, LifecycleTrigger trigger] =>
        _cells[Index(policy, state, trigger)];

    private static DecisionTable Compile()
    {
        var cells = new DecisionCell[LifecycleSpecification.Policies.Length * StateCount * TriggerCount];
        foreach (var policy in LifecycleSpecification.Policies)
        {
            foreach (var state in LifecycleSpecification.States)
            {
                foreach (var trigger in LifecycleSpecification.Triggers)
                {
                    cells[Index(policy, state, trigger)] = LifecycleSpecification.Evaluate(policy, state, trigger);
                }
            }
        }

        return new DecisionTable(cells);
    }

    // Inputs are checked by the caller; unchecked keeps overflow checks off the hot path.
    private static int Index(InactiveProvisionPolicy policy, MembershipState state, LifecycleTrigger trigger) =>
        unchecked((((int)policy * StateCount) + (int)state) * TriggerCount + (int)trigger);
}
