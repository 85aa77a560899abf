namespace MembershipStates.AspNetCore;

/// <summary>
/// What <see cref="IScimGroupStore.CommitAsync"/> came to.
/// </summary>
/// <remarks>The <c>default</c> value is <see cref="Committed"/>.</remarks>
public enum ScimGroupCommitResult
{
    /// <summary>The change was applied, in one transaction.</summary>
    Committed = 0,

    /// <summary>Nothing was changed: the group is no longer at the version the change was decided against (or, for a creation, the id is taken).</summary>
    /// <remarks>Without <c>If-Match</c> the request is read and decided again; with one that names versions it is answered 412.</remarks>
    VersionConflict = 1,

    /// <summary>Nothing was changed: another group of the organization has the same <c>displayName</c> (compared case-insensitively).</summary>
    /// <remarks>Answered 409 with <c>scimType</c> <c>uniqueness</c>.</remarks>
    UniquenessViolation = 2,

    /// <summary>Nothing was changed: a member to add is not a member of this organization (unknown, removed, or another organization's).</summary>
    /// <remarks>Answered 400 with <c>scimType</c> <c>invalidValue</c>.</remarks>
    UnknownMember = 3,
}
