using System.Globalization;
using System.Text;
using Stateless.Graph;

namespace MembershipStates;

/// <summary>
/// Renders the lifecycle specification for design reviews: a Mermaid diagram, a Graphviz DOT graph, the
/// transition table and the rule "group membership follows the member", all generated from the same Stateless
/// machine and rule the decision table is compiled from.
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

    /// <summary>
    /// Renders the rule "group membership follows the member" as two Markdown tables: what each change of the
    /// member's state does to its group memberships, and what adding it to or removing it from a group does in each
    /// state, with what the two-state and status-column host mappings store.
    /// </summary>
    /// <returns>The Markdown tables, as compiled from the specification and the host mappings.</returns>
    public static string ToGroupMarkdownTable()
    {
        var table = DecisionTable.Compiled;
        var text = new StringBuilder();
        text.Append("| member's change | commands | its group memberships | two-state host | status-column host |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var rule in LifecycleSpecification.GroupRules)
        {
            var commands = new List<string>();
            foreach (var trigger in LifecycleSpecification.Triggers)
            {
                var policies = LifecycleSpecification.Policies
                    .Where(policy => table[policy, rule.From, trigger] is var cell && IsChange(cell.Outcome) && cell.Next == rule.To)
                    .ToList();
                if (policies.Count == 0)
                {
                    continue;
                }

                commands.Add(policies.Count == LifecycleSpecification.Policies.Length
                    ? Command(trigger)
                    : $"{Command(trigger)} (policy {string.Join(", ", policies)})");
            }

            text.Append(CultureInfo.InvariantCulture, $"| {rule.From} → {rule.To} | {string.Join(", ", commands)} | {rule.Meaning} | ");
            text.Append(Describe(TwoStateHost.GroupEffects(rule.Effect))).Append(" | ");
            text.Append(Describe(StatusColumnHost<string>.GroupEffects(rule.Effect), rule.Effect)).Append(" |\n");
        }

        text.Append('\n');
        text.Append("| member's state | add it to a group | remove it from a group | listed in `members` and `groups` | access through the group |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var state in LifecycleSpecification.States)
        {
            var side = TwoStateHost.GroupTableOf(state);
            text.Append(CultureInfo.InvariantCulture, $"| {state} | ");
            text.Append(side switch
            {
                TwoStateGroupTable.None => "refused (400 `invalidValue`); nothing changes",
                _ => $"a row in {Table(side)} (two-state host) · a row with the status read (status-column host)",
            });
            text.Append(" | ");
            text.Append(side == TwoStateGroupTable.None ? "nothing to remove" : $"its row deleted from {Table(side)}");
            text.Append(CultureInfo.InvariantCulture, $" | {(side == TwoStateGroupTable.None ? "no" : "yes")} | {(side == TwoStateGroupTable.GroupMembers ? "yes" : "no")} |\n");
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

    private static bool IsChange(MembershipOutcome outcome) =>
        outcome is MembershipOutcome.Created or MembershipOutcome.Updated or MembershipOutcome.Revived or MembershipOutcome.Removed;

    private static string Command(LifecycleTrigger trigger) => trigger switch
    {
        LifecycleTrigger.ProvisionActive => "Provision (`active` true)",
        LifecycleTrigger.ProvisionInactive => "Provision (`active` false)",
        LifecycleTrigger.UpdateProfile => "Update profile",
        _ => trigger.ToString(),
    };

    private static string Table(TwoStateGroupTable table) =>
        table == TwoStateGroupTable.GroupMembers ? "`group_members`" : "`inactive_group_members`";

    private static string Describe(TwoStateEffects effects) => effects switch
    {
        TwoStateEffects.MoveGroupMembershipsToInactive => "move its rows from `group_members` to `inactive_group_members`",
        TwoStateEffects.MoveGroupMembershipsBack => "move its rows from `inactive_group_members` back to `group_members`",
        TwoStateEffects.DropGroupMemberships => "delete its rows from both",
        _ => "nothing",
    };

    private static string Describe(StatusColumnEffects effects, GroupMembershipEffect rule) => effects switch
    {
        StatusColumnEffects.DeleteGroupMemberships => "delete its rows",
        _ when rule is GroupMembershipEffect.Suspend or GroupMembershipEffect.Restore => "nothing: the rows stay, access reads the status",
        _ => "nothing",
    };

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
