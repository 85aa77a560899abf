namespace MembershipStates;

/// <summary>
/// What deciding a command against a membership came to.
/// </summary>
/// <remarks>The <c>default</c> value is <see cref="NotFound"/>. Only <see cref="Created"/>, <see cref="Updated"/>,
/// <see cref="Revived"/> and <see cref="Removed"/> change anything; every other outcome has no effects.</remarks>
public enum MembershipOutcome
{
    /// <summary>The membership does not exist (404). No effects.</summary>
    NotFound = 0,

    /// <summary>A new membership was provisioned with a new id and version 1 (201).</summary>
    Created = 1,

    /// <summary>The membership changed state or attributes, and its version was incremented (200).</summary>
    Updated = 2,

    /// <summary>The command asked for what already holds; nothing changes and the version stays (200).</summary>
    Unchanged = 3,

    /// <summary>A provision met an inactive membership and revived it in place, keeping its id (201).</summary>
    Revived = 4,

    /// <summary>The membership was removed; its id answers 404 from now on (204).</summary>
    Removed = 5,

    /// <summary>A provision met an existing membership it may not replace (409 <c>uniqueness</c>). No effects.</summary>
    Conflict = 6,

    /// <summary>The expected version did not match the current one (412). No effects.</summary>
    PreconditionFailed = 7,
}
