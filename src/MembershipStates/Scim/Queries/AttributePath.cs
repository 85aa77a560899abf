using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim;

/// <summary>
/// An attribute path of RFC 7644: an optional schema URN, an attribute name, an optional value filter and an
/// optional sub-attribute — <c>active</c>, <c>name.givenName</c>,
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>,
/// <c>emails[type eq "work"].value</c>.
/// </summary>
/// <remarks>
/// <para>Parse the <c>path</c> of a <c>PATCH</c> operation (RFC 7644 §3.5.2) with <see cref="Parse"/>; filters
/// carry their attribute paths the same way.</para>
/// <para>Attribute names are case-insensitive (RFC 7643 §2.1): equality ignores the case of the URN, the attribute
/// and the sub-attribute, and compares value filters structurally. <see cref="ToString"/> prints the canonical
/// form, which parses back to an equal path.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class AttributePath : IEquatable<AttributePath>
{
    private string? _text;

    internal AttributePath(string? schemaUrn, string name, ScimFilter? valueFilter, string? subAttribute)
    {
        SchemaUrn = schemaUrn;
        Name = name;
        ValueFilter = valueFilter;
        SubAttribute = subAttribute;
    }

    /// <summary>Gets the schema URN the attribute is qualified with, or <see langword="null"/> when it is not qualified.</summary>
    public string? SchemaUrn { get; }

    /// <summary>Gets the attribute name, as written.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the filter that selects values of a multi-valued attribute, such as <c>type eq "work"</c> in
    /// <c>emails[type eq "work"].value</c>, or <see langword="null"/>. Its attribute names are sub-attributes of
    /// <see cref="Name"/>; test one value with <see cref="MatchElement"/>.
    /// </summary>
    public ScimFilter? ValueFilter { get; }

    /// <summary>Gets the sub-attribute name, such as <c>givenName</c> in <c>name.givenName</c>, or <see langword="null"/>.</summary>
    public string? SubAttribute { get; }

    /// <summary>
    /// Parses an attribute path as the <c>path</c> of a <c>PATCH</c> operation (RFC 7644 §3.5.2):
    /// <c>attrPath / valuePath [subAttr]</c>.
    /// </summary>
    /// <param name="text">The path text.</param>
    /// <returns>The path, or a 400 <c>invalidPath</c> error whose detail says what is wrong and where.</returns>
    /// <remarks>Never throws: every input yields a path or an error. Unknown attributes are valid paths.</remarks>
    public static ScimResult<AttributePath> Parse(string? text) =>
        FilterParser.TryParsePath(text, out var path, out var error)
            ? ScimResult<AttributePath>.Success(path)
            : ScimResult<AttributePath>.Failure(error.ToScimError());

    /// <summary>
    /// Tests one value of this multi-valued complex attribute against <see cref="ValueFilter"/>, as a <c>PATCH</c>
    /// does for <c>emails[type eq "work"]</c>.
    /// </summary>
    /// <param name="element">One value of the attribute, such as <c>{"type":"work","value":"a@b.c","primary":true}</c>.</param>
    /// <returns>
    /// Whether the value matches (always, when the path has no value filter), or a 400 <c>invalidFilter</c> error
    /// when the filter cannot be evaluated.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> is <see langword="null"/>.</exception>
    public ScimResult<bool> MatchElement(JsonObject element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return ValueFilter is null ? ScimResult.Boolean(true) : ValueFilter.EvaluateElement(element, this);
    }

    /// <summary>Returns the canonical text of the path.</summary>
    /// <returns>The path, such as <c>emails[type eq "work"].value</c>.</returns>
    public override string ToString() => _text ??= FilterPrinter.Print(this);

    /// <inheritdoc />
    public bool Equals([NotNullWhen(true)] AttributePath? other) =>
        other is not null
        && string.Equals(SchemaUrn, other.SchemaUrn, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(SubAttribute, other.SubAttribute, StringComparison.OrdinalIgnoreCase)
        && Equals(ValueFilter, other.ValueFilter);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AttributePath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        SchemaUrn is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(SchemaUrn),
        StringComparer.OrdinalIgnoreCase.GetHashCode(Name),
        SubAttribute is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(SubAttribute),
        ValueFilter);

    /// <summary>Compares two paths for equality.</summary>
    /// <param name="left">The first path.</param>
    /// <param name="right">The second path.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(AttributePath? left, AttributePath? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two paths for inequality.</summary>
    /// <param name="left">The first path.</param>
    /// <param name="right">The second path.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AttributePath? left, AttributePath? right) => !(left == right);

    /// <summary>Returns the same path without its value filter and sub-attribute: the top-level attribute.</summary>
    /// <returns>The attribute path.</returns>
    internal AttributePath Attribute() =>
        ValueFilter is null && SubAttribute is null ? this : new AttributePath(SchemaUrn, Name, null, null);

    /// <summary>Returns the same path with another sub-attribute.</summary>
    /// <param name="subAttribute">The sub-attribute, or <see langword="null"/>.</param>
    /// <returns>The path.</returns>
    internal AttributePath WithSubAttribute(string? subAttribute) =>
        new(SchemaUrn, Name, ValueFilter, subAttribute);
}
