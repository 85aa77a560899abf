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
                : $"null can only be compared with eq or ne; use '{path} pr' to test whether {path} has a value.";
        }

        if (op.IsSubstring() && value.Kind != FilterValueKind.String)
        {
            return $"'{keyword}' matches part of a string; write the value in double quotes, as in {path} {keyword} \"{value}\".";
        }

        if (op.IsOrdering() && value.Kind == FilterValueKind.Boolean)
        {
            return $"true and false cannot be ordered: '{keyword}' applies to strings, numbers and dates (RFC 7644 §3.4.2.2).";
        }

        if (target is null)
        {
            return null;
        }

        var compared = ComparedAttribute(target);
        if (compared is null)
        {
            var example = target.SubAttributes.IsDefaultOrEmpty ? "a sub-attribute" : $"{path}.{target.SubAttributes[0].Name}";
            return $"'{path}' is a complex attribute; compare one of its sub-attributes, such as {example}.";
        }

        return compared.Type switch
        {
            ScimAttributeType.Boolean when op.IsOrdering() =>
                $"'{path}' is a Boolean; '{keyword}' does not apply to Booleans (RFC 7644 §3.4.2.2). Compare it with eq or ne.",
            ScimAttributeType.Boolean when op.IsSubstring() =>
                $"'{path}' is a Boolean; compare it with eq or ne and true or false.",
            ScimAttributeType.Boolean when value.Kind != FilterValueKind.Boolean =>
                $"'{path}' is a Boolean; compare it with true or false, without quotes.",
            ScimAttributeType.Binary when op.IsOrdering() =>
                $"'{path}' is binary; '{keyword}' does not apply to binary attributes (RFC 7644 §3.4.2.2).",
            ScimAttributeType.Decimal or ScimAttributeType.Integer when op.IsSubstring() =>
                $"'{path}' is a number; '{keyword}' applies to strings.",
            ScimAttributeType.Decimal or ScimAttributeType.Integer when value.Kind != FilterValueKind.Number =>
                $"'{path}' is a number; write the value without quotes.",
            ScimAttributeType.DateTime when op.IsSubstring() =>
                $"'{path}' is a dateTime; compare it with eq, ne, gt, ge, lt or le.",
            ScimAttributeType.DateTime when value.Kind != FilterValueKind.String || !ScimDateTime.TryParse(value.Text, out _) =>
                $"'{path}' is a dateTime; write the value as an xsd:dateTime string such as \"2011-05-13T04:42:34Z\".",
            ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary when value.Kind != FilterValueKind.String =>
                $"'{path}' is a string; write the value in double quotes, as in {path} {keyword} \"{value}\".",
            _ => null,
        };
    }

    /// <summary>Checks that a value filter such as <c>emails[type eq "work"]</c> applies to a complex attribute.</summary>
    /// <param name="path">The attribute the value filter follows, for messages.</param>
    /// <param name="attribute">Its definition, or <see langword="null"/> when unknown.</param>
    /// <returns>A message, or <see langword="null"/> when valid.</returns>
    public static string? CheckValueFilterParent(AttributePath path, ScimAttributeDefinition? attribute) =>
        attribute is { IsComplex: false }
            ? $"'{path}' is not a complex attribute; a value filter [...] selects values of a complex attribute such as emails."
            : null;

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
                : $"'{path.Name}' is not a sub-attribute of '{parent}'; its sub-attributes are {string.Join(", ", resolution.Attribute.SubAttributes.Select(a => a.Name))}.";
        }

        if (resolution.Schema is null)
        {
            return $"'{path}' names the schema '{path.SchemaUrn}', which this server does not serve; its User schemas are {string.Join(", ", catalog.Schemas.Select(s => s.Id))}.";
        }

        if (resolution.Attribute is null)
        {
            return catalog.IsResourceSchema(resolution.Schema.Id)
                ? $"'{path.Name}' is not an attribute of the User resource; attributes of the extensions are named with their schema URN, such as {catalog.Schemas[^1].Id}:{catalog.Schemas[^1].Attributes[0].Name}."
                : $"'{path.Name}' is not an attribute of {resolution.Schema.Id}; its attributes are {string.Join(", ", resolution.Schema.Attributes.Select(a => a.Name))}.";
        }

        if (!resolution.IsKnown)
        {
            var subAttributes = resolution.Attribute.SubAttributes;
            return subAttributes.IsDefaultOrEmpty
                ? $"'{resolution.Attribute.Name}' has no sub-attributes; '{path}' names one."
                : $"'{path.SubAttribute}' is not a sub-attribute of '{resolution.Attribute.Name}'; its sub-attributes are {string.Join(", ", subAttributes.Select(a => a.Name))}.";
        }

        return CheckReadable(path, resolution.Attribute) ?? CheckReadable(path, resolution.Target);
    }

    private static string? CheckReadable(AttributePath path, ScimAttributeDefinition? attribute) =>
        attribute is { Mutability: ScimMutability.WriteOnly }
            ? $"'{path}' is writeOnly: its values are never returned, so filters and sorting cannot use them (RFC 7643 §2.2)."
            : null;
}
