using System.Linq.Expressions;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>The expression node of <c>eq ne gt ge lt le</c> between two values of one type that orders them (numbers, dates, Guids).</summary>
internal static class OrderedComparison
{
    /// <summary>Returns <c>left op right</c>.</summary>
    /// <param name="op">The operator; not a substring operator.</param>
    /// <param name="left">The property's value.</param>
    /// <param name="right">The operator value.</param>
    /// <returns>The comparison.</returns>
    public static BinaryExpression Make(ComparisonOperator op, Expression left, Expression right) => op switch
    {
        ComparisonOperator.Equal => Expression.Equal(left, right),
        ComparisonOperator.NotEqual => Expression.NotEqual(left, right),
        ComparisonOperator.GreaterThan => Expression.GreaterThan(left, right),
        ComparisonOperator.GreaterThanOrEqual => Expression.GreaterThanOrEqual(left, right),
        ComparisonOperator.LessThan => Expression.LessThan(left, right),
        _ => Expression.LessThanOrEqual(left, right),
    };
}
