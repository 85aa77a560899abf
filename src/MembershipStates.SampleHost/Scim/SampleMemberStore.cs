using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// The store of the SCIM endpoints over the app's tables: a membership row is an Active member, an inactive record an
/// Inactive one, and each decision is applied with <see cref="TwoStateHost.Plan"/> in one transaction.
/// </summary>
/// <remarks>One per request (scoped), over one pooled <see cref="MembershipDbContext"/>.</remarks>
internal sealed class SampleMemberStore(MembershipDbContext db, Organizations organizations, TimeProvider timeProvider) : IScimMemberStore
{
    // The queries of every request are compiled once: EF Core then skips translating them per call, which is most
    // of the cost of a read. The filtered list query is built per request from the provider's filter.
    private static readonly Func<MembershipDbContext, int, string, IAsyncEnumerable<MemberRow>> ById =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.ScimId == id).Select(MembershipDbContext.ActiveRow)
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.ScimId == id).Select(MembershipDbContext.InactiveRow)));

    private static readonly Func<MembershipDbContext, int, string, CancellationToken, Task<MemberRow?>> ByNormalizedUserName =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string normalized, CancellationToken cancellationToken) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.NormalizedUserName == normalized).Select(MembershipDbContext.ActiveRow)
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.NormalizedUserName == normalized).Select(MembershipDbContext.InactiveRow))
                .OrderBy(m => m.Created)
                .ThenBy(m => m.ScimId)
                .FirstOrDefault());

    private static readonly Func<MembershipDbContext, int, string, CancellationToken, Task<MemberRow?>> ByExternalId =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string externalId, CancellationToken cancellationToken) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.ExternalId == externalId).Select(MembershipDbContext.ActiveRow)
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.ExternalId == externalId).Select(MembershipDbContext.InactiveRow))
                .OrderBy(m => m.Created)
                .ThenBy(m => m.ScimId)
                .FirstOrDefault());

    private static readonly Func<MembershipDbContext, int, string, string, CancellationToken, Task<bool>> UserNameTaken =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string normalized, string exceptId, CancellationToken cancellationToken) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.NormalizedUserName == normalized && m.ScimId != exceptId).Select(m => m.ScimId)
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.NormalizedUserName == normalized && r.ScimId != exceptId).Select(r => r.ScimId))
                .Any());

    private static readonly Func<MembershipDbContext, int, string, CancellationToken, Task<Membership?>> RowById =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id, CancellationToken cancellationToken) =>
            db.Memberships.SingleOrDefault(m => m.OrganizationId == organizationId && m.ScimId == id));

    private static readonly Func<MembershipDbContext, int, string, CancellationToken, Task<InactiveMembership?>> RecordById =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string id, CancellationToken cancellationToken) =>
            db.InactiveMemberships.SingleOrDefault(r => r.OrganizationId == organizationId && r.ScimId == id));

    public async Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default)
    {
        MemberRow? row = null;
        MemberRow? record = null;
        await foreach (var member in ById(db, organizations.IdOf(organization), id).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (member.Active)
            {
                row = member;
            }
            else
            {
                record = member;
            }
        }

        // The two-state recipe: a membership row is Active, an inactive record Inactive, never both.
        var reading = TwoStateHost.Read(row is null ? null : Snapshot(row), record is null ? null : Snapshot(record));
        if (!reading.IsConsistent)
        {
            throw new InvalidOperationException(reading.Error!.Message);
        }

        var stored = row ?? record;
        return stored is null ? null : new ScimMember(reading.Snapshot, Attributes(stored));
    }

    public async Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default)
    {
        var organizationId = organizations.IdOf(organization);
        var found = await ByNormalizedUserName(db, organizationId, Normalize(userName), cancellationToken).ConfigureAwait(false);
        if (found is null && externalId is not null)
        {
            found = await ByExternalId(db, organizationId, externalId, cancellationToken).ConfigureAwait(false);
        }

        return found is null ? null : ToMember(found);
    }

    public async Task<ScimMemberPage> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var members = db.Members(organizations.IdOf(organization));
        if (query.Filter is { } filter)
        {
            // The package turns the filter into a LINQ predicate over MemberRow, and EF Core into SQL: no SQL text
            // is ever built from the request.
            if (!MemberFilter.Map.TryTranslate(filter, out var predicate, out var error))
            {
                return ScimMemberPage.Failed(error);
            }

            members = members.Where(predicate);
        }

        var total = await members.CountAsync(cancellationToken).ConfigureAwait(false);
        if (query.Page.Count == 0 || query.Page.Offset >= total)
        {
            return ScimMemberPage.Of([], total);
        }

        // A stable order, the same for every page size: creation time, then id.
        var page = await members
            .OrderBy(m => m.Created)
            .ThenBy(m => m.ScimId)
            .Skip(query.Page.Offset)
            .Take(query.Page.Count)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return ScimMemberPage.Of([.. page.Select(ToMember)], total);
    }

    public async Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default)
    {
        var organizationId = organizations.IdOf(organization);
        var plan = TwoStateHost.Plan(decision);
        var previous = decision.Previous;
        var next = decision.Next;

        // SQLite's transactions here begin IMMEDIATE: one writer at a time, so what is checked below still holds at commit.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                Membership? row = null;
                InactiveMembership? record = null;
                int userId;
                if (previous.Exists)
                {
                    row = await RowById(db, organizationId, previous.Id!, cancellationToken).ConfigureAwait(false);
                    record = await RecordById(db, organizationId, previous.Id!, cancellationToken).ConfigureAwait(false);
                    var stored = TwoStateHost.Read(row is null ? null : Snapshot(row, null), record is null ? null : Snapshot(record, record.DeactivatedAt));
                    if (!stored.IsConsistent)
                    {
                        throw new InvalidOperationException(stored.Error!.Message);
                    }

                    if (stored.Snapshot.State != previous.State || stored.Snapshot.Version != previous.Version)
                    {
                        return ScimCommitResult.VersionConflict;
                    }

                    userId = row?.UserId ?? record!.UserId;
                }
                else
                {
                    ArgumentNullException.ThrowIfNull(attributes);
                    userId = await UserFor(attributes, cancellationToken).ConfigureAwait(false);
                    var alreadyMember =
                        await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken).ConfigureAwait(false)
                        || await db.InactiveMemberships.AnyAsync(r => r.OrganizationId == organizationId && r.UserId == userId, cancellationToken).ConfigureAwait(false);
                    if (alreadyMember)
                    {
                        // The app's user behind this userName already belongs to the organization under another userName.
                        return ScimCommitResult.UniquenessViolation;
                    }
                }

                if (next.Exists)
                {
                    ArgumentNullException.ThrowIfNull(attributes);
                    if (await UserNameTaken(db, organizationId, Normalize(attributes.UserName), next.Id!, cancellationToken).ConfigureAwait(false))
                    {
                        return ScimCommitResult.UniquenessViolation;
                    }
                }

                Apply(plan, decision, attributes, organizationId, userId, row, record);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ScimCommitResult.Committed;
            }
            catch (DbUpdateConcurrencyException)
            {
                return ScimCommitResult.VersionConflict;
            }
            catch (DbUpdateException exception) when (exception.InnerException is SqliteException { SqliteErrorCode: 19 } constraint)
            {
                // A unique index refused the write: the userName index means a uniqueness violation, any other
                // (the SCIM id, the user's e-mail) a race with a concurrent creation.
                return constraint.Message.Contains(nameof(IScimColumns.NormalizedUserName), StringComparison.Ordinal)
                    ? ScimCommitResult.UniquenessViolation
                    : ScimCommitResult.VersionConflict;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static string Normalize(string? userName) => Normalization.Normalize(userName ?? string.Empty);

    private static string? PreferredEmail(ScimUser attributes) =>
        attributes.Emails is not { Count: > 0 } emails
            ? null
            : (emails.FirstOrDefault(e => string.Equals(e.Type, "work", StringComparison.OrdinalIgnoreCase))
                ?? emails.FirstOrDefault(e => e.Primary == true)
                ?? emails[0]).Value;

    private static MembershipSnapshot Snapshot(MemberRow member) =>
        member.Active
            ? MembershipSnapshot.Active(member.ScimId, member.Version, member.Created, member.LastModified)
            : MembershipSnapshot.Inactive(member.ScimId, member.Version, member.Created, member.LastModified, member.DeactivatedAt);

    private static MembershipSnapshot Snapshot(IScimColumns columns, DateTimeOffset? deactivatedAt) =>
        deactivatedAt is { } at
            ? MembershipSnapshot.Inactive(columns.ScimId, columns.Version, columns.Created, columns.LastModified, at)
            : MembershipSnapshot.Active(columns.ScimId, columns.Version, columns.Created, columns.LastModified);

    private static ScimUser Attributes(MemberRow member) =>
        ScimJson.ParseUser(member.Attributes).TryGetValue(out var user)
            ? user
            : throw new InvalidOperationException($"The stored attributes of member {member.ScimId} are not a SCIM user.");

    private static ScimMember ToMember(MemberRow member) => new(Snapshot(member), Attributes(member));

    private static void Write(IScimColumns columns, in MembershipSnapshot next, ScimUser attributes)
    {
        columns.ScimId = next.Id!;
        columns.Version = next.Version;
        columns.Created = next.Created;
        columns.LastModified = next.LastModified;
        columns.UserName = attributes.UserName ?? string.Empty;
        columns.NormalizedUserName = Normalize(attributes.UserName);
        columns.ExternalId = attributes.ExternalId;
        columns.DisplayName = attributes.DisplayName;
        columns.GivenName = attributes.Name?.GivenName;
        columns.FamilyName = attributes.Name?.FamilyName;
        columns.Email = PreferredEmail(attributes);
        columns.NormalizedEmail = columns.Email is { } email ? Normalization.Normalize(email) : null;
        columns.Attributes = System.Text.Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(attributes));
    }

    /// <summary>Applies the two-state effects of a decision to the tracked rows; saved by the caller in one transaction.</summary>
    private void Apply(
        TwoStateEffects plan,
        in MembershipDecision decision,
        ScimUser? attributes,
        int organizationId,
        int userId,
        Membership? row,
        InactiveMembership? record)
    {
        var next = decision.Next;
        if ((plan & TwoStateEffects.RemoveFromOrganization) != 0)
        {
            db.Memberships.Remove(row!);
        }

        if ((plan & TwoStateEffects.DropInactiveRecord) != 0)
        {
            db.InactiveMemberships.Remove(record!);
        }

        if ((plan & TwoStateEffects.AddToOrganization) != 0)
        {
            var added = new Membership
            {
                OrganizationId = organizationId,
                UserId = userId,
                JoinedAt = timeProvider.GetUtcNow(),
                ScimId = next.Id!,
                UserName = string.Empty,
                NormalizedUserName = string.Empty,
                Attributes = string.Empty,
            };
            Write(added, next, attributes!);
            db.Memberships.Add(added);
        }
        else if ((plan & TwoStateEffects.KeepInactiveRecord) != 0)
        {
            if (record is null || (plan & TwoStateEffects.DropInactiveRecord) != 0)
            {
                record = new InactiveMembership
                {
                    OrganizationId = organizationId,
                    UserId = userId,
                    ScimId = next.Id!,
                    UserName = string.Empty,
                    NormalizedUserName = string.Empty,
                    Attributes = string.Empty,
                };
                db.InactiveMemberships.Add(record);
            }

            Write(record, next, attributes!);
            record.DeactivatedAt = next.DeactivatedAt ?? next.LastModified;
        }
        else if (row is not null && (plan & TwoStateEffects.RemoveFromOrganization) == 0)
        {
            // Active stays Active: the row keeps its place and takes the new version and attributes.
            Write(row, next, attributes!);
        }
    }

    /// <summary>Finds the app's user by e-mail (the <c>userName</c>), or creates one: users are global, not per organization.</summary>
    private async Task<int> UserFor(ScimUser attributes, CancellationToken cancellationToken)
    {
        var email = attributes.UserName ?? string.Empty;
        var normalized = Normalize(email);
        var existing = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing is { } id)
        {
            return id;
        }

        var user = new User
        {
            Email = email,
            NormalizedEmail = normalized,
            DisplayName = attributes.DisplayName,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return user.Id;
    }
}
