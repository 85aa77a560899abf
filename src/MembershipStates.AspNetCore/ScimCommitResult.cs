namespace MembershipStates.AspNetCore;

/// <summary>
/// What <see cref="IScimMemberStore.CommitAsync"/> came to.
/// </summary>
/// <remarks>The <c>default</c> value is <see cref="Committed"/>.</remarks>
public enum ScimCommitResult
{
    /// <summary>The decision's effects and attributes were applied, in one transaction.</summary>
    Committed = 0,

    /// <summary>Nothing was changed: the member is no longer in the state and version the decision was made against.</summary>
    /// <remarks>Without <c>If-Match</c> the request is read and decided again; with one that names versions it is answered 412.</remarks>
    VersionConflict = 1,

    /// <summary>Nothing was changed: another member of the organization has the same <c>userName</c> (compared case-insensitively).</summary>
    /// <remarks>Answered 409 with <c>scimType</c> <c>uniqueness</c>.</remarks>
    UniquenessViolation = 2,
}
