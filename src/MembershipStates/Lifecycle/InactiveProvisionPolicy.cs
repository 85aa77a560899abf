namespace MembershipStates;

/// <summary>
/// What a <see cref="MembershipCommandKind.Provision"/> does when it meets an <see cref="MembershipState.Inactive"/> membership.
/// </summary>
/// <remarks>The <c>default</c> value is <see cref="Revive"/>, which is what Okta and Microsoft Entra ID expect when they
/// re-assign a user whose lookup they did not match.</remarks>
public enum InactiveProvisionPolicy
{
    /// <summary>Revives the membership in place: the same SCIM id, the request's attributes and <c>active</c> value, 201.</summary>
    Revive = 0,

    /// <summary>Rejects the provision as a conflict (409 <c>uniqueness</c>), as for an active member.</summary>
    Reject = 1,
}
