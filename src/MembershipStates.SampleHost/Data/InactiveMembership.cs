namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The one table SCIM adds: a membership the provider deactivated. The user is not in the organization (no
/// <see cref="Membership"/> row), yet the provider still sees them, <c>active: false</c>, with the same id.
/// </summary>
/// <remarks>
/// MembershipStates' two-state recipe (<see cref="TwoStateHost"/>): deactivation moves the row here, reactivation
/// moves it back. Never a membership row and an inactive record for the same (organization, user).
/// </remarks>
internal sealed class InactiveMembership : ScimColumns
{
    public DateTimeOffset DeactivatedAt { get; set; }
}
