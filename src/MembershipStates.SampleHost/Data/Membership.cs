namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The app's membership: a row means the user is in the organization, no row means they are not. Two states.
/// </summary>
/// <remarks>
/// The app had (organization, user, joined) before SCIM. For SCIM it gained the columns of
/// <see cref="IScimColumns"/>, so that an active member carries its SCIM id, version and attributes.
/// </remarks>
internal sealed class Membership : IScimColumns
{
    public int OrganizationId { get; set; }

    public int UserId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

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
}
