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
/// was decided on. Member changes are rows inserted and deleted, never a rewrite of the list; adding a member writes
/// one row, on the side its state as read in the transaction names (<see cref="TwoStateHost.GroupTableOf"/>).</para>
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

    public async Task<ScimGroupPage> QueryAsync(string organization, ScimGroupQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        var groups = db.Groups.AsNoTracking().Where(g => g.OrganizationId == organizationId);
        var map = FilterMap();
        if (query.Filter is { } filter)
        {
            if (!map.TryTranslate(filter, out var predicate, out var error))
            {
                return ScimGroupPage.Failed(error);
            }

            groups = groups.Where(predicate);
        }

        // The order asked for, ties broken by id; else a stable one, the same for every page size: creation time, then id.
        IOrderedQueryable<Group> ordered;
        if (query.Sort is { } sort)
        {
            if (!map.TryOrder(groups, sort, out var sorted, out var error))
            {
                return ScimGroupPage.Failed(error);
            }

            ordered = sorted;
        }
        else
        {
            ordered = groups.OrderBy(g => g.Created).ThenBy(g => g.ScimId);
        }

        var total = await groups.CountAsync(cancellationToken).ConfigureAwait(false);
        if (query.Page.Count == 0 || query.Page.Offset >= total)
        {
            return ScimGroupPage.Of([], total);
        }

        var page = await ordered
            .Skip(query.Page.Offset)
            .Take(query.Page.Count)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (!query.IncludeMembers)
        {
            return ScimGroupPage.Of([.. page.Select(g => Stored(g, null))], total);
        }

        var ids = page.Select(g => g.Id).ToList();
        var members = await db.GroupMembers.Where(m => m.OrganizationId == organizationId && ids.Contains(m.GroupId))
            .Join(db.Memberships.Where(u => u.OrganizationId == organizationId), m => m.UserId, u => u.UserId, (m, u) => new GroupMemberEntry { GroupId = m.GroupId, ScimId = u.ScimId, UserName = u.UserName })
            .Concat(db.InactiveGroupMembers.Where(m => m.OrganizationId == organizationId && ids.Contains(m.GroupId))
                .Join(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId), m => m.UserId, r => r.UserId, (m, r) => new GroupMemberEntry { GroupId = m.GroupId, ScimId = r.ScimId, UserName = r.UserName }))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var byGroup = members.ToLookup(m => m.GroupId);
        return ScimGroupPage.Of([.. page.Select(g => Stored(g, byGroup[g.Id]))], total);
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
                cancellationToken => StageAsync(organizationId, change, cancellationToken),
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
    /// Reads, inside the commit's transaction, the group and the members the change names, checks that the group is
    /// still at the version decided on, that its <c>displayName</c> stays unique and that every added value is a
    /// member of this organization, and applies the change as rows.
    /// </summary>
    private async Task<ScimGroupCommitResult> StageAsync(int organizationId, ScimGroupChange change, CancellationToken cancellationToken)
    {
        var group = await queries.TrackedById(db, organizationId, change.GroupId, cancellationToken).ConfigureAwait(false);
        if (change.Kind == ScimGroupChangeKind.Create)
        {
            if (group is not null || await queries.IdTaken(db, change.GroupId, cancellationToken).ConfigureAwait(false))
            {
                return ScimGroupCommitResult.VersionConflict;
            }
        }
        else if (group is null || group.Version != change.PreviousVersion)
        {
            return ScimGroupCommitResult.VersionConflict;
        }

        if (change.Kind == ScimGroupChangeKind.Delete)
        {
            // The memberships on both sides go with the group; the users and their memberships stay.
            await DeleteMembersAsync(organizationId, group!.Id, users: null, cancellationToken).ConfigureAwait(false);
            db.Groups.Remove(group);
            return ScimGroupCommitResult.Committed;
        }

        var next = change.Group!;
        var normalized = Normalization.Normalize(next.DisplayName);
        if (normalized != group?.NormalizedDisplayName
            && await queries.DisplayNameTaken(db, organizationId, normalized, cancellationToken).ConfigureAwait(false))
        {
            return ScimGroupCommitResult.UniquenessViolation;
        }

        // The members the change names, as they are now: a value that is no member of this organization (unknown,
        // removed, another organization's) refuses the whole change.
        var named = await NamedMembersAsync(organizationId, change, cancellationToken).ConfigureAwait(false);
        if (change.AddedMembers.Any(id => !named.ContainsKey(id)))
        {
            return ScimGroupCommitResult.UnknownMember;
        }

        if (group is null)
        {
            group = new Group
            {
                OrganizationId = organizationId,
                ScimId = next.Id,
                DisplayName = next.DisplayName,
                NormalizedDisplayName = normalized,
                Created = next.Created,
            };
            db.Groups.Add(group);
        }

        group.DisplayName = next.DisplayName;
        group.NormalizedDisplayName = normalized;
        group.ExternalId = next.ExternalId;
        group.Version = next.Version;
        group.LastModified = next.LastModified;

        // Written now, where the version is still the one read: a new group gets its key for the rows below.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        if (change.ReplacesMembers && change.Kind != ScimGroupChangeKind.Create)
        {
            await DeleteMembersAsync(organizationId, group.Id, users: null, cancellationToken).ConfigureAwait(false);
        }

        var removed = change.RemovedMembers.Where(named.ContainsKey).Select(id => named[id].UserId).ToList();
        if (removed.Count > 0)
        {
            await DeleteMembersAsync(organizationId, group.Id, removed, cancellationToken).ConfigureAwait(false);
        }

        await AddMembersAsync(organizationId, group.Id, [.. change.AddedMembers.Select(id => named[id])], checkExisting: !change.ReplacesMembers, cancellationToken).ConfigureAwait(false);
        return ScimGroupCommitResult.Committed;
    }

    /// <summary>The members named by the change's deltas, by SCIM id, with the side each is on now.</summary>
    private async Task<Dictionary<string, MemberKey>> NamedMembersAsync(int organizationId, ScimGroupChange change, CancellationToken cancellationToken)
    {
        var ids = change.AddedMembers.Concat(change.RemovedMembers).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.Memberships.Where(m => m.OrganizationId == organizationId && ids.Contains(m.ScimId))
            .Select(m => new MemberKey { ScimId = m.ScimId, UserId = m.UserId, Active = true })
            .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && ids.Contains(r.ScimId))
                .Select(r => new MemberKey { ScimId = r.ScimId, UserId = r.UserId, Active = false }))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return found.ToDictionary(m => m.ScimId, StringComparer.Ordinal);
    }

    /// <summary>Inserts one row per added member that the group does not have yet, on the side of its state.</summary>
    private async Task AddMembersAsync(int organizationId, int groupId, List<MemberKey> added, bool checkExisting, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        var present = new HashSet<int>();
        if (checkExisting)
        {
            // Only the rows of the members added, never the group's list: adding one member reads at most one row.
            var users = added.Select(m => m.UserId).ToList();
            present.UnionWith(await db.GroupMembers.Where(m => m.OrganizationId == organizationId && m.GroupId == groupId && users.Contains(m.UserId)).Select(m => m.UserId)
                .Concat(db.InactiveGroupMembers.Where(m => m.OrganizationId == organizationId && m.GroupId == groupId && users.Contains(m.UserId)).Select(m => m.UserId))
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false));
        }

        foreach (var member in added.Where(m => !present.Contains(m.UserId)))
        {
            switch (TwoStateHost.GroupTableOf(member.Active ? MembershipState.Active : MembershipState.Inactive))
            {
                case TwoStateGroupTable.GroupMembers:
                    db.GroupMembers.Add(new GroupMember { OrganizationId = organizationId, GroupId = groupId, UserId = member.UserId });
                    break;
                case TwoStateGroupTable.InactiveGroupMembers:
                    db.InactiveGroupMembers.Add(new InactiveGroupMember { OrganizationId = organizationId, GroupId = groupId, UserId = member.UserId });
                    break;
                default:
                    throw new InvalidOperationException($"Member {member.ScimId} has no group table.");
            }
        }
    }

    /// <summary>Deletes a group's rows on both sides: all of them, or those of some users.</summary>
    private async Task DeleteMembersAsync(int organizationId, int groupId, List<int>? users, CancellationToken cancellationToken)
    {
        var active = db.GroupMembers.Where(m => m.OrganizationId == organizationId && m.GroupId == groupId);
        var inactive = db.InactiveGroupMembers.Where(m => m.OrganizationId == organizationId && m.GroupId == groupId);
        if (users is not null)
        {
            active = active.Where(m => users.Contains(m.UserId));
            inactive = inactive.Where(m => users.Contains(m.UserId));
        }

        await active.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await inactive.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
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
