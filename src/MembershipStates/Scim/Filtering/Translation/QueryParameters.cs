using System.Linq.Expressions;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>
/// Operator values read from closures rather than embedded as constants, so that EF Core sends them as SQL
/// parameters and reuses one query plan for every value.
/// </summary>
internal static class QueryParameters
{
    /// <summary>Returns an expression reading <paramref name="value"/> from a closure.</summary>
    /// <typeparam name="TValue">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The expression.</returns>
    public static Expression Of<TValue>(TValue value)
    {
        Expression<Func<TValue>> read = () => value;
        return read.Body;
    }
}
