using System.Reflection;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// The string ordering operators of translated filters. A translated <c>gt</c> is a
/// <see cref="System.Linq.Expressions.ExpressionType.GreaterThan"/> node whose implementing method is
/// <see cref="GreaterThan"/>: compiled in memory it orders by code point (<see cref="ScimStringComparison"/>), as
/// the in-memory evaluator does, and EF Core translates the node to the SQL <c>&gt;</c> of the column's collation,
/// the same order for SQLite's <c>BINARY</c> and PostgreSQL's <c>"C"</c>.
/// </summary>
internal static class OrdinalStringOrder
{
    /// <summary>Gets <see cref="GreaterThan"/>.</summary>
    public static MethodInfo GreaterThanMethod { get; } = new Func<string?, string?, bool>(GreaterThan).Method;

    /// <summary>Gets <see cref="GreaterThanOrEqual"/>.</summary>
    public static MethodInfo GreaterThanOrEqualMethod { get; } = new Func<string?, string?, bool>(GreaterThanOrEqual).Method;

    /// <summary>Gets <see cref="LessThan"/>.</summary>
    public static MethodInfo LessThanMethod { get; } = new Func<string?, string?, bool>(LessThan).Method;

    /// <summary>Gets <see cref="LessThanOrEqual"/>.</summary>
    public static MethodInfo LessThanOrEqualMethod { get; } = new Func<string?, string?, bool>(LessThanOrEqual).Method;

    /// <summary>Orders by code point.</summary>
    /// <param name="left">The attribute value.</param>
    /// <param name="right">The operator value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool GreaterThan(string? left, string? right) => ScimStringComparison.Compare(left, right) > 0;

    /// <summary>Orders by code point.</summary>
    /// <param name="left">The attribute value.</param>
    /// <param name="right">The operator value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts after or with <paramref name="right"/>.</returns>
    public static bool GreaterThanOrEqual(string? left, string? right) => ScimStringComparison.Compare(left, right) >= 0;

    /// <summary>Orders by code point.</summary>
    /// <param name="left">The attribute value.</param>
    /// <param name="right">The operator value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool LessThan(string? left, string? right) => ScimStringComparison.Compare(left, right) < 0;

    /// <summary>Orders by code point.</summary>
    /// <param name="left">The attribute value.</param>
    /// <param name="right">The operator value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts before or with <paramref name="right"/>.</returns>
    public static bool LessThanOrEqual(string? left, string? right) => ScimStringComparison.Compare(left, right) <= 0;
}
