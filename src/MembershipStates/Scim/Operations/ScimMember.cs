namespace MembershipStates.Scim;

/// <summary>
/// One membership as a host stored it: its lifecycle facts and the SCIM attributes kept for it in that organization.
/// </summary>
/// <remarks>
/// The attributes are the host's (everything but <c>id</c>, <c>active</c> and <c>meta</c>, which the
/// <see cref="Membership"/> supplies). Immutable once built; thread-safe if the attributes are not changed.
/// </remarks>
public sealed class ScimMember
{
    /// <summary>Initializes a new instance of the <see cref="ScimMember"/> class.</summary>
    /// <param name="membership">The lifecycle facts; an Active or Inactive membership.</param>
    /// <param name="attributes">The SCIM attributes the host keeps for the membership.</param>
    /// <exception cref="ArgumentException"><paramref name="membership"/> is a non-member; a non-member is no stored member.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="attributes"/> is null.</exception>
    public ScimMember(in MembershipSnapshot membership, ScimUser attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (!membership.Exists)
        {
            throw new ArgumentException("A stored member is Active or Inactive; a non-member is no member at all.", nameof(membership));
        }

        Membership = membership;
        Attributes = attributes;
    }

    /// <summary>Gets the lifecycle facts of the membership.</summary>
    public MembershipSnapshot Membership { get; }

    /// <summary>Gets the SCIM attributes the host keeps for the membership.</summary>
    public ScimUser Attributes { get; }

    /// <summary>Gets the SCIM id of the membership.</summary>
    public string Id => Membership.Id!;

    /// <summary>Builds the SCIM resource a provider reads: the attributes with <c>id</c>, <c>active</c> and <c>meta</c>.</summary>
    /// <param name="usersEndpoint">The absolute URL of the organization's <c>/Users</c> endpoint.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="usersEndpoint"/> is null.</exception>
    public ScimUser ToResource(Uri usersEndpoint) =>
        Attributes.WithMembership(Membership, ScimUserDecision.LocationOf(usersEndpoint, Id));
}
