using System.Globalization;
using System.Text;
using Stateless.Graph;

namespace MembershipStates;

/// <summary>
/// Renders the lifecycle specification for design reviews: a Mermaid diagram, a Graphviz DOT graph and the
/// transition table, all generated from the same Stateless machine the decision table is compiled from.
/// </summary>
/// <remarks>Thread-safe: each call builds what it renders.</remarks>
public static class LifecycleDocumentation
{
    /// <summary>Renders the lifecycle as a Mermaid state diagram.</summary>
    /// <param name="policy">The provision policy whose guard the diagram shows.</param>
    /// <returns>The Mermaid source.</returns>
    public static string ToMermaid(InactiveProvisionPolicy policy = InactiveProvisionPolicy.Revive) =>
        Normalize(MermaidGraph.Format(Specification(policy).GetInfo()));

    /// <summary>Renders the lifecycle as a Graphviz DOT graph.</summary>
    /// <param name="policy">The provision policy whose guard the graph shows.</param>
    /// <returns>The DOT source.</returns>
    public static string ToDot(InactiveProvisionPolicy policy = InactiveProvisionPolicy.Revive) =>
        Normalize(UmlDotGraph.Format(Specification(policy).GetInfo()));

    /// <summary>Renders every (command, state) cell of the lifecycle as a Markdown table, for both policies.</summary>
    /// <returns>The Markdown table, as compiled from the specification.</returns>
    public static string ToMarkdownTable()
    {
        var table = DecisionTable.Compiled;
        var text = new StringBuilder();
        text.Append("| command ↓ / state → |");
        foreach (var state in LifecycleSpecification.States)
        {
            text.Append(CultureInfo.InvariantCulture, $" {state} |");
        }

        text.Append('\n').Append("|---|");
        foreach (var _ in LifecycleSpecification.States)
        {
            text.Append("---|");
        }

        text.Append('\n');
        foreach (var trigger in LifecycleSpecification.Triggers)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Describe(trigger)} |");
            foreach (var state in LifecycleSpecification.States)
            {
                var revive = table[InactiveProvisionPolicy.Revive, state, trigger];
                var reject = table[InactiveProvisionPolicy.Reject, state, trigger];
                text.Append(' ').Append(Describe(state, revive));
                if (reject != revive)
                {
                    text.Append(" (policy Revive) · ").Append(Describe(state, reject)).Append(" (policy Reject)");
                }

                text.Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static Stateless.StateMachine<MembershipState, LifecycleTrigger> Specification(InactiveProvisionPolicy policy)
    {
        var state = MembershipState.NotMember;
        return LifecycleSpecification.Create(policy, () => state, s => state = s);
    }

    private static string Describe(LifecycleTrigger trigger) => trigger switch
    {
        LifecycleTrigger.ProvisionActive => "Provision (POST, `active` true)",
        LifecycleTrigger.ProvisionInactive => "Provision (POST, `active` false)",
        LifecycleTrigger.Deactivate => "Deactivate (PATCH/PUT `active` false)",
        LifecycleTrigger.Reactivate => "Reactivate (PATCH/PUT `active` true)",
        LifecycleTrigger.UpdateProfile => "Update profile (PUT/PATCH other attributes)",
        LifecycleTrigger.Remove => "Remove (DELETE)",
        _ => "Read (GET, filter, list)",
    };

    private static string Describe(MembershipState from, DecisionCell cell) => cell.Outcome switch
    {
        MembershipOutcome.Created => $"→ {cell.Next}, created (201)",
        MembershipOutcome.Revived => $"→ {cell.Next}, revived, same id (201)",
        MembershipOutcome.Removed => $"→ {cell.Next}, removed (204)",
        MembershipOutcome.Updated when cell.Next != from => $"→ {cell.Next}, updated (200)",
        MembershipOutcome.Updated => $"{cell.Next}, updated (200)",
        MembershipOutcome.Unchanged => $"{cell.Next}, unchanged (200)",
        MembershipOutcome.Conflict => "conflict (409 `uniqueness`)",
        _ => "not found (404)",
    };

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
