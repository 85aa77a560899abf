namespace MembershipStates;

/// <summary>
/// The state of one user's membership in one organization, as an identity provider sees it.
/// </summary>
/// <remarks>
/// <para>The <c>default</c> value is <see cref="NotMember"/>.</para>
/// <para>SCIM providers such as Okta and Microsoft Entra ID assume all three states exist. A host whose own model has
/// only "member or not" keeps <see cref="Inactive"/> in one side record per inactive membership.</para>
/// </remarks>
public enum MembershipState
{
    /// <summary>Never provisioned in the organization, or removed by a SCIM <c>DELETE</c>: every operation answers 404.</summary>
    NotMember = 0,

    /// <summary>In the organization and enabled: reads answer 200 with <c>"active": true</c>.</summary>
    Active = 1,

    /// <summary>In the organization and disabled (deactivated, unassigned, soft-deleted): reads answer 200 with <c>"active": false</c>.</summary>
    Inactive = 2,
}
