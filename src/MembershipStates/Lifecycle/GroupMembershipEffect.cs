namespace MembershipStates;

/// <summary>
/// What a decision does to the member's memberships of the organization's groups: the rule "group membership
/// follows the member".
/// </summary>
/// <remarks>
/// <para>A member's membership of a group is a second membership and follows the first. Deactivation keeps the
/// group memberships, still listed in the group's <c>members</c> and the user's <c>groups</c>, but suspends them:
/// they give no access. Reactivation, or a revival by a re-<c>POST</c>, makes exactly those memberships effective
/// again. Removal drops all of them at once, so a later provision starts in no group.</para>
/// <para>A host applies it in the same transaction as the decision's <see cref="MembershipDecision.Effects"/>;
/// <see cref="TwoStateHost.Plan"/> and <see cref="StatusColumnHost{TStatus}.Plan"/> translate it for their storage.</para>
/// <para>The <c>default</c> value is <see cref="None"/>.</para>
/// </remarks>
public enum GroupMembershipEffect
{
    /// <summary>The group memberships stay as they are: no change of state, or a new member, which is in no group.</summary>
    None = 0,

    /// <summary>Active to Inactive: keep every group membership, listed, but suspended (no access through it).</summary>
    Suspend = 1,

    /// <summary>Inactive to Active: make exactly the kept group memberships effective again.</summary>
    Restore = 2,

    /// <summary>Active or Inactive to NotMember: remove every group membership of the member.</summary>
    Drop = 3,
}
