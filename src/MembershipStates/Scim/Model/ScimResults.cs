namespace MembershipStates.Scim;

/// <summary>Results that need not be allocated per call: a filter evaluated against many resources answers with these.</summary>
internal static class ScimResults
{
    private static readonly ScimResult<bool> True = ScimResult<bool>.Success(true);
    private static readonly ScimResult<bool> False = ScimResult<bool>.Success(false);

    /// <summary>Returns the successful result holding <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A shared instance.</returns>
    public static ScimResult<bool> Boolean(bool value) => value ? True : False;
}
