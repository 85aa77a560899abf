using System.Collections.Immutable;
using System.Linq.Expressions;
using MembershipStates.Scim.Sorting;

namespace MembershipStates.Scim.Filtering;

/// <summary>Where one SCIM attribute lives on a host's entity, and how the host normalized what it stored there.</summary>
/// <param name="Property">
/// The lambda that reads the property from the entity; for a multi-valued attribute mapped with
/// <c>ScimFilterMap.MapValues</c>, the lambda that reads the collection of its values.
/// </param>
/// <param name="Normalize">
/// The function the host applied to the value before storing it in <paramref name="Property"/>, such as
/// <see cref="string.ToUpperInvariant()"/>; <see langword="null"/> when the property holds the value as sent.
/// </param>
/// <param name="Values">Where the sub-attributes live on each value, for a multi-valued attribute; otherwise <see langword="null"/>.</param>
internal sealed record FilterMapping(LambdaExpression Property, Func<string, string>? Normalize, FilterValuesMapping? Values = null);

/// <summary>The values of a multi-valued attribute that a host keeps as a collection: where each sub-attribute lives on one value.</summary>
/// <param name="ElementType">The type of one value.</param>
/// <param name="Elements">The sub-attributes (paths of one name, such as <c>value</c>) and the properties of the value that hold them.</param>
/// <param name="Mapped">The sub-attributes in the order they were mapped.</param>
/// <param name="Any">
/// Builds the test "one value satisfies the predicate" from the entity (the predicate's outer parameter), the
/// predicate's parameter and its body: <c>values.Any(predicate)</c>, or for keyed values
/// <c>values.Where(predicate).Select(valueKey).Contains(key(entity))</c>.
/// </param>
/// <param name="Representative">
/// Builds, from the entity and a sub-attribute's name, the sub-attribute of the value that stands for the attribute
/// in a sort (the one marked primary, else the first by position); <see langword="null"/> when the host mapped no
/// position or not that sub-attribute.
/// </param>
internal sealed record FilterValuesMapping(
    Type ElementType,
    IReadOnlyDictionary<AttributePath, FilterMapping> Elements,
    ImmutableArray<AttributePath> Mapped,
    Func<Expression, ParameterExpression, Expression, Expression> Any,
    Func<Expression, string, Expression?> Representative)
{
    /// <summary>Creates the mapping of values the entity has as a collection: <c>values(entity).Any(predicate)</c>.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <typeparam name="TValue">The type of one value.</typeparam>
    /// <param name="values">Reads the collection from the entity.</param>
    /// <param name="elements">The sub-attributes and their properties.</param>
    /// <param name="mapped">The sub-attributes in the order they were mapped.</param>
    /// <param name="position">Reads a value's position in the list, or <see langword="null"/> when not mapped.</param>
    /// <returns>The mapping.</returns>
    public static FilterValuesMapping For<TEntity, TValue>(
        Expression<Func<TEntity, IEnumerable<TValue>>> values,
        IReadOnlyDictionary<AttributePath, FilterMapping> elements,
        ImmutableArray<AttributePath> mapped,
        Expression<Func<TValue, int>>? position)
    {
        Expression Of(Expression entity) => new ParameterSwap(values.Parameters[0], entity).Visit(values.Body);
        return new(
            typeof(TValue),
            elements,
            mapped,
            (entity, element, body) => AnyOf<TValue>(Of(entity), element, body),
            (entity, subAttribute) => RepresentativeValues.Of(Of(entity), elements, position, subAttribute));
    }

    /// <summary>
    /// Creates the mapping of values kept apart from their owners, each naming its owner by a key:
    /// <c>key(entity) IN (SELECT valueKey FROM values WHERE predicate)</c>, a subquery that does not depend on the
    /// entity, so that a database can start from an index of the values.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <typeparam name="TValue">The type of one value.</typeparam>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="key">Reads the key from the entity.</param>
    /// <param name="values">All values of the attribute.</param>
    /// <param name="valueKey">Reads the owner's key from a value.</param>
    /// <param name="elements">The sub-attributes and their properties.</param>
    /// <param name="mapped">The sub-attributes in the order they were mapped.</param>
    /// <param name="position">Reads a value's position in the list, or <see langword="null"/> when not mapped.</param>
    /// <returns>The mapping.</returns>
    /// <remarks>
    /// A sort reads the entity's own values through the correlated <c>values.Where(v =&gt; valueKey(v) == key(entity))</c>.
    /// </remarks>
    public static FilterValuesMapping Keyed<TEntity, TValue, TKey>(
        Expression<Func<TEntity, TKey>> key,
        IQueryable<TValue> values,
        Expression<Func<TValue, TKey>> valueKey,
        IReadOnlyDictionary<AttributePath, FilterMapping> elements,
        ImmutableArray<AttributePath> mapped,
        Expression<Func<TValue, int>>? position) =>
        new(
            typeof(TValue),
            elements,
            mapped,
            (entity, element, body) =>
        {
            var matching = Expression.Call(
                new Func<IQueryable<TValue>, Expression<Func<TValue, bool>>, IQueryable<TValue>>(Queryable.Where).Method,
                values.Expression,
                Expression.Quote(Expression.Lambda<Func<TValue, bool>>(body, element)));
            var owners = Expression.Call(
                new Func<IQueryable<TValue>, Expression<Func<TValue, TKey>>, IQueryable<TKey>>(Queryable.Select).Method,
                matching,
                Expression.Quote(valueKey));
            var ownerKey = new ParameterSwap(key.Parameters[0], entity).Visit(key.Body);
            return Expression.Call(new Func<IQueryable<TKey>, TKey, bool>(Queryable.Contains).Method, owners, ownerKey);
        },
            (entity, subAttribute) =>
            {
                var ownerKey = new ParameterSwap(key.Parameters[0], entity).Visit(key.Body);
                var own = Expression.Lambda<Func<TValue, bool>>(Expression.Equal(valueKey.Body, ownerKey), valueKey.Parameters);
                var ownValues = Expression.Call(
                    new Func<IQueryable<TValue>, Expression<Func<TValue, bool>>, IQueryable<TValue>>(Queryable.Where).Method,
                    values.Expression,
                    Expression.Quote(own));
                return RepresentativeValues.Of(ownValues, elements, position, subAttribute);
            });

    /// <summary>
    /// Queryable's <c>Any</c> when the collection is an <see cref="IQueryable{T}"/> (a subquery EF Core sends as
    /// <c>EXISTS</c>), Enumerable's otherwise (a collection navigation, or an entity in memory).
    /// </summary>
    private static MethodCallExpression AnyOf<TValue>(Expression values, ParameterExpression element, Expression body)
    {
        values = Unwrapped<TValue>(values);

        var predicate = Expression.Lambda<Func<TValue, bool>>(body, element);
        return typeof(IQueryable<TValue>).IsAssignableFrom(values.Type)
            ? Expression.Call(new Func<IQueryable<TValue>, Expression<Func<TValue, bool>>, bool>(Queryable.Any).Method, values, Expression.Quote(predicate))
            : Expression.Call(new Func<IEnumerable<TValue>, Func<TValue, bool>, bool>(Enumerable.Any).Method, values, predicate);
    }

    /// <summary>
    /// The collection as the host wrote it: the lambda's conversion of an <see cref="IQueryable{T}"/> body to its
    /// <see cref="IEnumerable{T}"/> return type hides the queryable, which decides between Queryable's and
    /// Enumerable's operators.
    /// </summary>
    /// <typeparam name="TValue">The type of one value.</typeparam>
    /// <param name="values">The collection.</param>
    /// <returns>The collection without the conversions.</returns>
    internal static Expression Unwrapped<TValue>(Expression values)
    {
        while (values is UnaryExpression { NodeType: ExpressionType.Convert } convert && typeof(IEnumerable<TValue>).IsAssignableFrom(convert.Operand.Type))
        {
            values = convert.Operand;
        }

        return values;
    }
}

/// <summary>Replaces one parameter of an expression with another expression.</summary>
internal sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
{
    /// <inheritdoc />
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
