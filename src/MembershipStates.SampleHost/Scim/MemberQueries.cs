using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// The store's queries, compiled once per application: EF Core then skips translating them on every call. The
/// filtered list query is built per request from the provider's filter instead.
/// </summary>
/// <remarks>
/// A singleton rather than static fields: a compiled query belongs to the model of the engine it first ran on, and
/// one process may serve applications on different engines (the tests run both).
/// </remarks>
internal sealed class MemberQueries
{
    /// <summary>
    /// A member with its groups, in one statement: a row per group of the member on the side it is on (its own
    /// columns repeated), or one row with no group. A User's answer shows its <c>groups</c>, so a second statement
    /// for them would be part of every read.
    /// </summary>
    public Func<MembershipDbContext, int, string, IAsyncEnumerable<StoredMember>> ById { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.ScimId == id)
                .LeftJoin(db.GroupMembers, m => new { m.OrganizationId, m.UserId }, g => new { g.OrganizationId, g.UserId }, (m, g) => new { m, g })
                .LeftJoin(db.Groups, x => x.g!.GroupId, group => group.Id, (x, group) => new StoredMember
                {
                    Active = true,
                    ScimId = x.m.ScimId,
                    Version = x.m.Version,
                    Attributes = x.m.Attributes,
                    Created = x.m.Created,
                    LastModified = x.m.LastModified,
                    DeactivatedAt = x.m.LastModified,
                    GroupId = group!.ScimId,
                    GroupDisplayName = group.DisplayName,
                })
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.ScimId == id)
                    .LeftJoin(db.InactiveGroupMembers, r => new { r.OrganizationId, r.UserId }, g => new { g.OrganizationId, g.UserId }, (r, g) => new { r, g })
                    .LeftJoin(db.Groups, x => x.g!.GroupId, group => group.Id, (x, group) => new StoredMember
                    {
                        Active = false,
                        ScimId = x.r.ScimId,
                        Version = x.r.Version,
                        Attributes = x.r.Attributes,
                        Created = x.r.Created,
                        LastModified = x.r.LastModified,
                        DeactivatedAt = x.r.DeactivatedAt,
                        GroupId = group!.ScimId,
                        GroupDisplayName = group.DisplayName,
                    })));

    public Func<MembershipDbContext, int, string, CancellationToken, Task<StoredMember?>> ByNormalizedUserName { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string normalized, CancellationToken cancellationToken) =>
            db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.NormalizedUserName == normalized).Select(MembershipDbContext.ActiveMember)
                .Concat(db.InactiveMemberships.AsNoTracking().Where(r => r.OrganizationId == organizationId && r.NormalizedUserName == normalized).Select(MembershipDbContext.InactiveMember))
                .OrderBy(m => m.Created)
                .ThenBy(m => m.ScimId)
                .FirstOrDefault());

    public Func<MembershipDbContext, int, string, CancellationToken, Task<StoredMember?>> ByExternalId { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string externalId, CancellationToken cancellationToken) =>
            db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.ExternalId == externalId).Select(MembershipDbContext.ActiveMember)
                .Concat(db.InactiveMemberships.AsNoTracking().Where(r => r.OrganizationId == organizationId && r.ExternalId == externalId).Select(MembershipDbContext.InactiveMember))
                .OrderBy(m => m.Created)
                .ThenBy(m => m.ScimId)
                .FirstOrDefault());

    /// <summary>An Active member as a commit reads it: its membership row's user, version and <c>userName</c>, with a row per <c>group_members</c> row.</summary>
    public Func<MembershipDbContext, int, string, IAsyncEnumerable<CommitTarget>> ActiveTarget { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.ScimId == id)
                .LeftJoin(db.GroupMembers, m => new { m.OrganizationId, m.UserId }, g => new { g.OrganizationId, g.UserId }, (m, g) => new CommitTarget
                {
                    UserId = m.UserId,
                    Version = m.Version,
                    NormalizedUserName = m.NormalizedUserName,
                    Attributes = m.Attributes,
                    GroupId = (int?)g!.GroupId,
                }));

    /// <summary>An Inactive member as a commit reads it: its inactive record's user, version and <c>userName</c>, with a row per <c>inactive_group_members</c> row.</summary>
    public Func<MembershipDbContext, int, string, IAsyncEnumerable<CommitTarget>> InactiveTarget { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id) =>
            db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.ScimId == id)
                .LeftJoin(db.InactiveGroupMembers, r => new { r.OrganizationId, r.UserId }, g => new { g.OrganizationId, g.UserId }, (r, g) => new CommitTarget
                {
                    UserId = r.UserId,
                    Version = r.Version,
                    NormalizedUserName = r.NormalizedUserName,
                    Attributes = r.Attributes,
                    GroupId = (int?)g!.GroupId,
                }));

    public Func<MembershipDbContext, string, CancellationToken, Task<int?>> UserByEmail { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, string normalizedEmail, CancellationToken cancellationToken) =>
            db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => (int?)u.Id).SingleOrDefault());

    public Func<MembershipDbContext, int, int, CancellationToken, Task<bool>> IsMember { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, int userId, CancellationToken cancellationToken) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.UserId == userId).Select(m => m.UserId)
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.UserId == userId).Select(r => r.UserId))
                .Any());

    public Func<MembershipDbContext, int, string, CancellationToken, Task<bool>> UserNameTaken { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string normalized, CancellationToken cancellationToken) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.NormalizedUserName == normalized).Select(m => m.UserId)
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.NormalizedUserName == normalized).Select(r => r.UserId))
                .Any());
}
