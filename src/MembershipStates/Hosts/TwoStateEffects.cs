namespace MembershipStates;

/// <summary>
/// The effects of a decision for a two-state host: membership is a row or no row, and inactive memberships live in
/// one side record each.
/// </summary>
/// <remarks>
/// Apply them in one transaction. Every set other than <see cref="None"/> also writes the id, version and timestamps
/// of <see cref="MembershipDecision.Next"/> to the row or record it keeps.
/// </remarks>
[Flags]
public enum TwoStateEffects
{
    /// <summary>Nothing to change.</summary>
    None = 0,

    /// <summary>Add the user to the organization (insert the membership row).</summary>
    AddToOrganization = 1,

    /// <summary>Remove the user from the organization (delete the membership row).</summary>
    RemoveFromOrganization = 2,

    /// <summary>Insert or update the inactive record, with the SCIM attributes last seen and the deactivation time.</summary>
    KeepInactiveRecord = 4,

    /// <summary>Delete the inactive record.</summary>
    DropInactiveRecord = 8,

    /// <summary>Store the attributes the request carries (on the row or record being kept).</summary>
    WriteAttributes = 16,
}
