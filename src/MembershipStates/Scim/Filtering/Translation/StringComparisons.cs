using System.Linq.Expressions;
using System.Reflection;
using MembershipStates.Scim.Filtering.Messages;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>
/// Compares a string property with a filter's string value, as <see cref="ScimStringComparison"/> compares them in
/// memory: case folded with <see cref="string.ToUpper()"/> unless the attribute is <c>caseExact</c> or the column is
/// stored normalized, and ordered by code point (<see cref="OrdinalStringOrder"/>).
/// </summary>
internal static class StringComparisons
{
    private static readonly MethodInfo ToUpperMethod = typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!;
    private static readonly MethodInfo ConcatMethod = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo SubstringFromMethod = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly MethodInfo SubstringMethod = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly PropertyInfo LengthProperty = typeof(string).GetProperty(nameof(string.Length))!;

    /// <summary>
    /// Compares a string property. <c>sw</c> and <c>ew</c> compare a prefix or suffix of the value with
    /// <c>==</c> rather than calling <see cref="string.StartsWith(string)"/>, which is culture-sensitive in memory
    /// and which EF Core turns into a <c>LIKE</c> that SQLite evaluates ignoring case even for case-exact
    /// attributes. On a column that compares ordinally (<paramref name="ordinal"/>), <c>sw</c> is the range of
    /// strings that start with the prefix, which an index on the column serves.
    /// </summary>
    /// <param name="property">The string property.</param>
    /// <param name="op">The operator.</param>
    /// <param name="operand">The operator value.</param>
    /// <param name="fold">Whether to fold both sides' case.</param>
    /// <param name="ordinal">Whether the column stores values normalized and compares them ordinally.</param>
    /// <returns>The comparison, false for a null property.</returns>
    public static BinaryExpression Compare(Expression property, ComparisonOperator op, string operand, bool fold, bool ordinal)
    {
        var value = fold ? Expression.Call(property, ToUpperMethod) : property;
        var text = fold ? ScimStringComparison.Fold(operand) : operand;
        var constant = QueryParameters.Of(text);
        Expression test = op switch
        {
            ComparisonOperator.Equal => Expression.Equal(value, constant),
            ComparisonOperator.NotEqual => Expression.NotEqual(value, constant),
            ComparisonOperator.Contains => Expression.Call(value, ContainsMethod, constant),
            ComparisonOperator.StartsWith when ordinal && ScimStringComparison.PrefixUpperBound(text) is { } bound => Expression.AndAlso(
                Expression.MakeBinary(ExpressionType.GreaterThanOrEqual, value, constant, false, OrdinalStringOrder.GreaterThanOrEqualMethod),
                Expression.MakeBinary(ExpressionType.LessThan, value, QueryParameters.Of(bound), false, OrdinalStringOrder.LessThanMethod)),
            ComparisonOperator.StartsWith => Affix(value, constant, suffix: false),
            ComparisonOperator.EndsWith => Affix(value, constant, suffix: true),
            ComparisonOperator.GreaterThan => Expression.MakeBinary(ExpressionType.GreaterThan, value, constant, false, OrdinalStringOrder.GreaterThanMethod),
            ComparisonOperator.GreaterThanOrEqual => Expression.MakeBinary(ExpressionType.GreaterThanOrEqual, value, constant, false, OrdinalStringOrder.GreaterThanOrEqualMethod),
            ComparisonOperator.LessThan => Expression.MakeBinary(ExpressionType.LessThan, value, constant, false, OrdinalStringOrder.LessThanMethod),
            _ => Expression.MakeBinary(ExpressionType.LessThanOrEqual, value, constant, false, OrdinalStringOrder.LessThanOrEqualMethod),
        };
        return Expression.AndAlso(Expression.NotEqual(property, ValueGuards.NullString), test);
    }

    /// <summary>Normalizes an operator value the way the host normalized the column it is compared with.</summary>
    /// <param name="path">The compared path, for the message.</param>
    /// <param name="normalize">The host's normalizer.</param>
    /// <param name="operand">The operator value.</param>
    /// <returns>The normalized value.</returns>
    /// <exception cref="InvalidOperationException">The host's normalizer returned <see langword="null"/>.</exception>
    public static string Normalized(AttributePath path, Func<string, string> normalize, string operand) =>
        normalize(operand) ?? throw new InvalidOperationException(FilterMessages.NormalizerReturnedNull(path));

    /// <summary>
    /// <c>value.Length &gt;= n &amp;&amp; value.Substring(0, n) == operand</c>, or the suffix form
    /// <c>value.Substring(value.Length - n) == operand</c>, where <c>n</c> is the operand's length measured as
    /// <c>(value + operand).Length - value.Length</c>: in UTF-16 code units in memory and in characters in SQL,
    /// as <c>Substring</c> counts in each. The operand's own <c>Length</c> would be computed in memory and sent as a
    /// parameter, and miscount characters beyond U+FFFF in SQL.
    /// </summary>
    private static BinaryExpression Affix(Expression value, Expression operand, bool suffix)
    {
        var valueLength = Expression.Property(value, LengthProperty);
        var operandLength = Expression.Subtract(Expression.Property(Expression.Call(ConcatMethod, value, operand), LengthProperty), valueLength);
        var affix = suffix
            ? Expression.Call(value, SubstringFromMethod, Expression.Subtract(valueLength, operandLength))
            : Expression.Call(value, SubstringMethod, Expression.Constant(0), operandLength);
        return Expression.AndAlso(Expression.GreaterThanOrEqual(valueLength, operandLength), Expression.Equal(affix, operand));
    }
}
