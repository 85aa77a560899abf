namespace MembershipStates.SampleHost.Data;

/// <summary>A group of one organization, as its provider pushes it: the SCIM id, the names, the version and the timestamps.</summary>
/// <remarks>
/// Its members are rows of <see cref="GroupMember"/> (Active members: the app's access table) and of
/// <see cref="InactiveGroupMember"/> (Inactive members), never a list kept on the group.
/// </remarks>
internal sealed class Group
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>Gets or sets the SCIM id, stable for the life of the group.</summary>
    public required string ScimId { get; set; }

    public string? ExternalId { get; set; }

    /// <summary>Gets or sets the <c>displayName</c> exactly as the provider sent it.</summary>
    public required string DisplayName { get; set; }

    /// <summary>Gets or sets <see cref="DisplayName"/> normalized: unique per organization (<c>displayName</c> compares case-insensitively).</summary>
    public required string NormalizedDisplayName { get; set; }

    /// <summary>Gets or sets the version (<c>meta.version</c>, the ETag); the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }
}
