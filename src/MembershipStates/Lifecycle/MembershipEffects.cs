namespace MembershipStates;

/// <summary>
/// What a decision asks a host to change, independent of how the host stores memberships.
/// </summary>
/// <remarks>
/// <para>A host applies all of a decision's effects in one transaction, guarded by the previous version. Every effect
/// set other than <see cref="None"/> and <see cref="Delete"/> also writes the new version and <c>lastModified</c> of
/// <see cref="MembershipDecision.Next"/>. What the decision does to the member's group memberships is
/// <see cref="MembershipDecision.GroupEffect"/>, applied in the same transaction. Hosts with a particular storage
/// shape translate both with <see cref="StatusColumnHost{TStatus}"/> or <see cref="TwoStateHost"/>.</para>
/// </remarks>
[Flags]
public enum MembershipEffects
{
    /// <summary>Nothing to change.</summary>
    None = 0,

    /// <summary>Create the membership with the id, state and timestamps of <see cref="MembershipDecision.Next"/>.</summary>
    Create = 1,

    /// <summary>Move the membership to the state of <see cref="MembershipDecision.Next"/>.</summary>
    ChangeState = 2,

    /// <summary>Store the attributes the request carries.</summary>
    WriteAttributes = 4,

    /// <summary>Delete the membership and everything kept for it.</summary>
    Delete = 8,
}
