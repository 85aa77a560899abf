using MembershipStates.Scim.Groups;

namespace MembershipStates.Scim;

/// <summary>
/// A <c>PATCH</c> of a Group read as what it changes: a new <c>displayName</c> or <c>externalId</c>, and the members
/// to add and to remove — deltas a store applies as rows, never a rewritten member list.
/// </summary>
/// <remarks>
/// <para>Every shape Okta and Microsoft Entra ID send is read, <c>op</c> in any case: Okta's path-less
/// <c>{"op":"replace","value":{"id":"…","displayName":"…"}}</c> (an <c>id</c> equal to the group's is ignored, another
/// one is a 400 <c>mutability</c>); <c>add</c> of <c>members</c> with one value or several (<c>{"value":"…","display":"…"}</c>,
/// Entra's <c>{"$ref":null,"value":"…"}</c>); <c>remove</c> of <c>members[value eq "…"]</c>; Entra's <c>remove</c> of
/// <c>members</c> with a value, which removes only the members listed; <c>remove</c> of <c>members</c> without a value,
/// which empties the group; <c>replace</c> of <c>members</c>; <c>replace</c> of <c>displayName</c>.</para>
/// <para>The operations compose in order into one delta: <see cref="AddedMembers"/> and <see cref="RemovedMembers"/>
/// never share a value, and after a <c>replace</c> of <c>members</c> (or a <c>remove</c> without a value)
/// <see cref="ReplacesMembers"/> is true, <see cref="AddedMembers"/> is the whole new list and
/// <see cref="RemovedMembers"/> is empty. Adding a member the group has, or removing one it has not, changes
/// nothing. Member values are SCIM ids, compared exactly.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimGroupPatch
{
    internal ScimGroupPatch(
        string? displayName,
        bool changesExternalId,
        string? externalId,
        bool replacesMembers,
        IReadOnlyList<string> addedMembers,
        IReadOnlyList<string> removedMembers)
    {
        DisplayName = displayName;
        ChangesExternalId = changesExternalId;
        ExternalId = externalId;
        ReplacesMembers = replacesMembers;
        AddedMembers = addedMembers;
        RemovedMembers = removedMembers;
    }

    /// <summary>Gets the new <c>displayName</c>, or <see langword="null"/> when the request does not set it.</summary>
    public string? DisplayName { get; }

    /// <summary>Gets a value indicating whether the request sets or removes <c>externalId</c>.</summary>
    public bool ChangesExternalId { get; }

    /// <summary>Gets the new <c>externalId</c> when <see cref="ChangesExternalId"/> is true; <see langword="null"/> when it is removed.</summary>
    public string? ExternalId { get; }

    /// <summary>Gets a value indicating whether the members are replaced: the group keeps no member but <see cref="AddedMembers"/>.</summary>
    public bool ReplacesMembers { get; }

    /// <summary>Gets the ids of the users to add, in the order first sent, without duplicates.</summary>
    public IReadOnlyList<string> AddedMembers { get; }

    /// <summary>Gets the ids of the users to remove, in the order first sent, without duplicates.</summary>
    public IReadOnlyList<string> RemovedMembers { get; }

    /// <summary>Gets a value indicating whether the request touches the members at all.</summary>
    public bool ChangesMembers => ReplacesMembers || AddedMembers.Count > 0 || RemovedMembers.Count > 0;

    /// <summary>Reads the operations of a PATCH request on one group as a group patch.</summary>
    /// <param name="request">The request, read with <see cref="ScimPatchRequest.Parse"/>.</param>
    /// <param name="groupId">The id of the group the request names, which an <c>id</c> in the request must equal.</param>
    /// <returns>The patch, or a 400 error: <c>mutability</c> (<c>id</c>, <c>meta</c>), <c>invalidPath</c> (an attribute a Group does not have,
    /// or a sub-attribute of <c>members</c>), <c>invalidFilter</c> (a <c>members[…]</c> filter that does not select members by value),
    /// <c>invalidValue</c> (a member without a <c>value</c>, a member that is a group, an empty <c>displayName</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="groupId"/> is <see langword="null"/>.</exception>
    public static ScimResult<ScimGroupPatch> Create(ScimPatchRequest request, string groupId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(groupId);
        return GroupPatchReader.Read(request.Operations, groupId);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (DisplayName is not null)
        {
            parts.Add($"displayName \"{DisplayName}\"");
        }

        if (ChangesExternalId)
        {
            parts.Add(ExternalId is null ? "no externalId" : $"externalId \"{ExternalId}\"");
        }

        if (ReplacesMembers)
        {
            parts.Add($"members = [{string.Join(", ", AddedMembers)}]");
        }
        else
        {
            if (AddedMembers.Count > 0)
            {
                parts.Add($"+[{string.Join(", ", AddedMembers)}]");
            }

            if (RemovedMembers.Count > 0)
            {
                parts.Add($"-[{string.Join(", ", RemovedMembers)}]");
            }
        }

        return parts.Count == 0 ? "(no change)" : string.Join("; ", parts);
    }
}
