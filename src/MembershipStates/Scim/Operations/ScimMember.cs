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

    /// <summary>Initializes a new instance of the <see cref="ScimMember"/> class with the groups the member is in, read with it.</summary>
    /// <param name="membership">The lifecycle facts; an Active or Inactive membership.</param>
    /// <param name="attributes">The SCIM attributes the host keeps for the membership.</param>
    /// <param name="groups">The member's groups (<c>value</c> and <c>display</c> of each), Inactive members' included, in
    /// the order the User's <c>groups</c> lists them: what the group store's <c>FindGroupsOfMembersAsync</c> answers.
    /// A store that reads them in the member's own query saves the answer a second read.</param>
    /// <exception cref="ArgumentException"><paramref name="membership"/> is a non-member; a non-member is no stored member.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="attributes"/> or <paramref name="groups"/> is null.</exception>
    public ScimMember(in MembershipSnapshot membership, ScimUser attributes, IReadOnlyList<ScimGroupReference> groups)
        : this(membership, attributes)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = groups;
    }

    /// <summary>Gets the lifecycle facts of the membership.</summary>
    public MembershipSnapshot Membership { get; }

    /// <summary>Gets the SCIM attributes the host keeps for the membership.</summary>
    public ScimUser Attributes { get; }

    /// <summary>Gets the member's groups when the store read them with it, or <see langword="null"/> when it did not
    /// (then the answer asks the group store).</summary>
    public IReadOnlyList<ScimGroupReference>? Groups { get; }

    /// <summary>Gets the SCIM id of the membership.</summary>
    public string Id => Membership.Id!;

    /// <summary>Builds the SCIM resource a provider reads: the attributes with <c>id</c>, <c>active</c> and <c>meta</c>.</summary>
    /// <param name="usersEndpoint">The absolute URL of the organization's <c>/Users</c> endpoint.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="usersEndpoint"/> is null.</exception>
    public ScimUser ToResource(Uri usersEndpoint) =>
        Attributes.WithMembership(Membership, ScimUserDecision.LocationOf(usersEndpoint, Id));
}
