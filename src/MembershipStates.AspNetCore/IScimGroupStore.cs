using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The groups of one organization as the host stores them: what the <c>/Groups</c> endpoints need, beside the
/// <see cref="IScimMemberStore"/>.
/// </summary>
/// <remarks>
/// <para><b>Optional.</b> Register one to serve <c>/Groups</c>; without it <c>GET /Groups</c> is an empty list, the
/// other group requests are 404 or 501, and discovery announces no Group resource type.</para>
/// <para><b>Organizations.</b> Every call names the organization key the <see cref="IScimOrganizationResolver"/>
/// returned. Nothing of one organization is read or changed through another: <c>displayName</c> is unique within
/// each organization (compared case-insensitively) and a group holds only members of its own organization.</para>
/// <para><b>Members.</b> A membership is a row of (organization, group, user). The rule "group membership follows the
/// member" (<see cref="GroupMembershipEffect"/>) decides what happens to those rows when the member's state changes;
/// the <see cref="IScimMemberStore"/> applies it in the same transaction as the change. A two-state host keeps an
/// Active member's rows in its own <c>group_members</c> table and an Inactive member's on the inactive side
/// (<see cref="TwoStateHost.GroupTableOf"/>); a group lists both.</para>
/// <para><b>Stateless between calls.</b> What a commit needs is passed to it in the <see cref="ScimGroupChange"/>;
/// nothing read earlier is kept. Conflicts are values of <see cref="ScimGroupCommitResult"/>, never exceptions; any
/// exception is answered 500 without its details. Every method honours its <see cref="CancellationToken"/>.</para>
/// <para>Resolved from the request's services once per request; a scoped registration is the usual one.</para>
/// </remarks>
public interface IScimGroupStore
{
    /// <summary>Finds a group by its SCIM id.</summary>
    /// <param name="organization">The organization key.</param>
    /// <param name="id">The SCIM id, exactly as the request names it; any text, which may match nothing.</param>
    /// <param name="includeMembers">Whether to read the members too. When <see langword="false"/>
    /// (<c>excludedAttributes=members</c>, or a change that needs no list) the store must not read them, so that a
    /// group of 10,000 members costs what a group of 10 does; <see cref="ScimStoredGroup.Members"/> is then <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The group, or <see langword="null"/> when the organization has none with that id.</returns>
    Task<ScimStoredGroup?> FindByIdAsync(string organization, string id, bool includeMembers, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the groups that match a query.</summary>
    /// <param name="organization">The organization key.</param>
    /// <param name="query">The filter, the page and whether to read members.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The page and the total number of matches; or a failed result whose error answers a filter or sort the store
    /// cannot run, such as the one <see cref="ScimFilterMap{T}.Translate"/> or <see cref="ScimFilterMap{T}.Order"/>
    /// gave (<see cref="ScimResult.Failure{T}"/>).
    /// </returns>
    /// <remarks>
    /// <para>The filters the providers send are <c>displayName eq</c>, <c>externalId eq</c>, <c>id eq</c> and, on the
    /// members, <c>members eq "u"</c>, <c>members.value eq "u"</c> and <c>members[value eq "u"]</c>, joined by
    /// <c>and</c>/<c>or</c> (Entra's probe: <c>id eq "g" and members eq "u"</c>). Translate them with a
    /// <see cref="ScimFilterMap{T}"/> whose <see cref="ScimFilterMap{T}.MapMembers"/> tests membership in the
    /// database, on both sides for a two-state host.</para>
    /// <para>The order is total and the same for every page size, so that paging meets every group once: the
    /// <see cref="ScimGroupQuery.Sort"/> when there is one (<see cref="ScimFilterMap{T}.Order"/>), otherwise the
    /// store's own.</para>
    /// </remarks>
    Task<ScimResult<ScimGroupPage>> QueryAsync(string organization, ScimGroupQuery query, CancellationToken cancellationToken = default);

    /// <summary>Applies one change atomically, if the group is still at the version it was decided against.</summary>
    /// <param name="organization">The organization key.</param>
    /// <param name="change">The change: the group as it is afterwards and the member deltas (see <see cref="ScimGroupChange"/>).</param>
    /// <param name="cancellationToken">Cancels the commit; a cancelled commit changes nothing.</param>
    /// <returns>
    /// <see cref="ScimGroupCommitResult.Committed"/> when everything was applied in one transaction;
    /// otherwise, with nothing changed: <see cref="ScimGroupCommitResult.VersionConflict"/> when the group is no longer
    /// at <see cref="ScimGroupChange.PreviousVersion"/> (gone, or for a creation: the id is taken);
    /// <see cref="ScimGroupCommitResult.UniquenessViolation"/> when another group of the organization has the same
    /// <c>displayName</c>, compared case-insensitively; <see cref="ScimGroupCommitResult.UnknownMember"/> when a value
    /// to add is not a member of this organization, Active or Inactive (unknown, removed, another organization's).
    /// </returns>
    /// <remarks>Member deltas are applied as rows: adding a member writes one row, on the side its state names, and
    /// removing one deletes it; neither reads the rest of the list. Deleting a group deletes its rows on both sides
    /// and leaves the users as they are.</remarks>
    Task<ScimGroupCommitResult> CommitAsync(string organization, ScimGroupChange change, CancellationToken cancellationToken = default);

    /// <summary>Finds the groups of some members, for their read-only <c>groups</c> attribute.</summary>
    /// <remarks>Not asked for a single member's answer when the member store returned the member with its
    /// <see cref="MembershipStates.Scim.ScimMember.Groups"/>, read in the member's own query.</remarks>
    /// <param name="organization">The organization key.</param>
    /// <param name="memberIds">The SCIM ids of the members, Active or Inactive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>For each member id, its groups: the group's id as <see cref="ScimGroupReference.Value"/> and its
    /// <c>displayName</c> as <see cref="ScimGroupReference.Display"/>; a member in no group has no entry.</returns>
    Task<ILookup<string, ScimGroupReference>> FindGroupsOfMembersAsync(string organization, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default);
}
