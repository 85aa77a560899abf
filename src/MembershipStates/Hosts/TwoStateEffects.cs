namespace MembershipStates;

/// <summary>
/// The effects of a decision for a two-state host: membership is a row or no row, and inactive memberships live in
/// one side record each; likewise an Active member's group memberships are rows of the app's <c>group_members</c>
/// table, and an Inactive member's live beside its inactive record (an <c>inactive_group_members</c> table).
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

    /// <summary>Move the member's rows from <c>group_members</c> to the inactive side (<c>inactive_group_members</c>): kept and listed, no access.</summary>
    MoveGroupMembershipsToInactive = 32,

    /// <summary>Move the member's rows from the inactive side back to <c>group_members</c>: exactly the groups it had, effective again.</summary>
    MoveGroupMembershipsBack = 64,

    /// <summary>Delete the member's group memberships on both sides.</summary>
    DropGroupMemberships = 128,
}
