using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Filtering.Translation;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <summary>
/// Where the SCIM attributes a host can filter on live on its own entity, and the translation of filters into
/// predicates over that entity for <see cref="IQueryable{T}"/>: <c>users.Where(predicate)</c>.
/// </summary>
/// <typeparam name="T">The host's entity type.</typeparam>
/// <example>
/// <code>
/// var map = new ScimFilterMap&lt;AppUser&gt;()
///     .MapNormalized("userName", u =&gt; u.NormalizedUserName, static value =&gt; value.ToUpperInvariant())
///     .Map("externalId", u =&gt; u.ExternalId)
///     .MapValues("emails", u =&gt; u.Emails, email =&gt; email
///         .MapNormalized("value", e =&gt; e.NormalizedAddress, static value =&gt; value.ToUpperInvariant())
///         .MapNormalized("type", e =&gt; e.NormalizedType, static value =&gt; value.ToUpperInvariant())
///         .Map("primary", e =&gt; e.IsPrimary))
///     .Map("active", u =&gt; u.IsActive);
/// var parsed = ScimFilter.Parse(text);
/// if (!parsed.TryGetValue(out var filter))
/// {
///     return parsed.Error.ToResponse(); // 400 invalidFilter: what is wrong, and where
/// }
///
/// var translated = map.Translate(filter);
/// if (!translated.TryGetValue(out var predicate))
/// {
///     return translated.Error.ToResponse(); // 400 invalidFilter: an attribute the map does not have
/// }
///
/// var page = db.Users.Where(predicate).OrderBy(u =&gt; u.Id).Skip(startIndex - 1).Take(count);
/// </code>
/// </example>
/// <remarks>
/// <para>Map each attribute path to an expression reading a property of type <see cref="string"/>,
/// <see cref="bool"/>, <see cref="short"/>, <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>,
/// <see cref="double"/>, <see cref="float"/>, <see cref="DateTime"/> (holding UTC), <see cref="DateTimeOffset"/> or
/// <see cref="Guid"/>, or a nullable form of them. A multi-valued attribute is mapped with
/// <c>MapValues</c> to a collection of values (a child table, say) so that a filter matches when any value
/// does; or, when the host keeps one value only, through its sub-attributes (<c>emails.value</c>,
/// <c>emails.type</c>) to that value, or as a whole value path (<c>emails[type eq "work"].value</c>). EF Core's
/// SQLite provider cannot order <see cref="DateTimeOffset"/> columns; map <c>meta.lastModified</c> and other
/// dateTime attributes to UTC <see cref="DateTime"/> columns there.</para>
/// <para>Strings of attributes that are not <c>caseExact</c> (<c>userName</c>, <c>emails.value</c>, unknown
/// attributes) compare case-insensitively: both sides folded with <see cref="string.ToUpperInvariant()"/>, then
/// ordered by code point, as the in-memory evaluator (<see cref="ScimFilter.Evaluate"/>) compares them. Mapped
/// with <see cref="MapNormalized"/> to a column the host stores folded that way (the column its unique index is
/// on, typically) and that compares ordinally (SQLite's <c>BINARY</c>, PostgreSQL's <c>"C"</c> collation), the
/// column is compared as it is with the operator value folded, so that the database answers exactly as the
/// evaluator does, for every script and every operator, and can use an index for <c>eq</c>, <c>sw</c> and the
/// orderings. Mapped with <see cref="Map{TProperty}"/>, the property is compared through
/// <see cref="string.ToUpper()"/>, which EF Core turns into SQL <c>upper()</c>: SQLite folds only ASCII there (a
/// stored <c>Åsa</c> does not match <c>åsa</c>), and no index on the column can serve the comparison.</para>
/// <para><c>ew</c>, and <c>sw</c> on a property that is not normalized, compare a suffix or prefix with <c>==</c>
/// (EF Core's <c>LIKE</c> would ignore case in SQLite even for <c>id</c> and <c>externalId</c>), with its length
/// measured by the database, so characters beyond U+FFFF count alike in memory and in SQL. Ordering
/// (<c>gt ge lt le</c>) on strings is by code point in memory and follows the column's collation in SQL.</para>
/// <para>A filter naming an attribute that is not mapped fails with <c>invalidFilter</c> and lists the mapped
/// ones; no SQL is ever built from strings.</para>
/// <para>Immutable and thread-safe: <see cref="Map{TProperty}"/> and <see cref="MapNormalized"/> return a new map.</para>
/// </remarks>
public sealed partial class ScimFilterMap<T>
{
    private readonly ImmutableDictionary<AttributePath, FilterMapping> _map;
    private readonly ImmutableArray<AttributePath> _mapped;
    private readonly LambdaExpression? _hasMember;
    private readonly Expression<Func<T, int>>? _position;
    private readonly ScimAttributeCatalog? _catalog;

    /// <summary>Initializes an empty map.</summary>
    /// <remarks>
    /// Attributes are checked against the core User schema and the enterprise extension; filters are translated with
    /// the characteristics of the schemas they were parsed against.
    /// </remarks>
    public ScimFilterMap()
        : this(ImmutableDictionary<AttributePath, FilterMapping>.Empty, [], null, null, null)
    {
    }

    /// <summary>Initializes an empty map of Users whose attributes are checked against <paramref name="userSchema"/>.</summary>
    /// <param name="userSchema">The User schemas the server serves, with the host's extensions, from <see cref="ScimUserSchema.WithExtensions"/>.</param>
    /// <remarks>
    /// Map an extension attribute by its URN path, such as
    /// <c>urn:example:params:scim:schemas:extension:acme:2.0:User:costCenter</c>: <see cref="MapNormalized"/> refuses
    /// one declared <c>caseExact</c>, and every filter is translated with the declared characteristics, whatever
    /// schemas it was parsed against.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="userSchema"/> is <see langword="null"/>.</exception>
    public ScimFilterMap(ScimUserSchema userSchema)
        : this(ImmutableDictionary<AttributePath, FilterMapping>.Empty, [], null, null, (userSchema ?? throw new ArgumentNullException(nameof(userSchema))).Catalog)
    {
    }

    private ScimFilterMap(
        ImmutableDictionary<AttributePath, FilterMapping> map,
        ImmutableArray<AttributePath> mapped,
        LambdaExpression? hasMember,
        Expression<Func<T, int>>? position,
        ScimAttributeCatalog? catalog)
    {
        _map = map;
        _mapped = mapped;
        _hasMember = hasMember;
        _position = position;
        _catalog = catalog;
    }

    /// <summary>Gets the catalog mappings are checked against.</summary>
    private ScimAttributeCatalog Catalog => _catalog ?? ScimAttributeCatalog.Default;

    /// <summary>Gets the mapped attribute paths, in the order they were mapped.</summary>
    public IReadOnlyList<AttributePath> Attributes => _mapped;

    /// <summary>Returns a map that also maps <paramref name="attributePath"/> to <paramref name="property"/>.</summary>
    /// <typeparam name="TProperty">The property type.</typeparam>
    /// <param name="attributePath">
    /// The SCIM path, such as <c>userName</c>, <c>name.givenName</c>, <c>emails.value</c>,
    /// <c>emails[type eq "work"].value</c> or
    /// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber</c>. Case and the core schema
    /// URN do not matter.
    /// </param>
    /// <param name="property">An expression reading the value from the entity, such as <c>u =&gt; u.UserName</c>.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="attributePath"/> is not a valid path or is already mapped, or <typeparamref name="TProperty"/>
    /// is not a supported type.
    /// </exception>
    public ScimFilterMap<T> Map<TProperty>(string attributePath, Expression<Func<T, TProperty>> property)
    {
        ArgumentNullException.ThrowIfNull(attributePath);
        ArgumentNullException.ThrowIfNull(property);
        var key = NewKey(attributePath);
        if (!MappableTypes.IsSupported(typeof(TProperty)))
        {
            throw new ArgumentException(
                $"Filters cannot compare properties of type {typeof(TProperty).Name}; map '{attributePath}' to a string, Boolean, number, date or Guid.",
                nameof(property));
        }

        return With(key, new FilterMapping(property, null));
    }

    /// <summary>
    /// Returns a map that also maps the case-insensitive string attribute <paramref name="attributePath"/> to
    /// <paramref name="normalizedProperty"/>, a column the host stores as <paramref name="normalize"/> returns it.
    /// </summary>
    /// <param name="attributePath">
    /// The SCIM path of an attribute that is not <c>caseExact</c>, such as <c>userName</c>, <c>emails.value</c> or
    /// <c>emails[type eq "work"].value</c>, or of an attribute the catalog does not know. Case and the core schema
    /// URN do not matter.
    /// </param>
    /// <param name="normalizedProperty">
    /// An expression reading the normalized value from the entity, such as <c>u =&gt; u.NormalizedUserName</c>.
    /// </param>
    /// <param name="normalize">
    /// The function the host applies to a value before storing it there, such as
    /// <c>static value =&gt; value.ToUpperInvariant()</c>; it must be pure, and it is called once per comparison
    /// when a filter is translated.
    /// </param>
    /// <returns>The new map.</returns>
    /// <remarks>
    /// <para>Every comparison (<c>eq ne co sw ew gt ge lt le</c>) compares the property as it is with the
    /// normalized operator value: no function is applied to the column, so SQL compares the stored strings exactly
    /// (and can use an index on them). <c>pr</c> and <c>eq null</c> test the property for a non-empty value, as
    /// <see cref="Map{TProperty}"/> does.</para>
    /// <para>The filter then answers as the host's normalization decides, which is what its unique index enforces.
    /// The in-memory evaluator (<see cref="ScimFilter.Evaluate"/>) folds case with
    /// <see cref="string.ToUpperInvariant()"/> (ASP.NET Core Identity's normalization too) and orders by code
    /// point: a normalizer of <see cref="string.ToUpperInvariant()"/> on a column that compares ordinally (SQLite's
    /// <c>BINARY</c>, PostgreSQL's <c>"C"</c> collation) agrees with it for every operator and string. <c>sw</c>
    /// becomes a range (<c>column &gt;= prefix and column &lt; bound</c>), which an index on the column serves; it
    /// requires that ordinal comparison.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="attributePath"/> is not a valid path or is already mapped, or names an attribute whose
    /// values are not case-insensitive strings (<c>id</c>, <c>externalId</c>, <c>active</c>, a complex attribute
    /// without a <c>value</c>): map those with <see cref="Map{TProperty}"/>.
    /// </exception>
    public ScimFilterMap<T> MapNormalized(string attributePath, Expression<Func<T, string?>> normalizedProperty, Func<string, string> normalize)
    {
        ArgumentNullException.ThrowIfNull(attributePath);
        ArgumentNullException.ThrowIfNull(normalizedProperty);
        ArgumentNullException.ThrowIfNull(normalize);
        var key = NewKey(attributePath);
        if (Catalog.Resolve(key).Target is { } target)
        {
            var compared = FilterSemantics.ComparedAttribute(target);
            if (compared is null || compared.CaseExact || compared.Type is not (ScimAttributeType.String or ScimAttributeType.Reference))
            {
                throw new ArgumentException(
                    $"'{attributePath}' is not a case-insensitive string attribute, so it has nothing to normalize; map it with {nameof(Map)}.",
                    nameof(attributePath));
            }
        }

        return With(key, new FilterMapping(normalizedProperty, normalize));
    }

    /// <summary>
    /// Returns a map that also answers filters on a Group's <c>members</c> with <paramref name="hasMember"/>: whether
    /// the entity, a group, has the user with the given id as a member.
    /// </summary>
    /// <param name="hasMember">
    /// An expression testing membership, such as
    /// <c>(g, userId) =&gt; db.GroupMembers.Any(m =&gt; m.GroupId == g.Id &amp;&amp; m.UserId == userId)</c>; for a
    /// two-state host, one that looks at both sides, Active and Inactive members alike.
    /// </param>
    /// <returns>The new map.</returns>
    /// <remarks>
    /// <para><c>members eq "id"</c>, <c>members.value eq "id"</c> and <c>members[value eq "id"]</c> (with <c>or</c>
    /// inside the brackets) become the test, with the id as a query parameter: the database answers
    /// Microsoft Entra ID's membership probe <c>id eq "g" and members eq "u"</c> without the member list being read.
    /// Any other comparison of <c>members</c> fails with <c>invalidFilter</c>. Ids compare exactly.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="hasMember"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><c>members</c> is already mapped.</exception>
    public ScimFilterMap<T> MapMembers(Expression<Func<T, string, bool>> hasMember)
    {
        ArgumentNullException.ThrowIfNull(hasMember);
        var key = NewKey(MappingKeys.MembersAttribute);
        if (_hasMember is not null)
        {
            throw new ArgumentException($"'{key}' is already mapped.", nameof(hasMember));
        }

        return new ScimFilterMap<T>(_map, _mapped.Add(key), hasMember, _position, _catalog);
    }

    /// <summary>Translates a filter into a predicate over <typeparamref name="T"/>.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>
    /// The predicate, for <see cref="Queryable.Where{TSource}(IQueryable{TSource}, Expression{Func{TSource, bool}})"/>;
    /// or a 400 <c>invalidFilter</c> error when the filter names an attribute that is not mapped, or compares a
    /// property in a way its type does not support.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public ScimResult<Expression<Func<T, bool>>> Translate(ScimFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameter = Expression.Parameter(typeof(T), "resource");
        return LinqFilterTranslator.TryTranslate(filter.Root, _catalog ?? filter.Catalog, _map, _mapped, _hasMember, parameter, out var body, out var error)
            ? ScimResult<Expression<Func<T, bool>>>.Success(Expression.Lambda<Func<T, bool>>(body, parameter))
            : ScimResult<Expression<Func<T, bool>>>.Failure(error.ToScimError());
    }

    private AttributePath NewKey(string attributePath)
    {
        if (!FilterParser.TryParsePath(attributePath, out var path, out var error))
        {
            throw new ArgumentException($"'{attributePath}' is not a SCIM attribute path: {error.Message}", nameof(attributePath));
        }

        var key = MappingKeys.Key(path);
        return _map.ContainsKey(key) || (_map.TryGetValue(key.Attribute(), out var values) && values.Values is not null)
            ? throw new ArgumentException($"'{key}' is already mapped.", nameof(attributePath))
            : key;
    }

    private ScimFilterMap<T> With(AttributePath key, FilterMapping mapping) =>
        _hasMember is not null && key.Attribute().Equals(MappingKeys.MembersPath)
            ? throw new ArgumentException($"'{key}' is answered by {nameof(MapMembers)}.", nameof(mapping))
            : new(_map.Add(key, mapping), _mapped.Add(key), _hasMember, _position, _catalog);
}
