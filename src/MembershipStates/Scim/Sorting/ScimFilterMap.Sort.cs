using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using MembershipStates.Scim.Sorting;

namespace MembershipStates.Scim;

/// <summary>The sort side of the map: the same attributes that filters compare order a query.</summary>
public sealed partial class ScimFilterMap<T>
{
    /// <summary>
    /// Orders a query as <paramref name="sort"/> asks, through the properties mapped for filters:
    /// <c>source.OrderBy(...)</c> by the value, resources without a value last, then by the property mapped to <c>id</c>.
    /// </summary>
    /// <param name="source">The query, already filtered.</param>
    /// <param name="sort">The sort, from <see cref="ScimSort.Parse"/>.</param>
    /// <param name="ordered">The ordered query, ready for <c>Skip</c> and <c>Take</c>.</param>
    /// <param name="error">
    /// A 400 <c>invalidValue</c> when <see cref="ScimSort.SortBy"/> is not mapped (or mapped only through a value path
    /// such as <c>emails[type eq "work"].value</c>); it lists what the host can sort by.
    /// </param>
    /// <returns><see langword="true"/> when ordered.</returns>
    /// <remarks>
    /// <para>The keys use only what EF Core translates to SQL: a test for a missing value (<c>null</c>, or an empty
    /// string), the property, and <see cref="string.ToLower()"/> for strings of attributes that are not
    /// <c>caseExact</c>, mapped with <see cref="Map{TProperty}"/>. A property mapped with <see cref="MapNormalized"/>
    /// is ordered as it is stored, as <c>gt</c> and <c>lt</c> compare it, so an index on it can serve the order.
    /// In SQL, strings order by the column's collation (a binary one, such as SQLite's default or PostgreSQL's
    /// <c>C</c>, orders as <see cref="ScimSort.Compare"/> does); compiled in memory, by the current culture.</para>
    /// <para><see cref="ScimSortOrder.Descending"/> reverses every key, <c>id</c> included, so a descending list is
    /// the ascending one backwards.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="sort"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The map has no property for <c>id</c>, which breaks ties.</exception>
    public bool TryOrder(
        IQueryable<T> source,
        ScimSort sort,
        [NotNullWhen(true)] out IOrderedQueryable<T>? ordered,
        [NotNullWhen(false)] out ScimError? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sort);
        if (!_map.TryGetValue(SortKeyBuilder.IdKey, out var id))
        {
            throw new InvalidOperationException("Map 'id' before sorting: ties are broken by the property mapped to it.");
        }

        var key = Filtering.LinqFilterTranslator.Key(sort.SortBy);
        if (!_map.TryGetValue(key, out var mapping))
        {
            ordered = null;
            error = ScimError.InvalidValue(
                $"This server cannot sort by '{sort.SortBy}'. Attributes it can sort by: {string.Join(", ", SortKeyBuilder.Sortable(_mapped, _map))}.");
            return false;
        }

        ordered = SortKeyBuilder.Order(source, mapping, id, sort);
        error = null;
        return true;
    }
}
