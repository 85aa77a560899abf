using MembershipStates.Scim.Filtering.Messages;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// The checks that make a syntactically valid comparison meaningful: which operators and values each attribute
/// type accepts (RFC 7644 §3.4.2.2). Parsing, evaluation and LINQ translation apply the same checks.
/// </summary>
internal static class FilterSemantics
{
    /// <summary>Returns the attribute a comparison actually compares: the attribute itself, or the <c>value</c> sub-attribute of a complex one.</summary>
    /// <param name="target">The attribute the path designates.</param>
    /// <returns>The compared attribute, or <see langword="null"/> for a complex attribute without a <c>value</c> sub-attribute.</returns>
    public static ScimAttributeDefinition? ComparedAttribute(ScimAttributeDefinition target) =>
        target.IsComplex ? target.FindSubAttribute("value") : target;

    /// <summary>Checks a comparison.</summary>
    /// <param name="path">The compared path, for messages.</param>
    /// <param name="target">The attribute the path designates, or <see langword="null"/> when unknown.</param>
    /// <param name="op">The operator.</param>
    /// <param name="value">The operator value.</param>
    /// <returns>A message a developer can act on, or <see langword="null"/> when the comparison is valid.</returns>
    public static string? CheckComparison(AttributePath path, ScimAttributeDefinition? target, ComparisonOperator op, FilterValue value)
    {
        var keyword = op.Keyword();
        if (value.Kind == FilterValueKind.Null)
        {
            return op is ComparisonOperator.Equal or ComparisonOperator.NotEqual
                ? null
                : FilterMessages.NullOrdered(path);
        }

        if (op.IsSubstring() && value.Kind != FilterValueKind.String)
        {
            return FilterMessages.SubstringOfNonString(path, keyword, value);
        }

        if (op.IsOrdering() && value.Kind == FilterValueKind.Boolean)
        {
            return FilterMessages.BooleansOrdered(keyword);
        }

        if (target is null)
        {
            return null;
        }

        var compared = ComparedAttribute(target);
        if (compared is null)
        {
            var example = target.SubAttributes.IsDefaultOrEmpty ? "a sub-attribute" : $"{path}.{target.SubAttributes[0].Name}";
            return FilterMessages.ComplexCompared(path, example);
        }

        return compared.Type switch
        {
            ScimAttributeType.Boolean when op.IsOrdering() => FilterMessages.BooleanOrdered(path, keyword),
            ScimAttributeType.Boolean when op.IsSubstring() => FilterMessages.BooleanSubstring(path),
            ScimAttributeType.Boolean when value.Kind != FilterValueKind.Boolean => FilterMessages.BooleanValue(path),
            ScimAttributeType.Binary when op.IsOrdering() => FilterMessages.BinaryOrdered(path, keyword),
            ScimAttributeType.Decimal or ScimAttributeType.Integer when op.IsSubstring() => FilterMessages.NumberSubstring(path, keyword),
            ScimAttributeType.Decimal or ScimAttributeType.Integer when value.Kind != FilterValueKind.Number => FilterMessages.NumberValue(path),
            ScimAttributeType.DateTime when op.IsSubstring() => FilterMessages.DateTimeSubstring(path),
            ScimAttributeType.DateTime when value.Kind != FilterValueKind.String || !ScimDateTime.TryParse(value.Text, out _) =>
                FilterMessages.DateTimeValue(path),
            ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary when value.Kind != FilterValueKind.String =>
                FilterMessages.StringValue(path, keyword, value),
            _ => null,
        };
    }

    /// <summary>Checks that a value filter such as <c>emails[type eq "work"]</c> applies to a complex attribute.</summary>
    /// <param name="path">The attribute the value filter follows, for messages.</param>
    /// <param name="attribute">Its definition, or <see langword="null"/> when unknown.</param>
    /// <returns>A message, or <see langword="null"/> when valid.</returns>
    public static string? CheckValueFilterParent(AttributePath path, ScimAttributeDefinition? attribute) =>
        attribute is { IsComplex: false } ? FilterMessages.NotComplex(path) : null;

    /// <summary>
    /// Checks that a filtered or sorted path names attributes the server's schemas declare, and one whose values are
    /// ever returned (not <c>writeOnly</c>, RFC 7643 §2.2): a filter must not reveal what a read never shows.
    /// </summary>
    /// <param name="path">The path, for messages.</param>
    /// <param name="resolution">What the catalog knows about it.</param>
    /// <param name="parent">The attribute whose value filter names it, or <see langword="null"/> at the resource level.</param>
    /// <param name="catalog">The catalog, whose schemas the message lists.</param>
    /// <returns>A message, or <see langword="null"/> when the path is declared and readable.</returns>
    public static string? CheckDeclared(AttributePath path, ScimAttributeResolution resolution, AttributePath? parent, ScimAttributeCatalog catalog)
    {
        if (parent is not null)
        {
            // An unknown parent is reported for the whole value path; a known one names its sub-attributes.
            return resolution.Attribute is null || resolution.IsKnown
                ? CheckReadable(path, resolution.Target)
                : FilterMessages.NotASubAttribute(path.Name, parent, resolution.Attribute.SubAttributes);
        }

        if (resolution.Schema is null)
        {
            return FilterMessages.SchemaNotServed(path, catalog.Schemas);
        }

        if (resolution.Attribute is null)
        {
            return catalog.IsResourceSchema(resolution.Schema.Id)
                ? FilterMessages.NotAUserAttribute(path.Name, catalog.Schemas[^1])
                : FilterMessages.NotASchemaAttribute(path.Name, resolution.Schema);
        }

        if (!resolution.IsKnown)
        {
            var subAttributes = resolution.Attribute.SubAttributes;
            return subAttributes.IsDefaultOrEmpty
                ? FilterMessages.HasNoSubAttributes(resolution.Attribute.Name, path)
                : FilterMessages.NotASubAttributeOf(path.SubAttribute, resolution.Attribute.Name, subAttributes);
        }

        return CheckReadable(path, resolution.Attribute) ?? CheckReadable(path, resolution.Target);
    }

    private static string? CheckReadable(AttributePath path, ScimAttributeDefinition? attribute) =>
        attribute is { Mutability: ScimMutability.WriteOnly } ? FilterMessages.WriteOnly(path) : null;
}
