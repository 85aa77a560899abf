using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// The store of the <c>/Groups</c> endpoints over the app's tables: <c>groups</c>, the app's <c>group_members</c>
/// (Active members: access) and <c>inactive_group_members</c> (Inactive members: kept, suspended).
/// </summary>
/// <remarks>
/// <para>Like <see cref="SampleMemberStore"/> it keeps nothing between calls: a commit reads the group and the members
/// it names again in a serializable transaction, and applies the change only if the group is still at the version it
/// was decided on (<see cref="GroupChangeWriter"/>).</para>
/// <para>Every query names the organization, and a membership row's key includes it, so nothing crosses
/// organizations.</para>
/// </remarks>
internal sealed class SampleGroupStore(MembershipDbContext db, GroupQueries queries, Organizations organizations) : IScimGroupStore
{
    public async Task<ScimStoredGroup?> FindByIdAsync(string organization, string id, bool includeMembers, CancellationToken cancellationToken = default)
    {
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        var group = await queries.ById(db, organizationId, id, cancellationToken).ConfigureAwait(false);
        if (group is null)
        {
            return null;
        }

        List<GroupMemberEntry>? members = null;
        if (includeMembers)
        {
            members = [];
            await foreach (var member in queries.MembersOf(db, organizationId, group.Id).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                members.Add(member);
            }
        }

        return Stored(group, members);
    }

    public async Task<ScimResult<ScimGroupPage>> QueryAsync(string organization, ScimGroupQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        var groups = db.Groups.AsNoTracking().Where(g => g.OrganizationId == organizationId);
        var map = FilterMap();
        if (query.Filter is { } filter)
        {
            var translated = map.Translate(filter);
            if (!translated.TryGetValue(out var predicate))
            {
                return ScimResult.Failure<ScimGroupPage>(translated.Error);
            }

            groups = groups.Where(predicate);
        }

        // The order asked for, ties broken by id; else a stable one, the same for every page size: creation time, then id.
        var sorted = query.Sort is { } sort
            ? map.Order(groups, sort)
            : ScimResult.Success<IOrderedQueryable<Group>>(groups.OrderBy(g => g.Created).ThenBy(g => g.ScimId));
        if (!sorted.TryGetValue(out var ordered))
        {
            return ScimResult.Failure<ScimGroupPage>(sorted.Error);
        }

        var total = await groups.CountAsync(cancellationToken).ConfigureAwait(false);
        if (query.Page.Count == 0 || query.Page.Offset >= total)
        {
            return ScimResult.Success(ScimGroupPage.Of([], total));
        }

        var page = await ordered
            .Skip(query.Page.Offset)
            .Take(query.Page.Count)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (!query.IncludeMembers)
        {
            return ScimResult.Success(ScimGroupPage.Of([.. page.Select(g => Stored(g, null))], total));
        }

        var ids = page.Select(g => g.Id).ToList();
        var members = await db.GroupMembers.Where(m => m.OrganizationId == organizationId && ids.Contains(m.GroupId))
            .Join(db.Memberships.Where(u => u.OrganizationId == organizationId), m => m.UserId, u => u.UserId, (m, u) => new GroupMemberEntry { GroupId = m.GroupId, ScimId = u.ScimId, UserName = u.UserName })
            .Concat(db.InactiveGroupMembers.Where(m => m.OrganizationId == organizationId && ids.Contains(m.GroupId))
                .Join(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId), m => m.UserId, r => r.UserId, (m, r) => new GroupMemberEntry { GroupId = m.GroupId, ScimId = r.ScimId, UserName = r.UserName }))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var byGroup = members.ToLookup(m => m.GroupId);
        return ScimResult.Success(ScimGroupPage.Of([.. page.Select(g => Stored(g, byGroup[g.Id]))], total));
    }

    public async Task<ScimGroupCommitResult> CommitAsync(string organization, ScimGroupChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SerializableCommit.RunAsync(
                db,
                cancellationToken => new GroupChangeWriter(db, queries).StageAsync(organizationId, change, cancellationToken),
                result => result == ScimGroupCommitResult.Committed,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The group's update or delete, guarded by the version read, affected no row: another writer changed it.
            return ScimGroupCommitResult.VersionConflict;
        }
        catch (Exception exception) when (DatabaseErrors.GroupCommitResultOf(exception) is { } refused)
        {
            return refused;
        }
    }

    public async Task<ILookup<string, ScimGroupReference>> FindGroupsOfMembersAsync(string organization, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        List<MemberGroupEntry> found;
        if (memberIds.Count == 1)
        {
            // One user's response, the usual case: the compiled query.
            found = [];
            await foreach (var entry in queries.GroupsOfMember(db, organizationId, memberIds.First()).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                found.Add(entry);
            }
        }
        else
        {
            var ids = memberIds.ToList();
            found = await db.Memberships.Where(u => u.OrganizationId == organizationId && ids.Contains(u.ScimId))
                .Join(db.GroupMembers.Where(m => m.OrganizationId == organizationId), u => u.UserId, m => m.UserId, (u, m) => new { u.ScimId, m.GroupId })
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && ids.Contains(r.ScimId))
                    .Join(db.InactiveGroupMembers.Where(m => m.OrganizationId == organizationId), r => r.UserId, m => m.UserId, (r, m) => new { r.ScimId, m.GroupId }))
                .Join(db.Groups.Where(g => g.OrganizationId == organizationId), x => x.GroupId, g => g.Id, (x, g) => new MemberGroupEntry { MemberId = x.ScimId, GroupId = g.ScimId, DisplayName = g.DisplayName })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
        }

        return found
            .OrderBy(e => e.GroupId, StringComparer.Ordinal)
            .ToLookup(e => e.MemberId, e => new ScimGroupReference { Value = e.GroupId, Display = e.DisplayName }, StringComparer.Ordinal);
    }

    /// <summary>
    /// The filters the providers send on groups: <c>id</c>, <c>externalId</c>, <c>displayName</c> (case-insensitive,
    /// on the normalized column its unique index is on) and <c>members</c>, an <c>EXISTS</c> over both sides.
    /// </summary>
    private ScimFilterMap<Group> FilterMap() => new ScimFilterMap<Group>()
        .Map("id", g => g.ScimId)
        .Map("externalId", g => g.ExternalId)
        .MapNormalized("displayName", g => g.NormalizedDisplayName, Normalization.Normalize)
        .MapMembers((g, userId) =>
            db.GroupMembers.Any(m => m.OrganizationId == g.OrganizationId && m.GroupId == g.Id
                && db.Memberships.Any(u => u.OrganizationId == m.OrganizationId && u.UserId == m.UserId && u.ScimId == userId))
            || db.InactiveGroupMembers.Any(m => m.OrganizationId == g.OrganizationId && m.GroupId == g.Id
                && db.InactiveMemberships.Any(r => r.OrganizationId == m.OrganizationId && r.UserId == m.UserId && r.ScimId == userId)));

    private static ScimStoredGroup Stored(Group group, IEnumerable<GroupMemberEntry>? members) =>
        new(
            group.ScimId,
            group.DisplayName,
            group.ExternalId,
            group.Version,
            group.Created,
            group.LastModified,
            members?.OrderBy(m => m.ScimId, StringComparer.Ordinal).Select(m => new ScimGroupMember { Value = m.ScimId, Display = m.UserName }).ToList());
}
