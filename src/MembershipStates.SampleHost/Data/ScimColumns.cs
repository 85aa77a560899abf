namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The SCIM facts kept with a membership row and with an inactive record alike: the SCIM id, the version, the
/// timestamps, and this organization's copy of the SCIM attributes.
/// </summary>
/// <remarks>Not an entity of its own: each table that derives from it gets these columns.</remarks>
internal abstract class ScimColumns
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

    // Copies of a few attributes, so that filters on them run in SQL: displayName, name.givenName,
    // name.familyName, and the work (else primary, else first) e-mail address.
    public string? DisplayName { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? Email { get; set; }

    /// <summary>Gets or sets <see cref="Email"/> normalized, for filters on e-mail addresses (<c>caseExact</c> is false).</summary>
    /// <remarks>
    /// Not indexed: only Entra ID's e-mail matching filters on it, and every index is one more page that each
    /// deactivation and reactivation writes and syncs (it moves the member between the two tables).
    /// </remarks>
    public string? NormalizedEmail { get; set; }

    /// <summary>Gets or sets the SCIM attributes this organization's provider sent, as JSON: never shared with another organization.</summary>
    public required string Attributes { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }
}
