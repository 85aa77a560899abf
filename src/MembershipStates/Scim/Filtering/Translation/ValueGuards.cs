using System.Linq.Expressions;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>
/// Tests for a property having a value, and tests applied only once it has one: every comparison checks for null
/// first, so a predicate behaves the same compiled in memory as in SQL, where a missing value matches neither
/// <c>eq</c> nor <c>ne</c>.
/// </summary>
internal static class ValueGuards
{
    /// <summary>Gets the constant <see langword="true"/>; a test that is exactly this one can be left out of a conjunction.</summary>
    public static Expression True { get; } = Expression.Constant(true);

    /// <summary>Gets the constant <see langword="false"/>.</summary>
    public static Expression False { get; } = Expression.Constant(false);

    /// <summary>Gets the string <see langword="null"/>.</summary>
    public static Expression NullString { get; } = Expression.Constant(null, typeof(string));

    private static Expression EmptyString { get; } = Expression.Constant(string.Empty, typeof(string));

    /// <summary>Applies a test to the value of a property, after checking a nullable property has one.</summary>
    /// <param name="property">The property.</param>
    /// <param name="test">Builds the test from the property's value.</param>
    /// <returns>The guarded test.</returns>
    public static Expression Guarded(Expression property, Func<Expression, Expression> test) =>
        Nullable.GetUnderlyingType(property.Type) is { } underlying
            ? Expression.AndAlso(NotNull(property), test(Expression.Convert(property, underlying)))
            : test(property);

    /// <summary>Tests that a property has a value (not null); for strings, also not empty, as <c>pr</c> requires.</summary>
    /// <param name="property">The property.</param>
    /// <returns>The test.</returns>
    public static Expression IsPresent(Expression property) =>
        property.Type == typeof(string)
            ? Expression.AndAlso(Expression.NotEqual(property, NullString), Expression.NotEqual(property, EmptyString))
            : NotNull(property);

    /// <summary>Tests that a property is not null; <see cref="True"/> for a value type that cannot be.</summary>
    /// <param name="property">The property.</param>
    /// <returns>The test.</returns>
    public static Expression NotNull(Expression property) =>
        property.Type.IsValueType && Nullable.GetUnderlyingType(property.Type) is null
            ? True
            : Expression.NotEqual(property, Expression.Constant(null, property.Type));
}
