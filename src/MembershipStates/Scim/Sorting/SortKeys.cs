using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;
using FilterJson = MembershipStates.Scim.Filtering.ScimJson;

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
    public static string? Refusal(AttributePath path, ScimAttributeResolution resolution)
    {
        if (resolution.Attribute is { MultiValued: true })
        {
            return $"'{path}' is multi-valued; this server sorts by single-valued attributes only, such as userName, displayName, name.familyName or meta.lastModified.";
        }

        if (resolution.Target is { IsComplex: true } complex)
        {
            var example = complex.SubAttributes.IsDefaultOrEmpty ? "a sub-attribute" : $"{path}.{complex.SubAttributes[0].Name}";
            return $"'{path}' is a complex attribute; sort by one of its sub-attributes, such as {example} (RFC 7644 §3.4.2.3).";
        }

        return null;
    }

    /// <summary>Reads the sort key of a resource: a scalar, or <see langword="null"/> when the resource has no value.</summary>
    /// <param name="resource">The resource in its wire form.</param>
    /// <param name="sort">The sort.</param>
    /// <returns>The value, or <see langword="null"/> when absent, <c>null</c>, an empty string or not a scalar.</returns>
    public static JsonValue? Read(JsonObject resource, ScimSort sort)
    {
        var path = sort.SortBy;
        var value = FilterJson.Container(resource, path) is { } container ? FilterJson.Property(container, path.Name) : null;
        if (path.SubAttribute is not null)
        {
            value = value is JsonObject complex ? FilterJson.Property(complex, path.SubAttribute) : null;
        }

        return value is JsonValue scalar && FilterJson.IsPresent(scalar) ? scalar : null;
    }

    /// <summary>Reads a resource's <c>id</c>, the tie-breaker; an empty string when it has none.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The id.</returns>
    public static string Id(JsonObject resource) =>
        FilterJson.Property(resource, "id") is JsonValue id && FilterJson.TryGetString(id, out var text) ? text : string.Empty;

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
                return (FilterJson.Kind(left) == JsonValueKind.True).CompareTo(FilterJson.Kind(right) == JsonValueKind.True);
            case 1:
                return FilterJson.TryGetNumber(left, out var a) && FilterJson.TryGetNumber(right, out var b) ? a.CompareTo(b) : 0;
            case 2:
                return FilterJson.TryGetDateTime(left, out var earlier) && FilterJson.TryGetDateTime(right, out var later) ? earlier.CompareTo(later) : 0;
            default:
                var caseExact = attribute?.CaseExact ?? false;
                FilterJson.TryGetString(left, out var x);
                FilterJson.TryGetString(right, out var y);

                // Through the evaluator's own string comparison, so that the order is the one lt and gt see.
                return JsonFilterEvaluator.MatchesString(x, ComparisonOperator.LessThan, y, caseExact) ? -1
                    : JsonFilterEvaluator.MatchesString(x, ComparisonOperator.GreaterThan, y, caseExact) ? 1
                    : 0;
        }
    }

    // Booleans, numbers, dateTimes (of a dateTime attribute), strings: a value of another kind than its attribute's
    // (a number in a string attribute, say) sorts with its own kind, so that the order stays total.
    private static int Rank(JsonValue value, bool dateTime) => FilterJson.Kind(value) switch
    {
        JsonValueKind.True or JsonValueKind.False => 0,
        JsonValueKind.Number => 1,
        _ when dateTime && FilterJson.TryGetDateTime(value, out _) => 2,
        _ => 3,
    };
}
