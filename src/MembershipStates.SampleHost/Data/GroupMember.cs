namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The app's own group membership: a row means the user has access through the group. Active members only.
/// </summary>
/// <remarks>
/// It refers to the member's <see cref="Membership"/> row, as a two-state app's table would: a user outside the
/// organization cannot be in its groups. So deactivation must move these rows to <see cref="InactiveGroupMember"/>
/// before the membership row goes, and the database refuses a store that forgets to (the key does not cascade).
/// </remarks>
internal sealed class GroupMember : GroupMembershipColumns;
