using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// Writes one group change inside the commit's transaction: checks what the change was decided on, then applies it
/// as rows. Member changes are rows inserted and deleted, never a rewrite of the list; adding a member writes one
/// row, on the side its state as read in the transaction names (<see cref="TwoStateHost.GroupTableOf"/>).
/// </summary>
internal sealed class GroupChangeWriter(MembershipDbContext db, GroupQueries queries)
{
    /// <summary>
    /// Reads, inside the commit's transaction, the group and the members the change names, checks that the group is
    /// still at the version decided on, that its <c>displayName</c> stays unique and that every added value is a
    /// member of this organization, and applies the change as rows.
    /// </summary>
    public async Task<ScimGroupCommitResult> StageAsync(int organizationId, ScimGroupChange change, CancellationToken cancellationToken)
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
}
