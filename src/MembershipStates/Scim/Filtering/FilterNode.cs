namespace MembershipStates.Scim.Filtering;

/// <summary>
/// A node of a parsed SCIM filter (RFC 7644 §3.4.2.2). Nodes are records with structural equality, so a filter
/// printed with <see cref="ToString"/> parses back to an equal tree.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal abstract record FilterNode
{
    /// <summary>Returns the canonical text of the node: lower-case operators, single spaces, parentheses only where needed.</summary>
    /// <returns>The canonical filter text.</returns>
    public sealed override string ToString() => FilterPrinter.Print(this);
}

/// <summary><c>left and right</c> or <c>left or right</c>.</summary>
/// <param name="Operator">The logical operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
internal sealed record LogicalNode(LogicalOperator Operator, FilterNode Left, FilterNode Right) : FilterNode;

/// <summary><c>not (operand)</c>.</summary>
/// <param name="Operand">The negated filter.</param>
internal sealed record NotNode(FilterNode Operand) : FilterNode;

/// <summary>
/// <c>attribute op value</c>, such as <c>userName eq "bjensen"</c> or, in the form Microsoft Entra ID sends,
/// <c>emails[type eq "work"].value eq "a@contoso.com"</c>.
/// </summary>
/// <param name="Attribute">The compared attribute, possibly a value path followed by a sub-attribute.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The operator value.</param>
internal sealed record ComparisonNode(AttributePath Attribute, ComparisonOperator Operator, FilterValue Value) : FilterNode;

/// <summary><c>attribute pr</c>: the attribute has a non-empty value.</summary>
/// <param name="Attribute">The attribute, possibly a value path followed by a sub-attribute.</param>
internal sealed record PresentNode(AttributePath Attribute) : FilterNode;

/// <summary>
/// A value path used as a filter, such as <c>emails[type eq "work" and value co "@example.com"]</c>: some value
/// of the multi-valued attribute matches the value filter.
/// </summary>
/// <param name="Attribute">The attribute with its <see cref="AttributePath.ValueFilter"/> and no sub-attribute.</param>
internal sealed record ValuePathNode(AttributePath Attribute) : FilterNode;
