namespace MembershipStates;

/// <summary>
/// Maps a two-state host — a user is in an organization or not — to the three-state lifecycle, with one side record
/// per inactive membership.
/// </summary>
/// <remarks>
/// <para>The recipe: keep the app's membership table as it is (row = Active, no row = not a member) and add one
/// table of inactive memberships keyed by (organization, user), holding the SCIM id, the SCIM attributes last seen,
/// the version and the deactivation time. Deactivation moves a member from the membership table to that table;
/// reactivation moves it back with the same SCIM id.</para>
/// <para>The invariant a host must never break: never a membership row and an inactive record for the same pair.
/// <see cref="Read"/> reports a broken invariant as a <see cref="MembershipError"/>.</para>
/// <para>Groups follow the same recipe: the app's <c>group_members</c> table keeps meaning "has access" and holds
/// Active members only; an Inactive member's group memberships live on the inactive side (an
/// <c>inactive_group_members</c> table keyed by organization, group and user) until reactivation moves them back or
/// removal drops them, in the same transaction as the state change (<see cref="Plan"/>). Adding a member to a group
/// writes the side <see cref="GroupTableOf"/> names.</para>
/// <para>Thread-safe: all members are pure functions.</para>
/// </remarks>
public static class TwoStateHost
{
    /// <summary>Reads a membership from what the host stores for one (organization, user) pair.</summary>
    /// <param name="membershipRow">The membership row as an <see cref="MembershipState.Active"/> snapshot, or <see langword="null"/> when there is no row.</param>
    /// <param name="inactiveRecord">The inactive record as an <see cref="MembershipState.Inactive"/> snapshot, or <see langword="null"/> when there is none.</param>
    /// <returns>The membership, or the broken invariant when both exist.</returns>
    /// <exception cref="ArgumentException">A snapshot is given in the wrong state.</exception>
    public static HostReading Read(MembershipSnapshot? membershipRow, MembershipSnapshot? inactiveRecord)
    {
        if (membershipRow is { State: not MembershipState.Active })
        {
            throw new ArgumentException("A membership row is read as an Active snapshot.", nameof(membershipRow));
        }

        if (inactiveRecord is { State: not MembershipState.Inactive })
        {
            throw new ArgumentException("An inactive record is read as an Inactive snapshot.", nameof(inactiveRecord));
        }

        return CheckInvariant(membershipRow.HasValue, inactiveRecord.HasValue) is { } error
            ? HostReading.Broken(error.Code, error.Message)
            : HostReading.Of(membershipRow ?? inactiveRecord ?? MembershipSnapshot.NotMember);
    }

    /// <summary>Checks the two-state host invariant for one (organization, user) pair.</summary>
    /// <param name="hasMembershipRow">Whether the pair has a membership row.</param>
    /// <param name="hasInactiveRecord">Whether the pair has an inactive record.</param>
    /// <returns>The broken invariant, or <see langword="null"/> when it holds.</returns>
    public static MembershipError? CheckInvariant(bool hasMembershipRow, bool hasInactiveRecord) =>
        hasMembershipRow && hasInactiveRecord
            ? new MembershipError(
                MembershipErrorCodes.MemberAndInactiveRecord,
                "The pair has both a membership row and an inactive record; a membership is either in the organization or inactive, never both. Delete the inactive record if the user is a member.")
            : null;

    /// <summary>Translates a decision into the two-state host's effects.</summary>
    /// <param name="decision">The decision to apply.</param>
    /// <returns>The effects; <see cref="TwoStateEffects.None"/> for a decision that changes nothing.</returns>
    public static TwoStateEffects Plan(in MembershipDecision decision)
    {
        var effects = decision.Effects;
        if (effects == MembershipEffects.None)
        {
            return TwoStateEffects.None;
        }

        var result = (effects & MembershipEffects.WriteAttributes) != 0 ? TwoStateEffects.WriteAttributes : TwoStateEffects.None;
        var from = decision.Previous.State;
        var to = decision.Next.State;

        if (from == MembershipState.Active && to != MembershipState.Active)
        {
            result |= TwoStateEffects.RemoveFromOrganization;
        }

        if (from == MembershipState.Inactive && to != MembershipState.Inactive)
        {
            result |= TwoStateEffects.DropInactiveRecord;
        }

        if (to == MembershipState.Active && from != MembershipState.Active)
        {
            result |= TwoStateEffects.AddToOrganization;
        }

        // An inactive membership's record carries its version and attributes, so every change to it keeps (rewrites) it.
        if (to == MembershipState.Inactive)
        {
            result |= TwoStateEffects.KeepInactiveRecord;
        }

        return result | GroupEffects(decision.GroupEffect);
    }

    /// <summary>Tells which table holds the group memberships of a member in a given state, so that adding it to a group writes there and removing it deletes there.</summary>
    /// <param name="memberState">The member's state, as read in the same transaction as the write.</param>
    /// <returns>
    /// <see cref="TwoStateGroupTable.GroupMembers"/> for an Active member (the membership gives access);
    /// <see cref="TwoStateGroupTable.InactiveGroupMembers"/> for an Inactive one (recorded, suspended);
    /// <see cref="TwoStateGroupTable.None"/> for a non-member, which belongs to no group: adding it is refused.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="memberState"/> is not a defined value.</exception>
    public static TwoStateGroupTable GroupTableOf(MembershipState memberState) => memberState switch
    {
        MembershipState.Active => TwoStateGroupTable.GroupMembers,
        MembershipState.Inactive => TwoStateGroupTable.InactiveGroupMembers,
        MembershipState.NotMember => TwoStateGroupTable.None,
        _ => throw new ArgumentOutOfRangeException(nameof(memberState), memberState, "Unknown membership state."),
    };

    /// <summary>Translates the rule "group membership follows the member" for a two-state host.</summary>
    internal static TwoStateEffects GroupEffects(GroupMembershipEffect effect) => effect switch
    {
        GroupMembershipEffect.Suspend => TwoStateEffects.MoveGroupMembershipsToInactive,
        GroupMembershipEffect.Restore => TwoStateEffects.MoveGroupMembershipsBack,
        GroupMembershipEffect.Drop => TwoStateEffects.DropGroupMemberships,
        _ => TwoStateEffects.None,
    };
}
