namespace MembershipStates.SampleHost.Data;

/// <summary>
/// A group membership of an Inactive member: kept beside its <see cref="InactiveMembership"/> record, still listed
/// in the group's <c>members</c> and the user's <c>groups</c>, but giving no access.
/// </summary>
/// <remarks>
/// The rule "group membership follows the member": deactivation moves the member's <see cref="GroupMember"/> rows
/// here, reactivation moves exactly these back, removal drops them, each in the transaction of the state change.
/// </remarks>
internal sealed class InactiveGroupMember : GroupMembershipColumns;
