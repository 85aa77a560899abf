namespace MembershipStates;

/// <summary>
/// The stable codes of <see cref="MembershipError"/>; they are part of the contract and documented in <c>docs/errors.md</c>.
/// </summary>
public static class MembershipErrorCodes
{
    /// <summary>A two-state host holds both a membership row and an inactive record for the same pair.</summary>
    public const string MemberAndInactiveRecord = "membership.member-and-inactive-record";

    /// <summary>A status-column host holds a status value that maps to no membership state.</summary>
    public const string UnknownStatus = "membership.unknown-status";
}
