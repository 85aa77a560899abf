using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim.Patching;

/// <summary>Turns a value filter that describes one value — <c>eq</c> comparisons joined by <c>and</c> — into that value.</summary>
internal static class ValueFilterElement
{
    /// <summary>Writes into <paramref name="element"/> the sub-attributes the filter fixes, such as <c>"type":"work"</c> for <c>type eq "work"</c>.</summary>
    /// <returns><see langword="false"/> when the filter does not describe exactly one value.</returns>
    internal static bool TryDescribe(ScimFilter filter, JsonObject element) => TryDescribe(filter.Root, element);

    private static bool TryDescribe(FilterNode node, JsonObject element) => node switch
    {
        ComparisonNode { Operator: ComparisonOperator.Equal } comparison
            when comparison.Attribute.SubAttribute is null && comparison.Attribute.ValueFilter is null
                && comparison.Value.Kind != FilterValueKind.Null =>
            Set(element, comparison.Attribute.Name, comparison.Value),
        LogicalNode { Operator: LogicalOperator.And } and => TryDescribe(and.Left, element) && TryDescribe(and.Right, element),
        _ => false,
    };

    private static bool Set(JsonObject element, string name, FilterValue value)
    {
        element[name] = value.Kind switch
        {
            FilterValueKind.Boolean => JsonValue.Create(value.Boolean),
            FilterValueKind.Number => JsonValue.Create(value.Number),
            _ => JsonValue.Create(value.Text),
        };
        return true;
    }
}
