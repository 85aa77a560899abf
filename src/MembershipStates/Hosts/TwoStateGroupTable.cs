namespace MembershipStates;

/// <summary>
/// Where a two-state host keeps one member's memberships of groups: the app's own access table, or the inactive side.
/// </summary>
/// <remarks>The <c>default</c> value is <see cref="None"/>. See <see cref="TwoStateHost.GroupTableOf"/>.</remarks>
public enum TwoStateGroupTable
{
    /// <summary>Nowhere: a non-member belongs to no group, and adding it to one is refused.</summary>
    None = 0,

    /// <summary>The app's <c>group_members</c> table, which means "has access through the group": Active members only.</summary>
    GroupMembers = 1,

    /// <summary>The inactive side (<c>inactive_group_members</c>): the memberships of an Inactive member, recorded and suspended.</summary>
    InactiveGroupMembers = 2,
}
