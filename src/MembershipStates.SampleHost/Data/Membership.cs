namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The app's membership: a row means the user is in the organization, no row means they are not. Two states.
/// </summary>
/// <remarks>
/// The app had (organization, user, joined) before SCIM. For SCIM it gained the columns of
/// <see cref="ScimColumns"/> (where the (organization, user) pair both tables key on is declared once), so that an
/// active member carries its SCIM id, version and attributes.
/// </remarks>
internal sealed class Membership : ScimColumns
{
    public DateTimeOffset JoinedAt { get; set; }
}
