namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>The property types filters can compare and sorts can order: strings, Booleans, numbers, dates and Guids, nullable forms included.</summary>
internal static class MappableTypes
{
    /// <summary>Returns a value indicating whether filters can compare a property of type <paramref name="type"/>.</summary>
    /// <param name="type">The property type.</param>
    /// <returns><see langword="true"/> when a SCIM attribute can be mapped to it.</returns>
    public static bool IsSupported(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(bool) || IsNumber(underlying)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(Guid);
    }

    /// <summary>Returns a value indicating whether <paramref name="type"/> is a number type a property can have.</summary>
    /// <param name="type">The type, not nullable.</param>
    /// <returns><see langword="true"/> for <see cref="short"/>, <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/> and <see cref="float"/>.</returns>
    public static bool IsNumber(Type type) =>
        type == typeof(short) || type == typeof(int) || type == typeof(long)
        || type == typeof(decimal) || type == typeof(double) || type == typeof(float);
}
