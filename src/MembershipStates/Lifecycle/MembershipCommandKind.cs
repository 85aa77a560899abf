namespace MembershipStates;

/// <summary>
/// The lifecycle commands a SCIM request can carry for one membership.
/// </summary>
/// <remarks>The <c>default</c> value is <see cref="Read"/>, the command that never changes anything.</remarks>
public enum MembershipCommandKind
{
    /// <summary>Reads the membership (<c>GET</c>, a filter or a list). Never changes anything.</summary>
    Read = 0,

    /// <summary>Provisions the membership (<c>POST</c>) as active or inactive.</summary>
    Provision = 1,

    /// <summary>Sets <c>active</c> to false (<c>PATCH</c> or <c>PUT</c>).</summary>
    Deactivate = 2,

    /// <summary>Sets <c>active</c> to true (<c>PATCH</c> or <c>PUT</c>).</summary>
    Reactivate = 3,

    /// <summary>Changes attributes other than <c>active</c> (<c>PATCH</c> or <c>PUT</c>).</summary>
    UpdateProfile = 4,

    /// <summary>Removes the membership (<c>DELETE</c>); afterwards every operation on its id is 404 (RFC 7644 §3.6).</summary>
    Remove = 5,
}
