namespace MembershipStates.SampleHost.Data;

/// <summary>
/// How the app stores what it compares case-insensitively (user names, e-mail addresses): upper-cased with the
/// invariant culture, as ASP.NET Core Identity does.
/// </summary>
/// <remarks>
/// It is the fold the package's in-memory filter evaluator applies to strings that are not <c>caseExact</c>. The
/// unique indexes are on the normalized columns, and filters compare those columns (and every other folded copy,
/// <see cref="MemberFilterColumns"/> and <see cref="MemberValue"/>) with the operand normalized the same way, byte by
/// byte: a filter, the index and the evaluator always agree, for every script.
/// </remarks>
internal static class Normalization
{
    /// <summary>Normalizes a value for its normalized column.</summary>
    public static string Normalize(string value) => value.ToUpperInvariant();
}
