using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim;

/// <summary>
/// Where the SCIM attributes a host can filter on live on its own entity, and the translation of filters into
/// predicates over that entity for <see cref="IQueryable{T}"/>: <c>users.Where(predicate)</c>.
/// </summary>
/// <typeparam name="T">The host's entity type.</typeparam>
/// <example>
/// <code>
/// var map = new ScimFilterMap&lt;AppUser&gt;()
///     .Map("userName", u =&gt; u.UserName)
///     .Map("externalId", u =&gt; u.ExternalId)
///     .Map("emails[type eq \"work\"].value", u =&gt; u.Email)
///     .Map("active", u =&gt; u.IsActive);
/// if (ScimFilter.TryParse(text, out var filter, out var error) &amp;&amp; map.TryTranslate(filter, out var predicate, out error))
/// {
///     var page = db.Users.Where(predicate).OrderBy(u =&gt; u.Id).Skip(startIndex - 1).Take(count);
/// }
/// </code>
/// </example>
/// <remarks>
/// <para>Map each attribute path to an expression reading a property of type <see cref="string"/>,
/// <see cref="bool"/>, <see cref="short"/>, <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>,
/// <see cref="double"/>, <see cref="float"/>, <see cref="DateTime"/> (holding UTC), <see cref="DateTimeOffset"/> or
/// <see cref="Guid"/>, or a nullable form of them. A multi-valued attribute is usually mapped through its
/// sub-attributes (<c>emails.value</c>, <c>emails.type</c>) to the single value the host keeps, or as a whole
/// value path (<c>emails[type eq "work"].value</c>). EF Core's SQLite provider cannot order
/// <see cref="DateTimeOffset"/> columns; map <c>meta.lastModified</c> and other dateTime attributes to UTC
/// <see cref="DateTime"/> columns there.</para>
/// <para>Strings of attributes that are not <c>caseExact</c> (<c>userName</c>, <c>emails.value</c>, unknown
/// attributes) compare through <see cref="string.ToLower()"/>, which EF Core turns into SQL <c>lower()</c>; keep
/// in mind that SQLite folds only ASCII, and that some databases compare case-insensitively by collation anyway.
/// <c>sw</c> and <c>ew</c> compare a prefix or suffix with <c>==</c> (EF Core's <c>LIKE</c> would ignore case in
/// SQLite even for <c>id</c> and <c>externalId</c>); the prefix length is counted in UTF-16 code units, so on SQLite
/// an operand with characters outside the Basic Multilingual Plane may not match. Ordering (<c>gt ge lt le</c>) on
/// strings is ordinal in memory and follows the column's collation in SQL.</para>
/// <para>A filter naming an attribute that is not mapped fails with <c>invalidFilter</c> and lists the mapped
/// ones; no SQL is ever built from strings.</para>
/// <para>Immutable and thread-safe: <see cref="Map{TProperty}"/> returns a new map.</para>
/// </remarks>
public sealed class ScimFilterMap<T>
{
    private readonly ImmutableDictionary<AttributePath, LambdaExpression> _map;
    private readonly ImmutableArray<AttributePath> _mapped;

    /// <summary>Initializes an empty map.</summary>
    public ScimFilterMap()
        : this(ImmutableDictionary<AttributePath, LambdaExpression>.Empty, [])
    {
    }

    private ScimFilterMap(ImmutableDictionary<AttributePath, LambdaExpression> map, ImmutableArray<AttributePath> mapped)
    {
        _map = map;
        _mapped = mapped;
    }

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
        if (!AttributePath.TryParse(attributePath, out var path, out var error))
        {
            throw new ArgumentException($"'{attributePath}' is not a SCIM attribute path: {error.Message}", nameof(attributePath));
        }

        if (!LinqFilterTranslator.IsSupported(typeof(TProperty)))
        {
            throw new ArgumentException(
                $"Filters cannot compare properties of type {typeof(TProperty).Name}; map '{attributePath}' to a string, Boolean, number, date or Guid.",
                nameof(property));
        }

        var key = LinqFilterTranslator.Key(path);
        if (_map.ContainsKey(key))
        {
            throw new ArgumentException($"'{key}' is already mapped.", nameof(attributePath));
        }

        return new ScimFilterMap<T>(_map.Add(key, property), _mapped.Add(key));
    }

    /// <summary>Translates a filter into a predicate over <typeparamref name="T"/>.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="predicate">The predicate, for <see cref="Queryable.Where{TSource}(IQueryable{TSource}, Expression{Func{TSource, bool}})"/>.</param>
    /// <param name="error">
    /// Why the filter cannot be translated (<c>scimType</c> <see cref="ScimFilterError.InvalidFilter"/>): it names an
    /// attribute that is not mapped, or compares a property in a way its type does not support.
    /// </param>
    /// <returns><see langword="true"/> when translated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public bool TryTranslate(
        ScimFilter filter,
        [NotNullWhen(true)] out Expression<Func<T, bool>>? predicate,
        [NotNullWhen(false)] out ScimFilterError? error)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameter = Expression.Parameter(typeof(T), "resource");
        if (LinqFilterTranslator.TryTranslate(filter.Root, _map, _mapped, parameter, out var body, out error))
        {
            predicate = Expression.Lambda<Func<T, bool>>(body, parameter);
            return true;
        }

        predicate = null;
        return false;
    }
}
