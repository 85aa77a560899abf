using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering.Messages;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// Evaluates a filter against the wire form of a resource, or against one value of a multi-valued complex
/// attribute, honouring the attribute characteristics of <see cref="ScimAttributeCatalog"/>.
/// </summary>
/// <remarks>
/// <para>A comparison matches when any value of the attribute satisfies it (RFC 7644 §3.4.2.2); a value that cannot
/// be compared with the operator value (a number where a string is expected, say) does not match. <c>eq null</c>
/// means "not present" and <c>ne null</c> "present" (RFC 7643 §2.5). Strings fold case unless the attribute is
/// <c>caseExact</c>, then compare by code point (<see cref="ScimStringComparison"/>).</para>
/// <para>Evaluation is depth-first and short-circuits <c>and</c>/<c>or</c>; the first error ends it.</para>
/// </remarks>
internal sealed class JsonFilterEvaluator
{
    private readonly ScimAttributeCatalog _catalog;
    private FilterError? _error;

    private JsonFilterEvaluator(ScimAttributeCatalog catalog) => _catalog = catalog;

    /// <summary>Evaluates a filter.</summary>
    /// <param name="root">The filter.</param>
    /// <param name="catalog">The attributes whose characteristics the comparisons honour.</param>
    /// <param name="json">The resource, or one value of <paramref name="parent"/>.</param>
    /// <param name="parent">The attribute <paramref name="json"/> is a value of, or <see langword="null"/> when it is a resource.</param>
    /// <param name="matches">Whether it matches.</param>
    /// <param name="error">Why the filter cannot be evaluated.</param>
    /// <returns><see langword="true"/> when evaluated.</returns>
    public static bool TryEvaluate(
        FilterNode root,
        ScimAttributeCatalog catalog,
        JsonObject json,
        AttributePath? parent,
        out bool matches,
        [NotNullWhen(false)] out FilterError? error)
    {
        var evaluator = new JsonFilterEvaluator(catalog);
        var scope = parent is null
            ? Scope.Resource(json)
            : Scope.Element(json, parent, evaluator._catalog.Resolve(parent).Attribute);
        matches = evaluator.Evaluate(root, scope);
        error = evaluator._error;
        if (error is not null)
        {
            matches = false;
            return false;
        }

        return true;
    }

    private bool Evaluate(FilterNode node, Scope scope) => node switch
    {
        LogicalNode { Operator: LogicalOperator.And } and => Evaluate(and.Left, scope) && _error is null && Evaluate(and.Right, scope),
        LogicalNode or => (Evaluate(or.Left, scope) || (_error is null && Evaluate(or.Right, scope))) && _error is null,
        NotNode not => !Evaluate(not.Operand, scope) && _error is null,
        PresentNode present => Values(present.Attribute, scope).Any(ResourceJsonReader.IsPresent),
        ComparisonNode comparison => Compare(comparison, scope),
        ValuePathNode valuePath => Values(valuePath.Attribute, scope).Count > 0,
        _ => false,
    };

    private bool Compare(ComparisonNode comparison, Scope scope)
    {
        var path = comparison.Attribute;
        var target = Target(path, scope);
        if (FilterSemantics.CheckComparison(path, target, comparison.Operator, comparison.Value) is { } problem)
        {
            return Fail(problem);
        }

        var values = Values(path, scope);
        if (comparison.Value.Kind == FilterValueKind.Null)
        {
            var present = values.Any(ResourceJsonReader.IsPresent);
            return comparison.Operator == ComparisonOperator.Equal ? !present : present;
        }

        var compared = target is null ? null : FilterSemantics.ComparedAttribute(target);
        foreach (var value in values)
        {
            var scalars = value is JsonObject complex ? ResourceJsonReader.Values(JsonMembers.Find(complex, "value")) : [value];
            foreach (var scalar in scalars)
            {
                if (scalar is JsonValue json && Matches(path, compared, json, comparison.Operator, comparison.Value))
                {
                    return true;
                }

                if (_error is not null)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private bool Matches(AttributePath path, ScimAttributeDefinition? attribute, JsonValue json, ComparisonOperator op, FilterValue operand)
    {
        var kind = ResourceJsonReader.Kind(json);
        if (op.IsOrdering() && kind is JsonValueKind.True or JsonValueKind.False)
        {
            return Fail(FilterMessages.HoldsBoolean(path, op.Keyword()));
        }

        switch (operand.Kind)
        {
            case FilterValueKind.Boolean:
                return kind is JsonValueKind.True or JsonValueKind.False
                    && op.Accepts((kind == JsonValueKind.True) == operand.Boolean ? 0 : 1);
            case FilterValueKind.Number:
                return kind == JsonValueKind.Number
                    && ResourceJsonReader.TryGetNumber(json, out var number)
                    && op.Accepts(number.CompareTo(operand.Number));
            case FilterValueKind.String when attribute?.Type == ScimAttributeType.DateTime:
                return ResourceJsonReader.TryGetDateTime(json, out var instant)
                    && ScimDateTime.TryParse(operand.Text, out var expected)
                    && op.Accepts(instant.CompareTo(expected));
            case FilterValueKind.String:
                return kind == JsonValueKind.String
                    && ResourceJsonReader.TryGetString(json, out var text)
                    && MatchesString(text, op, operand.Text!, attribute?.CaseExact ?? false);
            default:
                return false;
        }
    }

    /// <summary>Compares strings the way the LINQ translation does: case folded unless case-exact, then by code point.</summary>
    /// <param name="value">The attribute value.</param>
    /// <param name="op">The operator.</param>
    /// <param name="operand">The operator value.</param>
    /// <param name="caseExact">Whether case matters.</param>
    /// <returns>Whether the value satisfies the comparison.</returns>
    internal static bool MatchesString(string value, ComparisonOperator op, string operand, bool caseExact)
    {
        if (!caseExact)
        {
            value = ScimStringComparison.Fold(value);
            operand = ScimStringComparison.Fold(operand);
        }

        return op switch
        {
            ComparisonOperator.Contains => value.Contains(operand, StringComparison.Ordinal),
            ComparisonOperator.StartsWith => value.StartsWith(operand, StringComparison.Ordinal),
            ComparisonOperator.EndsWith => value.EndsWith(operand, StringComparison.Ordinal),
            _ => op.Accepts(ScimStringComparison.Compare(value, operand)),
        };
    }

    private ScimAttributeDefinition? Target(AttributePath path, Scope scope) =>
        scope.Parent is null
            ? _catalog.Resolve(path).Target
            : ScimAttributeCatalog.ResolveSubAttribute(scope.ParentDefinition, path.Name).Target;

    /// <summary>Returns the values a path designates in a scope; for a value path without sub-attribute, the matching elements.</summary>
    private List<JsonNode> Values(AttributePath path, Scope scope)
    {
        if (scope.Parent is not null)
        {
            return [.. ResourceJsonReader.Values(JsonMembers.Find(scope.Json, path.Name))];
        }

        var container = ResourceJsonReader.Container(scope.Json, path);
        if (container is null)
        {
            return [];
        }

        var attribute = JsonMembers.Find(container, path.Name);
        IEnumerable<JsonNode> elements = ResourceJsonReader.Values(attribute);
        if (path.ValueFilter is not null)
        {
            var element = Scope.Element(scope.Json, path.Attribute(), _catalog.Resolve(path.SchemaUrn, path.Name, null).Attribute);
            var selected = new List<JsonNode>();
            foreach (var candidate in elements)
            {
                if (candidate is JsonObject json && Evaluate(path.ValueFilter.Root, element with { Json = json }))
                {
                    selected.Add(candidate);
                }

                if (_error is not null)
                {
                    return [];
                }
            }

            elements = selected;
        }

        if (path.SubAttribute is null)
        {
            return [.. elements];
        }

        return [.. elements.OfType<JsonObject>().SelectMany(json => ResourceJsonReader.Values(JsonMembers.Find(json, path.SubAttribute)))];
    }

    private bool Fail(string message)
    {
        _error ??= new FilterError(ScimErrorTypes.InvalidFilter, message, null);
        return false;
    }

    /// <summary>What attribute names refer to: the resource, or one value of a complex attribute.</summary>
    /// <param name="Json">The resource or the value.</param>
    /// <param name="Parent">The complex attribute, or <see langword="null"/> at the resource level.</param>
    /// <param name="ParentDefinition">The complex attribute's definition, when known.</param>
    private sealed record Scope(JsonObject Json, AttributePath? Parent, ScimAttributeDefinition? ParentDefinition)
    {
        public static Scope Resource(JsonObject json) => new(json, null, null);

        public static Scope Element(JsonObject json, AttributePath parent, ScimAttributeDefinition? definition) =>
            new(json, parent, definition);
    }
}
