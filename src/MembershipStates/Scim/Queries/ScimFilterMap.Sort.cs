using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using MembershipStates.Scim.Filtering.Translation;
using MembershipStates.Scim.Schema;
using MembershipStates.Scim.Sorting;

namespace MembershipStates.Scim;

/// <summary>The sort side of the map: the same attributes that filters compare order a query.</summary>
public sealed partial class ScimFilterMap<T>
{
    /// <summary>
    /// Returns a map of one value of a multi-valued attribute that also says where the value's position in the
    /// attribute's list is kept, so that <see cref="Order"/> can sort by the attribute.
    /// </summary>
    /// <param name="position">Reads the value's index in the list as sent, such as <c>v =&gt; v.Position</c>.</param>
    /// <returns>The new map.</returns>
    /// <remarks>
    /// <para>For the map <c>MapValues</c>' <c>mapValue</c> builds:
    /// <c>value =&gt; value.Map("value", v =&gt; v.Value).Map("primary", v =&gt; v.Primary).MapPosition(v =&gt; v.Position)</c>.
    /// A sort by the attribute (<c>emails</c>, <c>emails.value</c>, <c>emails.type</c>) then reads the sub-attribute
    /// of the value marked primary, else of the first by position (RFC 7644 §3.4.2.3), as
    /// <c>values.OrderByDescending(v =&gt; v.Primary ?? false).ThenBy(v =&gt; v.Position).Select(v =&gt; v.Value).FirstOrDefault()</c>,
    /// a correlated subquery in SQL. The primary flag is the <c>primary</c> sub-attribute, when mapped to a
    /// <see cref="bool"/> or nullable <see cref="bool"/>. A multi-valued attribute mapped without a position is not
    /// sortable: <see cref="Order"/> answers 400 <c>invalidValue</c>. A map of entities has no use for it.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="position"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The position is already mapped.</exception>
    public ScimFilterMap<T> MapPosition(Expression<Func<T, int>> position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return _position is null
            ? new ScimFilterMap<T>(_map, _mapped, _hasMember, position, _catalog)
            : throw new ArgumentException("The position is already mapped.", nameof(position));
    }

    /// <summary>
    /// Orders a query as <paramref name="sort"/> asks, through the properties mapped for filters:
    /// <c>source.OrderBy(...)</c> by the value, resources without a value last, then by the property mapped to <c>id</c>.
    /// </summary>
    /// <param name="source">The query, already filtered.</param>
    /// <param name="sort">The sort, from <see cref="ScimSort.Parse(string?, string?, Schema.ScimUserSchema)"/>.</param>
    /// <returns>
    /// The ordered query, ready for <c>Skip</c> and <c>Take</c>; or a 400 <c>invalidValue</c> error listing what the
    /// host can sort by, when <see cref="ScimSort.SortBy"/> is not mapped (or mapped only through a value path such as
    /// <c>emails[type eq "work"].value</c>, or is a multi-valued attribute mapped without <see cref="MapPosition"/>).
    /// </returns>
    /// <remarks>
    /// <para>The keys use only what EF Core translates to SQL: a test for a missing value (<c>null</c>, or an empty
    /// string), the property, and <see cref="string.ToLower()"/> for strings of attributes that are not
    /// <c>caseExact</c>, mapped with <see cref="Map{TProperty}"/>. A property mapped with <see cref="MapNormalized"/>
    /// is ordered as it is stored, as <c>gt</c> and <c>lt</c> compare it, so an index on it can serve the order.
    /// In SQL, strings order by the column's collation (a binary one, such as SQLite's default or PostgreSQL's
    /// <c>C</c>, orders as <see cref="ScimSort.Compare"/> does); compiled in memory, by the current culture.</para>
    /// <para>A multi-valued attribute mapped with <c>MapValues</c> and <see cref="MapPosition"/> is ordered by its
    /// representative value (the primary one, else the first), read by a correlated subquery per resource, which no
    /// index on the values can serve as a whole.</para>
    /// <para><see cref="ScimSortOrder.Descending"/> reverses every key, <c>id</c> included, so a descending list is
    /// the ascending one backwards.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="sort"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The map has no property for <c>id</c>, which breaks ties.</exception>
    public ScimResult<IOrderedQueryable<T>> Order(IQueryable<T> source, ScimSort sort)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sort);
        if (!_map.TryGetValue(SortKeyBuilder.IdKey, out var id))
        {
            throw new InvalidOperationException("Map 'id' before sorting: ties are broken by the property mapped to it.");
        }

        return FindSortProperty(MappingKeys.Key(sort.SortBy)) is { } key
            ? ScimResult<IOrderedQueryable<T>>.Success(SortKeyBuilder.Order(source, key, id, sort))
            : ScimResult<IOrderedQueryable<T>>.Failure(ScimError.InvalidValue(
                $"This server cannot sort by '{sort.SortBy}'. Attributes it can sort by: {string.Join(", ", _mapped.Where(CanSortBy))}."));
    }

    private bool CanSortBy(AttributePath path) =>
        path.ValueFilter is null && SortKeys.Refusal(path, Catalog.Resolve(path)) is null && FindSortProperty(path) is not null;

    /// <summary>
    /// Where the sort key of <paramref name="path"/> (a mapping key) lives: a mapped property, or the representative
    /// value's sub-attribute of a multi-valued attribute mapped with a position; <see langword="null"/> when neither.
    /// </summary>
    private SortProperty? FindSortProperty(AttributePath path)
    {
        if (_map.TryGetValue(path, out var mapping) && mapping.Values is null)
        {
            return new SortProperty(mapping.Property.Body, mapping.Property.Parameters[0], mapping.Normalize);
        }

        if (path.ValueFilter is null && _map.TryGetValue(path.Attribute(), out var values) && values.Values is { } elements)
        {
            var subAttribute = path.SubAttribute ?? "value";
            var entity = values.Property.Parameters[0];
            if (elements.Representative(entity, subAttribute) is { } representative)
            {
                return new SortProperty(representative, entity, elements.Elements[new AttributePath(null, subAttribute, null, null)].Normalize);
            }
        }

        return null;
    }
}
