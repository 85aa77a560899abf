using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The members of one organization as the host stores them: the only persistence the SCIM endpoints need.
/// </summary>
/// <remarks>
/// <para>The host implements it over its own tables. A two-state host keeps its membership table (row = Active)
/// and adds one side table of inactive memberships, and applies each decision with
/// <see cref="TwoStateHost.Plan"/>; see <c>docs/integration-guide.md</c>.</para>
/// <para><b>Organizations.</b> Every call names the organization key that the <see cref="IScimOrganizationResolver"/>
/// returned for the request. Nothing of one organization may be read or changed through another: the same
/// <c>userName</c> lives independently in each, and the attributes are kept per organization.</para>
/// <para><b>What a member is.</b> An Active or Inactive membership, as a <see cref="ScimMember"/>: its lifecycle
/// facts (id, version, timestamps) and the SCIM attributes last stored for it. A removed membership is gone: no
/// call returns it.</para>
/// <para><b>Errors.</b> Version conflicts and uniqueness violations are values of <see cref="ScimCommitResult"/>,
/// never exceptions. Any exception is answered 500 without its details. Every method honours its
/// <see cref="CancellationToken"/>.</para>
/// <para><b>No state between calls.</b> A store keeps nothing from one call for the next: everything a commit needs
/// is passed to it. <see cref="CommitAsync"/> gets the decision, whose <see cref="MembershipDecision.Previous"/> is
/// the snapshot the decision was made on (id, state, version), and checks it against the database in the commit's
/// own transaction. So any store, in any instance of the host, can commit a decision made on any read, and several
/// instances behind a load balancer over one database keep every guarantee: the database decides races, never a
/// lock in one process.</para>
/// <para>Resolved from the request's services once per request; a scoped registration (one per request, such as
/// one over an EF Core <c>DbContext</c>) is the usual one.</para>
/// </remarks>
public interface IScimMemberStore
{
    /// <summary>Finds the member with a SCIM id, Active or Inactive.</summary>
    /// <param name="organization">The organization key.</param>
    /// <param name="id">The SCIM id, exactly as the request names it; any text, which may match nothing.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The member, or <see langword="null"/> when the organization has none with that id.</returns>
    /// <remarks>A host that serves groups may return the member with its groups (<see cref="ScimMember.Groups"/>),
    /// read in the same query: the User's answer then shows them without asking the group store.</remarks>
    Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default);

    /// <summary>Finds the member a provisioning request meets: the one with the <c>userName</c>, else the one with the <c>externalId</c>, Active or Inactive.</summary>
    /// <param name="organization">The organization key.</param>
    /// <param name="userName">The <c>userName</c>, compared case-insensitively (RFC 7643 §4.1.1: <c>caseExact</c> is false).</param>
    /// <param name="externalId">The <c>externalId</c>, compared exactly, or <see langword="null"/> to match by <c>userName</c> only.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The member, or <see langword="null"/> when neither matches.</returns>
    Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the members that match a query, Active and Inactive alike.</summary>
    /// <param name="organization">The organization key.</param>
    /// <param name="query">The filter, the order and the page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The page and the total number of matches; or a failed result whose error answers a filter or sort the store
    /// cannot run, such as the one <see cref="ScimFilterMap{T}.Translate"/> or <see cref="ScimFilterMap{T}.Order"/>
    /// gave (<see cref="ScimResult.Failure{T}"/>).
    /// </returns>
    /// <remarks>The order is total and the same for every page size, so that paging through the results meets every
    /// member once: the <see cref="ScimMemberQuery.Sort"/> when there is one (<see cref="ScimFilterMap{T}.Order"/>
    /// applies it and breaks ties by id), otherwise the store's own (for example by creation time, then id).</remarks>
    Task<ScimResult<ScimMemberPage>> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default);

    /// <summary>Applies one decision's effects and attributes atomically, if the member is still as it was decided against.</summary>
    /// <remarks>
    /// Reads nothing it did not get: the member to change is named by <see cref="MembershipDecision.Previous"/>, and the
    /// commit checks, inside its transaction, that the member is still in that state and version before it writes
    /// (for example a version column as the concurrency token of every UPDATE and DELETE, or a serializable
    /// transaction that reads it first). A store must not rely on an earlier <see cref="FindByIdAsync"/> of the same
    /// instance: the read may have happened in another process.
    /// <para>The store's unique index on (organization, normalized <c>userName</c>) is the final arbiter: two
    /// concurrent creations of one <c>userName</c> must end in one <see cref="ScimCommitResult.Committed"/> and one
    /// <see cref="ScimCommitResult.UniquenessViolation"/>.</para>
    /// </remarks>
    /// <param name="organization">The organization key.</param>
    /// <param name="decision">The decision; <see cref="MembershipDecision.IsChange"/> is true. Its
    /// <see cref="MembershipDecision.Previous"/> is the member as it was read, its <see cref="MembershipDecision.Next"/>
    /// the member to store (id, version, timestamps).</param>
    /// <param name="attributes">The SCIM attributes to store with the member, or <see langword="null"/> when the decision removes it.</param>
    /// <param name="cancellationToken">Cancels the commit; a cancelled commit changes nothing.</param>
    /// <returns>
    /// <see cref="ScimCommitResult.Committed"/> when everything was applied in one transaction;
    /// <see cref="ScimCommitResult.VersionConflict"/>, with nothing changed, when the member's state or version is no
    /// longer that of <see cref="MembershipDecision.Previous"/> (for a creation: when the id is taken);
    /// <see cref="ScimCommitResult.UniquenessViolation"/>, with nothing changed, when the <c>userName</c> to store
    /// equals, case-insensitively, that of another member of the organization, Active or Inactive.
    /// </returns>
    Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default);
}
