namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The one table SCIM adds: a membership the provider deactivated. The user is not in the organization (no
/// <see cref="Membership"/> row), yet the provider still sees them, <c>active: false</c>, with the same id.
/// </summary>
/// <remarks>
/// MembershipStates' two-state recipe (<see cref="TwoStateHost"/>): deactivation moves the row here, reactivation
/// moves it back. Never a membership row and an inactive record for the same (organization, user).
/// </remarks>
internal sealed class InactiveMembership : IScimColumns
{
    public int OrganizationId { get; set; }

    public int UserId { get; set; }

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

    public DateTimeOffset DeactivatedAt { get; set; }
}
