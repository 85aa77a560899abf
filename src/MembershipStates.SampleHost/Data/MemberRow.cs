namespace MembershipStates.SampleHost.Data;

/// <summary>
/// A member as SCIM sees one, Active (from <c>memberships</c>) or Inactive (from <c>inactive_memberships</c>): the
/// shape that queries, filters and pages run over.
/// </summary>
internal sealed class MemberRow
{
    public int OrganizationId { get; set; }

    public int UserId { get; set; }

    public bool Active { get; set; }

    public required string ScimId { get; set; }

    public long Version { get; set; }

    public required string UserName { get; set; }

    public required string NormalizedUserName { get; set; }

    public string? ExternalId { get; set; }

    public string? DisplayName { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? Email { get; set; }

    public string? NormalizedEmail { get; set; }

    public required string Attributes { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }

    /// <summary>Gets or sets when an Inactive member was deactivated; meaningless for an Active one.</summary>
    public DateTimeOffset DeactivatedAt { get; set; }
}
