using System.Linq.Expressions;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>Compares a number property with a filter's decimal value exactly, whatever the property's number type.</summary>
internal static class NumberComparisons
{
    /// <summary>
    /// Compares a number property with a decimal operator value: for integer properties the value is rounded the
    /// way the comparison needs (<c>gt 1.5</c> is <c>&gt; 1</c>, <c>ge 1.5</c> is <c>&gt;= 2</c>), and values beyond
    /// the type's range make the comparison always or never true.
    /// </summary>
    /// <param name="property">The property.</param>
    /// <param name="type">Its type, not nullable; one of <see cref="MappableTypes.IsNumber"/>.</param>
    /// <param name="op">The operator; not a substring operator.</param>
    /// <param name="operand">The operator value.</param>
    /// <returns>The comparison.</returns>
    public static Expression Compare(Expression property, Type type, ComparisonOperator op, decimal operand)
    {
        if (type == typeof(decimal))
        {
            return ValueGuards.Guarded(property, value => OrderedComparison.Make(op, value, QueryParameters.Of(operand)));
        }

        if (type == typeof(double))
        {
            return ValueGuards.Guarded(property, value => OrderedComparison.Make(op, value, QueryParameters.Of((double)operand)));
        }

        if (type == typeof(float))
        {
            return ValueGuards.Guarded(property, value => OrderedComparison.Make(op, value, QueryParameters.Of((float)operand)));
        }

        var (min, max) = IntegerRange(type);
        var floor = decimal.Floor(operand);
        var ceiling = decimal.Ceiling(operand);
        var integral = floor == operand && operand >= min && operand <= max;
        var (bound, always, never, compare) = op switch
        {
            ComparisonOperator.Equal => (operand, false, !integral, ComparisonOperator.Equal),
            ComparisonOperator.NotEqual => (operand, !integral, false, ComparisonOperator.NotEqual),
            ComparisonOperator.GreaterThan => (floor, floor < min, floor >= max, ComparisonOperator.GreaterThan),
            ComparisonOperator.GreaterThanOrEqual => (ceiling, ceiling <= min, ceiling > max, ComparisonOperator.GreaterThanOrEqual),
            ComparisonOperator.LessThan => (ceiling, ceiling > max, ceiling <= min, ComparisonOperator.LessThan),
            _ => (floor, floor >= max, floor < min, ComparisonOperator.LessThanOrEqual),
        };

        if (never)
        {
            return ValueGuards.False;
        }

        if (always)
        {
            return ValueGuards.NotNull(property);
        }

        return ValueGuards.Guarded(property, value => OrderedComparison.Make(compare, value, IntegerParameter(type, bound)));
    }

    private static (decimal Min, decimal Max) IntegerRange(Type type) =>
        type == typeof(short) ? (short.MinValue, short.MaxValue)
        : type == typeof(int) ? (int.MinValue, int.MaxValue)
        : (long.MinValue, long.MaxValue);

    private static Expression IntegerParameter(Type type, decimal value) =>
        type == typeof(short) ? QueryParameters.Of((short)value)
        : type == typeof(int) ? QueryParameters.Of((int)value)
        : QueryParameters.Of((long)value);
}
