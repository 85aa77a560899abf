namespace MembershipStates.SampleHost.Data;

/// <summary>
/// A member as the store reads it back to answer a request: where it is (row or record), its lifecycle columns and
/// its attributes; none of the copies that only filters use.
/// </summary>
/// <remarks>
/// Reads select these few columns rather than a whole <see cref="MemberRow"/>: SQLite prepares every statement
/// anew, and preparing the two-table read of all seventeen columns cost more than running it.
/// </remarks>
internal sealed class StoredMember
{
    public bool Active { get; set; }

    public required string ScimId { get; set; }

    public long Version { get; set; }

    public required string Attributes { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }

    /// <summary>Gets or sets when an Inactive member was deactivated; meaningless for an Active one.</summary>
    public DateTimeOffset DeactivatedAt { get; set; }

    /// <summary>Gets or sets the SCIM id of one group of the member, when it is read with its groups (one row per group); else <see langword="null"/>.</summary>
    public string? GroupId { get; set; }

    /// <summary>Gets or sets the <c>displayName</c> of that group.</summary>
    public string? GroupDisplayName { get; set; }
}
