namespace MembershipStates.SampleHost.Data;

/// <summary>
/// How the app stores what it compares case-insensitively (user names, e-mail addresses): upper-cased with the
/// invariant culture, as ASP.NET Core Identity does.
/// </summary>
/// <remarks>
/// The unique indexes are on the normalized columns, and filters compare those columns with the operand normalized
/// the same way, so that a filter and the index always agree, for every script.
/// </remarks>
internal static class Normalization
{
    /// <summary>Normalizes a value for its normalized column.</summary>
    public static string Normalize(string value) => value.ToUpperInvariant();
}
