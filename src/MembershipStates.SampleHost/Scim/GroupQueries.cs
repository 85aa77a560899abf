using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>A member named by a group change or a filter: its SCIM id, the app's user, and which side it is on.</summary>
internal sealed class MemberKey
{
    public required string ScimId { get; set; }

    public int UserId { get; set; }

    public bool Active { get; set; }
}

/// <summary>One member of a group as a group read shows it: the user's SCIM id and its <c>userName</c>.</summary>
internal sealed class GroupMemberEntry
{
    public int GroupId { get; set; }

    public required string ScimId { get; set; }

    public required string UserName { get; set; }
}

/// <summary>One group of a member, for the User's read-only <c>groups</c>.</summary>
internal sealed class MemberGroupEntry
{
    public required string MemberId { get; set; }

    public required string GroupId { get; set; }

    public required string DisplayName { get; set; }
}

/// <summary>
/// The group store's queries that do not depend on the request's filter, compiled once per application (see
/// <see cref="MemberQueries"/> for why a singleton).
/// </summary>
internal sealed class GroupQueries
{
    public Func<MembershipDbContext, int, string, CancellationToken, Task<Group?>> ById { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id, CancellationToken cancellationToken) =>
            db.Groups.AsNoTracking().SingleOrDefault(g => g.OrganizationId == organizationId && g.ScimId == id));

    /// <summary>The group a commit changes, tracked: its update and delete are guarded by the version read.</summary>
    public Func<MembershipDbContext, int, string, CancellationToken, Task<Group?>> TrackedById { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id, CancellationToken cancellationToken) =>
            db.Groups.SingleOrDefault(g => g.OrganizationId == organizationId && g.ScimId == id));

    /// <summary>Whether any group, of any organization, has the SCIM id: ids are unique across the database.</summary>
    public Func<MembershipDbContext, string, CancellationToken, Task<bool>> IdTaken { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, string id, CancellationToken cancellationToken) =>
            db.Groups.Any(g => g.ScimId == id));

    public Func<MembershipDbContext, int, string, CancellationToken, Task<bool>> DisplayNameTaken { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string normalized, CancellationToken cancellationToken) =>
            db.Groups.Any(g => g.OrganizationId == organizationId && g.NormalizedDisplayName == normalized));

    /// <summary>The members of one group on both sides, Active and Inactive, with their user names.</summary>
    public Func<MembershipDbContext, int, int, IAsyncEnumerable<GroupMemberEntry>> MembersOf { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, int groupId) =>
            db.GroupMembers.Where(m => m.OrganizationId == organizationId && m.GroupId == groupId)
                .Join(db.Memberships.Where(u => u.OrganizationId == organizationId), m => m.UserId, u => u.UserId, (m, u) => new GroupMemberEntry { GroupId = m.GroupId, ScimId = u.ScimId, UserName = u.UserName })
                .Concat(db.InactiveGroupMembers.Where(m => m.OrganizationId == organizationId && m.GroupId == groupId)
                    .Join(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId), m => m.UserId, r => r.UserId, (m, r) => new GroupMemberEntry { GroupId = m.GroupId, ScimId = r.ScimId, UserName = r.UserName })));

    /// <summary>The groups of one member, on the side it is on: what a User's response shows.</summary>
    public Func<MembershipDbContext, int, string, IAsyncEnumerable<MemberGroupEntry>> GroupsOfMember { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string memberId) =>
            db.Memberships.Where(u => u.OrganizationId == organizationId && u.ScimId == memberId)
                .Join(db.GroupMembers.Where(m => m.OrganizationId == organizationId), u => u.UserId, m => m.UserId, (u, m) => new { u.ScimId, m.GroupId })
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.ScimId == memberId)
                    .Join(db.InactiveGroupMembers.Where(m => m.OrganizationId == organizationId), r => r.UserId, m => m.UserId, (r, m) => new { r.ScimId, m.GroupId }))
                .Join(db.Groups.Where(g => g.OrganizationId == organizationId), x => x.GroupId, g => g.Id, (x, g) => new MemberGroupEntry { MemberId = x.ScimId, GroupId = g.ScimId, DisplayName = g.DisplayName }));
}
