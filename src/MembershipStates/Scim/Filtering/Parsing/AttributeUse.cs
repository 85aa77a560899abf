namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>
/// An attribute the parser read that the server's schemas must agree with, recorded in the order it was read so
/// that <see cref="FilterSchemaCheck"/> reports the first problem in the text first.
/// </summary>
/// <param name="Path">The attribute, as written.</param>
/// <param name="Parent">The attribute whose value filter names it, or <see langword="null"/> at the resource level.</param>
/// <param name="Position">Where its attribute expression (or path) starts, the position a problem is reported at.</param>
internal abstract record AttributeUse(AttributePath Path, AttributePath? Parent, int Position);

/// <summary><c>emails[</c>: a value filter opens on <see cref="AttributeUse.Path"/>, which must then be complex.</summary>
/// <param name="Path">The attribute, without value filter or sub-attribute.</param>
/// <param name="Position">Where the path starts.</param>
internal sealed record ValueFilterUse(AttributePath Path, int Position) : AttributeUse(Path, null, Position);

/// <summary>An attribute expression names <see cref="AttributeUse.Path"/>, which a server that serves declared schemas only must declare.</summary>
/// <param name="Path">The whole path, value filter and sub-attribute included.</param>
/// <param name="Parent">The attribute whose value filter names it, or <see langword="null"/>.</param>
/// <param name="Position">Where the expression starts.</param>
internal sealed record TermUse(AttributePath Path, AttributePath? Parent, int Position) : AttributeUse(Path, Parent, Position);

/// <summary><c>path op value</c>: the operator and value must suit the attribute's type (RFC 7644 §3.4.2.2).</summary>
/// <param name="Path">The compared path.</param>
/// <param name="Parent">The attribute whose value filter names it, or <see langword="null"/>.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Value">The operator value.</param>
/// <param name="Position">Where the expression starts.</param>
internal sealed record ComparisonUse(AttributePath Path, AttributePath? Parent, ComparisonOperator Operator, FilterValue Value, int Position)
    : AttributeUse(Path, Parent, Position);
