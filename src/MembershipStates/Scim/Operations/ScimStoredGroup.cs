namespace MembershipStates.Scim;

/// <summary>
/// One group as a host stored it: its id, names, version and timestamps, and its members when they were read.
/// </summary>
/// <remarks>
/// <para>The host keeps <c>displayName</c>, <c>externalId</c> and one row per member; <c>meta</c> is built from the
/// version and timestamps. <see cref="Members"/> is <see langword="null"/> when the host did not read them
/// (<c>excludedAttributes=members</c>, or a change that needs no member list), so that a group of 10,000 members
/// costs what a group of 10 does.</para>
/// <para>Immutable once built; thread-safe if the member list is not changed.</para>
/// </remarks>
public sealed class ScimStoredGroup
{
    /// <summary>Initializes a new instance of the <see cref="ScimStoredGroup"/> class.</summary>
    /// <param name="id">The SCIM id of the group.</param>
    /// <param name="displayName">The group's <c>displayName</c>, as sent.</param>
    /// <param name="externalId">The group's <c>externalId</c>, or <see langword="null"/>.</param>
    /// <param name="version">The version (<c>meta.version</c>, the ETag), at least 1.</param>
    /// <param name="created">When the group was created.</param>
    /// <param name="lastModified">When it last changed.</param>
    /// <param name="members">The members, Active and Inactive alike, each with its user's id as <c>value</c> and a name to display; <see langword="null"/> when not read.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="displayName"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public ScimStoredGroup(
        string id,
        string displayName,
        string? externalId,
        long version,
        DateTimeOffset created,
        DateTimeOffset lastModified,
        IReadOnlyList<ScimGroupMember>? members = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Id = id;
        DisplayName = displayName;
        ExternalId = externalId;
        Version = version;
        Created = created;
        LastModified = lastModified;
        Members = members;
    }

    /// <summary>Gets the SCIM id of the group.</summary>
    public string Id { get; }

    /// <summary>Gets the group's <c>displayName</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the group's <c>externalId</c>, or <see langword="null"/>.</summary>
    public string? ExternalId { get; }

    /// <summary>Gets the version (<c>meta.version</c>, the ETag).</summary>
    public long Version { get; }

    /// <summary>Gets when the group was created (<c>meta.created</c>).</summary>
    public DateTimeOffset Created { get; }

    /// <summary>Gets when the group last changed (<c>meta.lastModified</c>).</summary>
    public DateTimeOffset LastModified { get; }

    /// <summary>Gets the members, or <see langword="null"/> when they were not read.</summary>
    public IReadOnlyList<ScimGroupMember>? Members { get; }

    /// <summary>Builds the SCIM resource a provider reads.</summary>
    /// <param name="groupsEndpoint">The absolute URL of the organization's <c>/Groups</c> endpoint.</param>
    /// <param name="usersEndpoint">The absolute URL of the organization's <c>/Users</c> endpoint, for each member's <c>$ref</c>.</param>
    /// <returns>The group with <c>schemas</c>, <c>meta</c> and, when they were read, its members with <c>value</c>, <c>display</c>, <c>$ref</c> and <c>type</c> <c>User</c>.</returns>
    /// <exception cref="ArgumentNullException">An endpoint is <see langword="null"/>.</exception>
    public ScimGroup ToResource(Uri groupsEndpoint, Uri usersEndpoint)
    {
        ArgumentNullException.ThrowIfNull(groupsEndpoint);
        ArgumentNullException.ThrowIfNull(usersEndpoint);
        ScimGroupMember[]? members = null;
        if (Members is not null)
        {
            members = new ScimGroupMember[Members.Count];
            for (var i = 0; i < members.Length; i++)
            {
                var value = Members[i].Value;
                members[i] = new ScimGroupMember
                {
                    Value = value,
                    Display = Members[i].Display,
                    Ref = value is null ? null : Text(ScimUserDecision.LocationOf(usersEndpoint, value)),
                    Type = "User",
                };
            }
        }

        return new ScimGroup
        {
            Schemas = [ScimSchemaUris.Group],
            Id = Id,
            ExternalId = ExternalId,
            DisplayName = DisplayName,
            Members = members,
            Meta = new ScimMeta
            {
                ResourceType = "Group",
                Created = Created,
                LastModified = LastModified,
                Version = ScimETag.FromVersion(Version),
                Location = Text(ScimUserDecision.LocationOf(groupsEndpoint, Id)),
            },
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"Group {Id} \"{DisplayName}\" v{Version}";

    internal ScimStoredGroup With(string displayName, string? externalId, long version, DateTimeOffset lastModified, IReadOnlyList<ScimGroupMember>? members) =>
        new(Id, displayName, externalId, version, Created, lastModified, members);

    private static string Text(Uri uri) => uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
}
