using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Sorting;

/// <summary>
/// What a sort key is: which attributes can be one, the key's value in a resource's wire form, and how two values
/// compare — the way the filter operators <c>lt</c> and <c>gt</c> compare them.
/// </summary>
internal static class SortKeys
{
    /// <summary>Says why an attribute cannot be a sort key, or returns <see langword="null"/> when it can.</summary>
    /// <param name="path">The <c>sortBy</c> path, for messages.</param>
    /// <param name="resolution">What the catalog knows about it.</param>
    /// <returns>A message a developer can act on, or <see langword="null"/>.</returns>
    /// <remarks>
    /// A multi-valued attribute is a key through one of its sub-attributes, or through its <c>value</c> when named
    /// alone (<c>emails</c> is <c>emails.value</c>); a single-valued complex one only through a sub-attribute.
    /// </remarks>
    public static string? Refusal(AttributePath path, ScimAttributeResolution resolution)
    {
        if (resolution.Target is { IsComplex: true } complex && (!complex.MultiValued || FilterSemantics.ComparedAttribute(complex) is null))
        {
            var example = complex.SubAttributes.IsDefaultOrEmpty ? "a sub-attribute" : $"{path}.{complex.SubAttributes[0].Name}";
            return $"'{path}' is a complex attribute; sort by one of its sub-attributes, such as {example} (RFC 7644 §3.4.2.3).";
        }

        return null;
    }

    /// <summary>Returns the attribute whose values a sort key compares: the path's target, or the <c>value</c> of a multi-valued complex attribute named alone.</summary>
    /// <param name="resolution">What the catalog knows about the path.</param>
    /// <returns>The attribute, or <see langword="null"/> when the catalog does not know it.</returns>
    public static ScimAttributeDefinition? Compared(ScimAttributeResolution resolution) =>
        resolution.Target is { } target ? FilterSemantics.ComparedAttribute(target) : null;

    /// <summary>
    /// Reads the sort key of a resource: a scalar, or <see langword="null"/> when the resource has no value. For a
    /// multi-valued attribute, the named sub-attribute (<c>value</c> when none is named) of the value marked
    /// <c>primary</c>, else of the first value (RFC 7644 §3.4.2.3).
    /// </summary>
    /// <param name="resource">The resource in its wire form.</param>
    /// <param name="sort">The sort.</param>
    /// <returns>The value, or <see langword="null"/> when absent, <c>null</c>, an empty string or not a scalar.</returns>
    public static JsonValue? Read(JsonObject resource, ScimSort sort)
    {
        var path = sort.SortBy;
        var value = ResourceJsonReader.Container(resource, path) is { } container ? JsonMembers.Find(container, path.Name) : null;
        var subAttribute = path.SubAttribute;
        if (value is JsonArray values)
        {
            value = Representative(values);
            subAttribute ??= value is JsonObject ? "value" : null;
        }

        if (subAttribute is not null)
        {
            value = value is JsonObject complex ? JsonMembers.Find(complex, subAttribute) : null;
        }

        return value is JsonValue scalar && ResourceJsonReader.IsPresent(scalar) ? scalar : null;
    }

    /// <summary>The value that stands for a multi-valued attribute: the first marked <c>primary</c>, else the first one (nulls skipped).</summary>
    /// <param name="values">The attribute's values.</param>
    /// <returns>The value, or <see langword="null"/> when there is none.</returns>
    public static JsonNode? Representative(JsonArray values) =>
        values.FirstOrDefault(value => value is JsonObject item && IsPrimary(JsonMembers.Find(item, "primary")))
            ?? values.FirstOrDefault(value => value is not null);

    /// <summary>Whether a <c>primary</c> is true: JSON <c>true</c>, or the string <c>"true"</c> in any case, as Microsoft Entra ID sends it.</summary>
    private static bool IsPrimary(JsonNode? primary) =>
        primary is JsonValue flag && (ResourceJsonReader.Kind(flag) == JsonValueKind.True
            || (ResourceJsonReader.TryGetString(flag, out var text) && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Reads a resource's <c>id</c>, the tie-breaker; an empty string when it has none.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The id.</returns>
    public static string Id(JsonObject resource) =>
        JsonMembers.Find(resource, "id") is JsonValue id && ResourceJsonReader.TryGetString(id, out var text) ? text : string.Empty;

    /// <summary>Compares two sort keys in ascending order: values before no value, then as <c>lt</c> and <c>gt</c> order them.</summary>
    /// <param name="left">A key, or <see langword="null"/> for no value.</param>
    /// <param name="right">Another key.</param>
    /// <param name="attribute">The attribute sorted by, or <see langword="null"/> when the catalog does not know it.</param>
    /// <returns>The comparison.</returns>
    public static int Compare(JsonValue? left, JsonValue? right, ScimAttributeDefinition? attribute)
    {
        if (left is null || right is null)
        {
            return (left is null ? 1 : 0) - (right is null ? 1 : 0);
        }

        var dateTime = attribute?.Type == ScimAttributeType.DateTime;
        var (leftKind, rightKind) = (Rank(left, dateTime), Rank(right, dateTime));
        if (leftKind != rightKind)
        {
            return leftKind.CompareTo(rightKind);
        }

        switch (leftKind)
        {
            case 0:
                return (ResourceJsonReader.Kind(left) == JsonValueKind.True).CompareTo(ResourceJsonReader.Kind(right) == JsonValueKind.True);
            case 1:
                return ResourceJsonReader.TryGetNumber(left, out var a) && ResourceJsonReader.TryGetNumber(right, out var b) ? a.CompareTo(b) : 0;
            case 2:
                return ResourceJsonReader.TryGetDateTime(left, out var earlier) && ResourceJsonReader.TryGetDateTime(right, out var later) ? earlier.CompareTo(later) : 0;
            default:
                var caseExact = attribute?.CaseExact ?? false;
                ResourceJsonReader.TryGetString(left, out var x);
                ResourceJsonReader.TryGetString(right, out var y);

                // Through the evaluator's own string comparison, so that the order is the one lt and gt see.
                return JsonFilterEvaluator.MatchesString(x, ComparisonOperator.LessThan, y, caseExact) ? -1
                    : JsonFilterEvaluator.MatchesString(x, ComparisonOperator.GreaterThan, y, caseExact) ? 1
                    : 0;
        }
    }

    // Booleans, numbers, dateTimes (of a dateTime attribute), strings: a value of another kind than its attribute's
    // (a number in a string attribute, say) sorts with its own kind, so that the order stays total.
    private static int Rank(JsonValue value, bool dateTime) => ResourceJsonReader.Kind(value) switch
    {
        JsonValueKind.True or JsonValueKind.False => 0,
        JsonValueKind.Number => 1,
        _ when dateTime && ResourceJsonReader.TryGetDateTime(value, out _) => 2,
        _ => 3,
    };
}
