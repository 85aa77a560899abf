namespace MembershipStates.SampleHost.Data;

/// <summary>
/// A user's membership of a group of the organization: one row per (organization, group, user), on the side the
/// member's state names (<see cref="TwoStateHost.GroupTableOf"/>).
/// </summary>
/// <remarks>Not an entity of its own: <see cref="GroupMember"/> and <see cref="InactiveGroupMember"/> get these columns.</remarks>
internal abstract class GroupMembershipColumns
{
    public int OrganizationId { get; set; }

    public int GroupId { get; set; }

    public int UserId { get; set; }
}
