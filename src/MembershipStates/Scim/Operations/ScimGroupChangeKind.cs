namespace MembershipStates.Scim;

/// <summary>What a <see cref="ScimGroupChange"/> does to the group.</summary>
/// <remarks>The <c>default</c> value is <see cref="Create"/>.</remarks>
public enum ScimGroupChangeKind
{
    /// <summary>Creates the group (<c>POST /Groups</c>) with its members.</summary>
    Create = 0,

    /// <summary>Changes the group's names or members (<c>PUT</c> or <c>PATCH</c>).</summary>
    Update = 1,

    /// <summary>Deletes the group and its memberships (<c>DELETE</c>); the members' users stay as they are.</summary>
    Delete = 2,
}
