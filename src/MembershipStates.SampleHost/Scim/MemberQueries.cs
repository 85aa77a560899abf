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
    public Func<MembershipDbContext, int, string, IAsyncEnumerable<StoredMember>> ById { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id) =>
            db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.ScimId == id).Select(MembershipDbContext.ActiveMember)
                .Concat(db.InactiveMemberships.AsNoTracking().Where(r => r.OrganizationId == organizationId && r.ScimId == id).Select(MembershipDbContext.InactiveMember)));

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

    /// <summary>An Active member as a commit reads it: its membership row's user, version and <c>userName</c>, and its <c>group_members</c> rows.</summary>
    public Func<MembershipDbContext, int, string, CancellationToken, Task<CommitTarget?>> ActiveTarget { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id, CancellationToken cancellationToken) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.ScimId == id)
                .Select(m => new CommitTarget
                {
                    UserId = m.UserId,
                    Version = m.Version,
                    NormalizedUserName = m.NormalizedUserName,
                    Attributes = m.Attributes,
                    Groups = db.GroupMembers.Where(g => g.OrganizationId == m.OrganizationId && g.UserId == m.UserId).Select(g => g.GroupId).ToList(),
                })
                .SingleOrDefault());

    /// <summary>An Inactive member as a commit reads it: its inactive record's user, version and <c>userName</c>, and its <c>inactive_group_members</c> rows.</summary>
    public Func<MembershipDbContext, int, string, CancellationToken, Task<CommitTarget?>> InactiveTarget { get; } =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id, CancellationToken cancellationToken) =>
            db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.ScimId == id)
                .Select(r => new CommitTarget
                {
                    UserId = r.UserId,
                    Version = r.Version,
                    NormalizedUserName = r.NormalizedUserName,
                    Attributes = r.Attributes,
                    Groups = db.InactiveGroupMembers.Where(g => g.OrganizationId == r.OrganizationId && g.UserId == r.UserId).Select(g => g.GroupId).ToList(),
                })
                .SingleOrDefault());

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
