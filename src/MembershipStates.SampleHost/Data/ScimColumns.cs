namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The SCIM facts kept with a membership row and with an inactive record alike: the SCIM id, the version, the
/// timestamps, this organization's copy of the SCIM attributes, and the copies filters compare
/// (<see cref="MemberFilterColumns"/>).
/// </summary>
/// <remarks>Not an entity of its own: each table that derives from it gets these columns.</remarks>
internal abstract class ScimColumns : MemberFilterColumns
{
    public int OrganizationId { get; set; }

    public int UserId { get; set; }

    /// <summary>Gets or sets the SCIM id, stable from provisioning until removal, also across deactivation.</summary>
    public required string ScimId { get; set; }

    /// <summary>Gets or sets the version (<c>meta.version</c>, the ETag); the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets the <c>userName</c> exactly as the provider sent it.</summary>
    public required string UserName { get; set; }

    /// <summary>Gets or sets <see cref="UserName"/> upper-cased: unique per organization (<c>caseExact</c> is false).</summary>
    public required string NormalizedUserName { get; set; }

    public string? ExternalId { get; set; }

    /// <summary>Gets or sets the SCIM attributes this organization's provider sent, as JSON: never shared with another organization.</summary>
    public required string Attributes { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }
}
