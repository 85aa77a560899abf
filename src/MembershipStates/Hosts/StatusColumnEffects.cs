namespace MembershipStates;

/// <summary>
/// The effects of a decision for a host that stores the state itself, in a status column of its membership row.
/// </summary>
/// <remarks>Apply them in one transaction. Every set other than <see cref="None"/> and <see cref="DeleteRow"/> also
/// writes the version and timestamps of <see cref="MembershipDecision.Next"/> to the row.</remarks>
[Flags]
public enum StatusColumnEffects
{
    /// <summary>Nothing to change.</summary>
    None = 0,

    /// <summary>Insert the membership row.</summary>
    InsertRow = 1,

    /// <summary>Update the row's status column.</summary>
    UpdateStatus = 2,

    /// <summary>Store the attributes the request carries on the row.</summary>
    WriteAttributes = 4,

    /// <summary>Delete the membership row.</summary>
    DeleteRow = 8,

    /// <summary>Delete the member's group membership rows. Deactivation and reactivation keep them: access through a group reads the member's status.</summary>
    DeleteGroupMemberships = 16,
}
