namespace MembershipStates.Scim;

/// <summary>The <c>sortOrder</c> of a list or query (RFC 7644 §3.4.2.3).</summary>
public enum ScimSortOrder
{
    /// <summary><c>ascending</c>, the default: smallest value first, resources without a value last.</summary>
    Ascending,

    /// <summary><c>descending</c>: the exact reverse of <see cref="Ascending"/>, resources without a value first.</summary>
    Descending,
}
