using System.Collections.Immutable;
using System.Linq.Expressions;

namespace MembershipStates.Scim.Filtering;

/// <summary>Where one SCIM attribute lives on a host's entity, and how the host normalized what it stored there.</summary>
/// <param name="Property">
/// The lambda that reads the property from the entity; for a multi-valued attribute mapped with
/// <see cref="ScimFilterMap{T}.MapValues"/>, the lambda that reads the collection of its values.
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
/// <param name="Any">Builds <c>values.Any(predicate)</c> from the collection, the predicate's parameter and its body.</param>
internal sealed record FilterValuesMapping(
    Type ElementType,
    IReadOnlyDictionary<AttributePath, FilterMapping> Elements,
    ImmutableArray<AttributePath> Mapped,
    Func<Expression, ParameterExpression, Expression, Expression> Any)
{
    /// <summary>Creates the mapping of the values of type <typeparamref name="TValue"/>.</summary>
    /// <typeparam name="TValue">The type of one value.</typeparam>
    /// <param name="elements">The sub-attributes and their properties.</param>
    /// <param name="mapped">The sub-attributes in the order they were mapped.</param>
    /// <returns>The mapping.</returns>
    public static FilterValuesMapping For<TValue>(IReadOnlyDictionary<AttributePath, FilterMapping> elements, ImmutableArray<AttributePath> mapped) =>
        new(typeof(TValue), elements, mapped, AnyOf<TValue>);

    /// <summary>
    /// Queryable's <c>Any</c> when the collection is an <see cref="IQueryable{T}"/> (a subquery EF Core sends as
    /// <c>EXISTS</c>), Enumerable's otherwise (a collection navigation, or an entity in memory).
    /// </summary>
    private static MethodCallExpression AnyOf<TValue>(Expression values, ParameterExpression element, Expression body)
    {
        // The lambda's conversion of an IQueryable<TValue> body to its IEnumerable<TValue> return type hides the queryable.
        while (values is UnaryExpression { NodeType: ExpressionType.Convert } convert && typeof(IEnumerable<TValue>).IsAssignableFrom(convert.Operand.Type))
        {
            values = convert.Operand;
        }

        var predicate = Expression.Lambda<Func<TValue, bool>>(body, element);
        return typeof(IQueryable<TValue>).IsAssignableFrom(values.Type)
            ? Expression.Call(new Func<IQueryable<TValue>, Expression<Func<TValue, bool>>, bool>(Queryable.Any).Method, values, Expression.Quote(predicate))
            : Expression.Call(new Func<IEnumerable<TValue>, Func<TValue, bool>, bool>(Enumerable.Any).Method, values, predicate);
    }
}
