using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <summary>
/// A parsed SCIM filter (RFC 7644 §3.4.2.2), such as <c>userName eq "bjensen"</c> or
/// <c>emails[type eq "work"].value eq "user@contoso.com"</c>: evaluate it against a resource's JSON with
/// <see cref="Evaluate"/>, or translate it into a LINQ predicate with <see cref="ScimFilterMap{T}"/>.
/// </summary>
/// <remarks>
/// <para>The whole grammar is supported: <c>eq ne co sw ew gt ge lt le pr</c>, <c>and or not</c> with
/// precedence <c>not</c> &gt; <c>and</c> &gt; <c>or</c>, parentheses, value paths with nested expressions,
/// a value path followed by a sub-attribute (as Microsoft Entra ID sends), URN-qualified attributes, and JSON
/// strings, numbers, <c>true</c>, <c>false</c> and <c>null</c>. Operators and keywords ignore case.</para>
/// <para>Parsing also checks comparisons against the attributes the library knows (for example <c>active gt true</c>
/// is rejected: RFC 7644 does not order Booleans). Filters longer than 4096 characters, nested deeper than 32
/// levels or with more than 128 attribute expressions are rejected rather than risk the stack.</para>
/// <para><see cref="ToString"/> prints the canonical form, which parses back to an equal filter. Immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class ScimFilter : IEquatable<ScimFilter>
{
    private string? _text;

    internal ScimFilter(FilterNode root)
        : this(root, ScimAttributeCatalog.Default)
    {
    }

    internal ScimFilter(FilterNode root, ScimAttributeCatalog catalog)
    {
        Root = root;
        Catalog = catalog;
    }

    /// <summary>Gets the root of the syntax tree.</summary>
    internal FilterNode Root { get; }

    /// <summary>Gets the attributes the filter was parsed against, whose characteristics (<c>caseExact</c>, type) evaluation honours.</summary>
    internal ScimAttributeCatalog Catalog { get; }

    /// <summary>Parses a filter, such as the <c>filter</c> query parameter of <c>GET /Users</c>.</summary>
    /// <param name="text">The filter text.</param>
    /// <returns>
    /// The filter, or a 400 <c>invalidFilter</c> error whose detail says what is wrong and where, such as
    /// <c>'eg' is not a SCIM operator; use eq, ne, co, sw, ew, gt, ge, lt, le or pr. (at position 9)</c> for
    /// <c>userName eg "x"</c>.
    /// </returns>
    /// <remarks>Never throws: every input yields a filter or an error.</remarks>
    public static ScimResult<ScimFilter> Parse(string? text) =>
        Parsed(text, ScimAttributeCatalog.Default, declaredOnly: false);

    /// <summary>
    /// Parses a filter on Users against the schemas a server serves: the core User schema, the enterprise extension and
    /// the host's declared extensions, whose attributes it may name by their URN, such as
    /// <c>urn:example:params:scim:schemas:extension:acme:2.0:User:costCenter eq "X"</c>.
    /// </summary>
    /// <param name="text">The filter text.</param>
    /// <param name="userSchema">The User schemas, from <see cref="ScimUserSchema.WithExtensions"/>.</param>
    /// <returns>
    /// The filter, which evaluates and translates with the declared characteristics (<c>caseExact</c>, type), or a
    /// 400 <c>invalidFilter</c> error.
    /// </returns>
    /// <remarks>
    /// Unlike <see cref="Parse(string?)"/>, every attribute named must be declared by one of the schemas, and none may
    /// be <c>writeOnly</c> (its values are never returned, so a filter must not probe them): otherwise the answer is
    /// <c>invalidFilter</c> naming what is declared. Never throws for any text.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="userSchema"/> is <see langword="null"/>.</exception>
    public static ScimResult<ScimFilter> Parse(string? text, ScimUserSchema userSchema)
    {
        ArgumentNullException.ThrowIfNull(userSchema);
        return Parsed(text, userSchema.Catalog, declaredOnly: true);
    }

    /// <summary>Evaluates the filter against a resource in its wire form, the JSON a SCIM server returns for it.</summary>
    /// <param name="resource">The resource, such as a User with the enterprise extension under its URN.</param>
    /// <returns>
    /// Whether the resource matches, or a 400 <c>invalidFilter</c> error when the filter cannot be evaluated against
    /// it.
    /// </returns>
    /// <remarks>
    /// <para>Attribute names in the JSON match ignoring case. Strings compare according to the attribute's
    /// <c>caseExact</c> (<c>id</c> and <c>externalId</c> exactly; <c>userName</c>, <c>emails.value</c>, names and
    /// unknown attributes ignoring case); a multi-valued attribute matches when any of its values does; <c>pr</c>
    /// needs a value that is not null, not an empty string and not an empty array or object; <c>gt ge lt le</c>
    /// order strings ordinally, dates chronologically and numbers by value, and reject Booleans.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    public ScimResult<bool> Evaluate(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonFilterEvaluator.TryEvaluate(Root, Catalog, resource, parent: null, out var matches, out var error)
            ? ScimResult.Boolean(matches)
            : ScimResult<bool>.Failure(error.ToScimError());
    }

    /// <summary>
    /// Evaluates the filter against one value of a multi-valued complex attribute, the way the value filter of
    /// <c>emails[type eq "work"]</c> selects values: attribute names in the filter are sub-attributes of
    /// <paramref name="parent"/>.
    /// </summary>
    /// <param name="element">One value, such as <c>{"type":"work","value":"a@b.c","primary":true}</c>.</param>
    /// <param name="parent">The attribute the value belongs to, such as <c>emails</c>; its value filter and sub-attribute are ignored.</param>
    /// <returns>Whether the value matches, or a 400 <c>invalidFilter</c> error when the filter cannot be evaluated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> or <paramref name="parent"/> is <see langword="null"/>.</exception>
    public ScimResult<bool> EvaluateElement(JsonObject element, AttributePath parent)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(parent);
        return JsonFilterEvaluator.TryEvaluate(Root, Catalog, element, parent.Attribute(), out var matches, out var error)
            ? ScimResult.Boolean(matches)
            : ScimResult<bool>.Failure(error.ToScimError());
    }

    /// <summary>Returns the canonical text of the filter.</summary>
    /// <returns>The filter, with lower-case operators, single spaces and only the parentheses it needs.</returns>
    public override string ToString() => _text ??= FilterPrinter.Print(Root);

    /// <summary>Compares two filters: equal when they have the same tree and were read against the same schemas, so
    /// that they also compare values alike (<c>caseExact</c>, types).</summary>
    /// <param name="other">The other filter.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals([NotNullWhen(true)] ScimFilter? other) =>
        other is not null && ReferenceEquals(Catalog, other.Catalog) && Root.Equals(other.Root);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ScimFilter other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Root.GetHashCode();

    /// <summary>Compares two filters for structural equality.</summary>
    /// <param name="left">The first filter.</param>
    /// <param name="right">The second filter.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ScimFilter? left, ScimFilter? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two filters for inequality.</summary>
    /// <param name="left">The first filter.</param>
    /// <param name="right">The second filter.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ScimFilter? left, ScimFilter? right) => !(left == right);

    private static ScimResult<ScimFilter> Parsed(string? text, ScimAttributeCatalog catalog, bool declaredOnly) =>
        FilterParser.TryParseFilter(text, catalog, declaredOnly, out var filter, out var error)
            ? ScimResult<ScimFilter>.Success(filter)
            : ScimResult<ScimFilter>.Failure(error.ToScimError());
}
