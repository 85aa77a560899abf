using System.Linq.Expressions;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim.Sorting;

/// <summary>
/// Builds the sort key of a multi-valued attribute over a host's values (RFC 7644 §3.4.2.3): one sub-attribute of the
/// value marked primary, else of the first value,
/// <c>values.OrderByDescending(v =&gt; v.Primary ?? false).ThenBy(v =&gt; v.Position).Select(v =&gt; v.Sub).FirstOrDefault()</c>,
/// a correlated subquery EF Core sends to the database.
/// </summary>
internal static class RepresentativeValues
{
    private static readonly AttributePath Primary = new(null, "primary", null, null);

    /// <summary>Builds the key from one entity's values.</summary>
    /// <typeparam name="TValue">The type of one value.</typeparam>
    /// <param name="values">The entity's values: an <see cref="IQueryable{T}"/> or another <see cref="IEnumerable{T}"/>.</param>
    /// <param name="elements">The mapped sub-attributes of one value.</param>
    /// <param name="position">Reads a value's position in the list; <see langword="null"/> when the host did not map it.</param>
    /// <param name="subAttribute">The sub-attribute sorted by, such as <c>value</c>.</param>
    /// <returns>
    /// The key, typed nullable (no value is <see langword="null"/>, never a default such as <c>0</c>); or
    /// <see langword="null"/> when there is no position or the sub-attribute is not mapped.
    /// </returns>
    public static Expression? Of<TValue>(
        Expression values,
        IReadOnlyDictionary<AttributePath, FilterMapping> elements,
        Expression<Func<TValue, int>>? position,
        string subAttribute)
    {
        if (position is null || !elements.TryGetValue(new AttributePath(null, subAttribute, null, null), out var sub))
        {
            return null;
        }

        var value = position.Parameters[0];
        var selected = new ParameterSwap(sub.Property.Parameters[0], value).Visit(sub.Property.Body);
        var primary = PrimaryFirst<TValue>(elements, value);
        values = FilterValuesMapping.Unwrapped<TValue>(values);
        var type = Nullable.GetUnderlyingType(selected.Type) ?? selected.Type;

        // One closed instantiation per type a property can be mapped to, value types made nullable, so that no
        // generic method is made at run time.
        return type == typeof(string) ? First<string?>()
            : type == typeof(bool) ? First<bool?>()
            : type == typeof(short) ? First<short?>()
            : type == typeof(int) ? First<int?>()
            : type == typeof(long) ? First<long?>()
            : type == typeof(decimal) ? First<decimal?>()
            : type == typeof(double) ? First<double?>()
            : type == typeof(float) ? First<float?>()
            : type == typeof(DateTime) ? First<DateTime?>()
            : type == typeof(DateTimeOffset) ? First<DateTimeOffset?>()
            : type == typeof(Guid) ? First<Guid?>()
            : null;

        Expression First<TKey>()
        {
            var key = Expression.Lambda<Func<TValue, TKey>>(
                selected.Type == typeof(TKey) ? selected : Expression.Convert(selected, typeof(TKey)), value);
            return typeof(IQueryable<TValue>).IsAssignableFrom(values.Type)
                ? FromQuery(values, primary, position, key)
                : FromCollection(values, primary, position, key);
        }
    }

    /// <summary>
    /// The first ordering, the value marked primary before the others: the mapped Boolean <c>primary</c> with a
    /// missing one as <see langword="false"/>, so that no engine's placement of nulls decides; <see langword="null"/>
    /// when <c>primary</c> is not mapped to a Boolean.
    /// </summary>
    private static Expression<Func<TValue, bool>>? PrimaryFirst<TValue>(IReadOnlyDictionary<AttributePath, FilterMapping> elements, ParameterExpression value)
    {
        if (!elements.TryGetValue(Primary, out var primary))
        {
            return null;
        }

        var flag = new ParameterSwap(primary.Property.Parameters[0], value).Visit(primary.Property.Body);
        return flag.Type == typeof(bool) ? Expression.Lambda<Func<TValue, bool>>(flag, value)
            : flag.Type == typeof(bool?) ? Expression.Lambda<Func<TValue, bool>>(Expression.Coalesce(flag, Expression.Constant(false)), value)
            : null;
    }

    private static MethodCallExpression FromQuery<TValue, TKey>(
        Expression values, Expression<Func<TValue, bool>>? primary, Expression<Func<TValue, int>> position, Expression<Func<TValue, TKey>> key)
    {
        var ordered = primary is null
            ? Expression.Call(new Func<IQueryable<TValue>, Expression<Func<TValue, int>>, IOrderedQueryable<TValue>>(Queryable.OrderBy).Method, values, Expression.Quote(position))
            : Expression.Call(
                new Func<IOrderedQueryable<TValue>, Expression<Func<TValue, int>>, IOrderedQueryable<TValue>>(Queryable.ThenBy).Method,
                Expression.Call(new Func<IQueryable<TValue>, Expression<Func<TValue, bool>>, IOrderedQueryable<TValue>>(Queryable.OrderByDescending).Method, values, Expression.Quote(primary)),
                Expression.Quote(position));
        var selected = Expression.Call(new Func<IQueryable<TValue>, Expression<Func<TValue, TKey>>, IQueryable<TKey>>(Queryable.Select).Method, ordered, Expression.Quote(key));
        return Expression.Call(new Func<IQueryable<TKey>, TKey?>(Queryable.FirstOrDefault).Method, selected);
    }

    private static MethodCallExpression FromCollection<TValue, TKey>(
        Expression values, Expression<Func<TValue, bool>>? primary, Expression<Func<TValue, int>> position, Expression<Func<TValue, TKey>> key)
    {
        var ordered = primary is null
            ? Expression.Call(new Func<IEnumerable<TValue>, Func<TValue, int>, IOrderedEnumerable<TValue>>(Enumerable.OrderBy).Method, values, position)
            : Expression.Call(
                new Func<IOrderedEnumerable<TValue>, Func<TValue, int>, IOrderedEnumerable<TValue>>(Enumerable.ThenBy).Method,
                Expression.Call(new Func<IEnumerable<TValue>, Func<TValue, bool>, IOrderedEnumerable<TValue>>(Enumerable.OrderByDescending).Method, values, primary),
                position);
        var selected = Expression.Call(new Func<IEnumerable<TValue>, Func<TValue, TKey>, IEnumerable<TKey>>(Enumerable.Select).Method, ordered, key);
        return Expression.Call(new Func<IEnumerable<TKey>, TKey?>(Enumerable.FirstOrDefault).Method, selected);
    }
}
