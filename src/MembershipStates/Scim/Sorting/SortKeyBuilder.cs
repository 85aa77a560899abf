using System.Linq.Expressions;
using System.Reflection;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Filtering.Translation;

namespace MembershipStates.Scim.Sorting;

/// <summary>
/// Builds the <c>OrderBy</c> chain of a sort over a host's entity from the properties mapped for filters: a
/// missing-value flag, the value (case-folded where the attribute ignores case), then the id.
/// </summary>
internal static class SortKeyBuilder
{
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>Gets the mapping key of <c>id</c>.</summary>
    public static AttributePath IdKey { get; } = new(null, "id", null, null);

    /// <summary>Orders <paramref name="source"/> by <paramref name="key"/>, then by <paramref name="id"/>'s property.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="key">Where the sort attribute's value is read.</param>
    /// <param name="id">Where <c>id</c> lives.</param>
    /// <param name="sort">The sort.</param>
    /// <returns>The ordered query.</returns>
    public static IOrderedQueryable<T> Order<T>(IQueryable<T> source, SortProperty key, FilterMapping id, ScimSort sort)
    {
        var descending = sort.Order == ScimSortOrder.Descending;
        var parameters = new[] { key.Entity };
        IOrderedQueryable<T>? ordered = null;
        var value = Key(key.Value, key.Normalize, sort);
        if (Missing(key.Value) is { } missing)
        {
            var flag = Expression.Condition(missing, Expression.Constant(1), Expression.Constant(0));
            ordered = By(source, ordered, Expression.Lambda<Func<T, int>>(flag, parameters), descending);

            // Every missing value is the same key (an empty string and null alike, whichever the engine sorts first),
            // so that the id alone orders them.
            value = Expression.Condition(missing, Expression.Constant(null, value.Type), value);
        }

        ordered = By(source, ordered, value, parameters, descending);
        return By(source, ordered, id.Property.Body, id.Property.Parameters, descending);
    }

    /// <summary>
    /// The value to order by: a normalized column as stored; a string of an attribute that ignores case lower-cased,
    /// as the filter translation compares it; anything else as it is. A null string never reaches
    /// <see cref="string.ToLower()"/>: the caller tests for a missing value first.
    /// </summary>
    private static Expression Key(Expression value, Func<string, string>? normalize, ScimSort sort) =>
        value.Type == typeof(string) && normalize is null && sort.IgnoresCase ? Expression.Call(value, ToLowerMethod) : value;

    /// <summary>The test for "no value": <c>null</c>, or for strings also empty, as <c>pr</c> sees it; <see langword="null"/> when the property always has one.</summary>
    private static BinaryExpression? Missing(Expression value)
    {
        if (value.Type == typeof(string))
        {
            return Expression.OrElse(
                Expression.Equal(value, Expression.Constant(null, typeof(string))),
                Expression.Equal(value, Expression.Constant(string.Empty)));
        }

        return !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null
            ? Expression.Equal(value, Expression.Constant(null, value.Type))
            : null;
    }

    /// <summary>
    /// The next key of the chain, typed: one closed instantiation per type a property can be mapped to (see
    /// <see cref="MappableTypes.IsSupported"/>), so that no generic method is made at run time.
    /// </summary>
    private static IOrderedQueryable<T> By<T>(IQueryable<T> source, IOrderedQueryable<T>? ordered, Expression key, IReadOnlyList<ParameterExpression> parameters, bool descending)
    {
        var type = key.Type;
        return type == typeof(string) ? Typed<T, string?>()
            : type == typeof(bool) ? Typed<T, bool>() : type == typeof(bool?) ? Typed<T, bool?>()
            : type == typeof(short) ? Typed<T, short>() : type == typeof(short?) ? Typed<T, short?>()
            : type == typeof(int) ? Typed<T, int>() : type == typeof(int?) ? Typed<T, int?>()
            : type == typeof(long) ? Typed<T, long>() : type == typeof(long?) ? Typed<T, long?>()
            : type == typeof(decimal) ? Typed<T, decimal>() : type == typeof(decimal?) ? Typed<T, decimal?>()
            : type == typeof(double) ? Typed<T, double>() : type == typeof(double?) ? Typed<T, double?>()
            : type == typeof(float) ? Typed<T, float>() : type == typeof(float?) ? Typed<T, float?>()
            : type == typeof(DateTime) ? Typed<T, DateTime>() : type == typeof(DateTime?) ? Typed<T, DateTime?>()
            : type == typeof(DateTimeOffset) ? Typed<T, DateTimeOffset>() : type == typeof(DateTimeOffset?) ? Typed<T, DateTimeOffset?>()
            : type == typeof(Guid) ? Typed<T, Guid>() : type == typeof(Guid?) ? Typed<T, Guid?>()
            : throw new InvalidOperationException($"A property of type {type.Name} cannot be sorted by.");

        IOrderedQueryable<T> Typed<TEntity, TKey>() => By(source, ordered, Expression.Lambda<Func<T, TKey>>(key, parameters), descending);
    }

    private static IOrderedQueryable<T> By<T, TKey>(IQueryable<T> source, IOrderedQueryable<T>? ordered, Expression<Func<T, TKey>> key, bool descending) =>
        ordered is null
            ? descending ? source.OrderByDescending(key) : source.OrderBy(key)
            : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
}
