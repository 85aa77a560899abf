namespace MembershipStates.Testing.Model;

/// <summary>A member as the lifecycle says the store holds it: written without the library, from the lifecycle table.</summary>
internal sealed class ModelUser(string id)
{
    public string Id { get; } = id;

    public bool Active { get; set; }

    public long Version { get; set; }

    /// <summary>Gets or sets the userName exactly as last sent.</summary>
    public string UserName { get; set; } = string.Empty;

    public string GivenName { get; set; } = string.Empty;

    public string WorkEmail { get; set; } = string.Empty;

    public string? EmployeeNumber { get; set; }
}

/// <summary>A group as the store must hold it.</summary>
internal sealed class ModelGroup(string id, string displayName)
{
    public string Id { get; } = id;

    public string DisplayName { get; } = displayName;

    /// <summary>Gets the SCIM ids of its members, Active and Inactive alike.</summary>
    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// One organization as the rules say it is: members by their name's key (case-insensitive), groups by theirs, and
/// the ids that were removed, which are 404 for ever.
/// </summary>
internal sealed class ModelOrganization
{
    public Dictionary<string, ModelUser> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> RemovedUserIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ModelGroup> Groups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> RemovedGroupIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The member a request with this id meets: the member of that name, if it still has that id.</summary>
    public ModelUser? Member(string userKey, string id) =>
        Users.TryGetValue(userKey, out var user) && user.Id == id ? user : null;

    public ModelUser? MemberById(string id) => Users.Values.FirstOrDefault(u => u.Id == id);

    /// <summary>The id a provider uses for a name: the member's, else the one it had before its removal, else an id nobody has.</summary>
    public string IdFor(string userKey, int user) =>
        Users.TryGetValue(userKey, out var member) ? member.Id : RemovedUserIds.GetValueOrDefault(userKey) ?? $"unknown-user-{user}";

    public string GroupIdFor(string groupKey, int group) =>
        Groups.TryGetValue(groupKey, out var found) ? found.Id : RemovedGroupIds.GetValueOrDefault(groupKey) ?? $"unknown-group-{group}";

    public void Remove(string userKey)
    {
        var user = Users[userKey];
        Users.Remove(userKey);
        RemovedUserIds[userKey] = user.Id;
        foreach (var group in Groups.Values)
        {
            group.Members.Remove(user.Id);
        }
    }

    /// <summary>The groups of a member, by id: what its read-only <c>groups</c> lists.</summary>
    public HashSet<string> GroupsOf(string userId) =>
        [.. Groups.Values.Where(g => g.Members.Contains(userId)).Select(g => g.Id)];
}
