namespace MembershipStates.Scim;

/// <summary>
/// What a host commits for one request on a group: the group as it is afterwards, and the member deltas to apply as
/// rows, guarded by the version the request was decided against.
/// </summary>
/// <remarks>
/// <para>Everything the commit needs is here: a store reads nothing it kept from an earlier call. It applies the
/// change in one transaction, if the group is still at <see cref="PreviousVersion"/> (a creation: if the id is
/// free).</para>
/// <para><b>Members.</b> When <see cref="ReplacesMembers"/> is true, remove every member first. Then remove
/// <see cref="RemovedMembers"/> and add <see cref="AddedMembers"/>: removing a member the group does not have, or
/// adding one it has, changes nothing. Every added value must be the id of a member of the same organization,
/// Active or Inactive; if one is not (unknown, removed, another organization's), nothing is committed. A two-state
/// host writes an added member to the side <see cref="TwoStateHost.GroupTableOf"/> names for the member's state as
/// read in the same transaction: <c>group_members</c> for an Active member, the inactive side for an Inactive
/// one.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimGroupChange
{
    internal ScimGroupChange(
        ScimGroupChangeKind kind,
        string groupId,
        long previousVersion,
        ScimStoredGroup? group,
        bool replacesMembers,
        IReadOnlyList<string> addedMembers,
        IReadOnlyList<string> removedMembers)
    {
        Kind = kind;
        GroupId = groupId;
        PreviousVersion = previousVersion;
        Group = group;
        ReplacesMembers = replacesMembers;
        AddedMembers = addedMembers;
        RemovedMembers = removedMembers;
    }

    /// <summary>Gets what the change does.</summary>
    public ScimGroupChangeKind Kind { get; }

    /// <summary>Gets the SCIM id of the group.</summary>
    public string GroupId { get; }

    /// <summary>Gets the version the change was decided against; 0 for a creation.</summary>
    public long PreviousVersion { get; }

    /// <summary>Gets the group as it is after the change — names, version, timestamps — without members; <see langword="null"/> for a deletion.</summary>
    public ScimStoredGroup? Group { get; }

    /// <summary>Gets a value indicating whether the group keeps no member but <see cref="AddedMembers"/> (a creation, a <c>PUT</c>, a <c>replace</c> of <c>members</c>).</summary>
    public bool ReplacesMembers { get; }

    /// <summary>Gets the ids of the users to add, without duplicates.</summary>
    public IReadOnlyList<string> AddedMembers { get; }

    /// <summary>Gets the ids of the users to remove, without duplicates; never one of <see cref="AddedMembers"/>.</summary>
    public IReadOnlyList<string> RemovedMembers { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind} group {GroupId} v{PreviousVersion}->{Group?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "gone"}"
        + (ReplacesMembers ? $", members = [{string.Join(", ", AddedMembers)}]" : "")
        + (!ReplacesMembers && AddedMembers.Count > 0 ? $", +[{string.Join(", ", AddedMembers)}]" : "")
        + (RemovedMembers.Count > 0 ? $", -[{string.Join(", ", RemovedMembers)}]" : "");
}
