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
/// <remarks>
/// <para>One per request (scoped), over one pooled <see cref="MembershipDbContext"/> and, from the first read by id,
/// one connection of <see cref="MemberStatements"/>: EF Core serves the model and every query but the two statements
/// each change runs, reading the member by id and writing a decision made on that read, which are kept prepared.</para>
/// <para>A change is read (<see cref="FindByIdAsync"/>), decided by the package, then committed. A decision made on
/// that read is written without reading the member again: every write is conditioned on the version read, the
/// tables' concurrency token, so a change another writer made in between (another process) makes the commit a
/// <see cref="ScimCommitResult.VersionConflict"/> that changes nothing. What a write cannot check (the app's user
/// and the <c>userName</c> of a creation, a new <c>userName</c>) is checked in an IMMEDIATE transaction instead.</para>
/// </remarks>
internal sealed class SampleMemberStore(MembershipDbContext db, MemberStatements statements, Organizations organizations, TimeProvider timeProvider)
    : IScimMemberStore, IDisposable
{
    // The other queries of a request are compiled once: EF Core then skips translating them per call. The filtered
    // list query is built per request from the provider's filter.
    private static readonly Func<MembershipDbContext, int, string, CancellationToken, Task<StoredMember?>> ByNormalizedUserName =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string normalized, CancellationToken cancellationToken) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.NormalizedUserName == normalized).Select(MembershipDbContext.ActiveMember)
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.NormalizedUserName == normalized).Select(MembershipDbContext.InactiveMember))
                .OrderBy(m => m.Created)
                .ThenBy(m => m.ScimId)
                .FirstOrDefault());

    private static readonly Func<MembershipDbContext, int, string, CancellationToken, Task<StoredMember?>> ByExternalId =
        EF.CompileAsyncQuery((MembershipDbContext db, int organizationId, string externalId, CancellationToken cancellationToken) =>
            db.Memberships.Where(m => m.OrganizationId == organizationId && m.ExternalId == externalId).Select(MembershipDbContext.ActiveMember)
                .Concat(db.InactiveMemberships.Where(r => r.OrganizationId == organizationId && r.ExternalId == externalId).Select(MembershipDbContext.InactiveMember))
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

    // The member FindByIdAsync last read in this request, and the attributes it returned for it: a decision made on
    // that read is committed without reading the member again (see CommitAsync).
    private ReadMember? _read;

    // The connection FindByIdAsync read on, kept for the commit; given back when the request disposes the store.
    private MemberConnection? _connection;

    public async Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default)
    {
        var organizationId = organizations.IdOf(organization);

        // Every change and every GET of a member starts here: a constant statement kept prepared on an open
        // connection (MemberStatements), which the commit of a decision made on this read then uses as well.
        _connection ??= statements.Rent();
        var (row, record) = await _connection.FindByIdAsync(organizationId, id, cancellationToken).ConfigureAwait(false);

        // The two-state recipe: a membership row is Active, an inactive record Inactive, never both.
        var reading = TwoStateHost.Read(row is null ? null : Snapshot(row), record is null ? null : Snapshot(record));
        if (!reading.IsConsistent)
        {
            throw new InvalidOperationException(reading.Error!.Message);
        }

        _read = null;
        if ((row ?? record) is not { } stored)
        {
            return null;
        }

        var attributes = Attributes(stored);
        _read = new ReadMember(organizationId, stored, attributes);
        return new ScimMember(reading.Snapshot, attributes);
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
        var read = ReadOf(organizationId, decision, attributes);
        _read = null;
        try
        {
            if (read is { } member)
            {
                // Decided on what FindByIdAsync read in this request, and the userName stays: nothing to check but the
                // version, which every write is conditioned on (WHERE Version = the version read).
                return CommitAsRead(organizationId, decision, attributes, member);
            }

            return await CommitCheckedAsync(organizationId, decision, attributes, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ScimCommitResult.VersionConflict;
        }
        catch (DbUpdateException exception) when (exception.InnerException is SqliteException { SqliteErrorCode: 19 } constraint)
        {
            return Refused(constraint);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public void Dispose()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            statements.Return(connection);
        }
    }

    /// <summary>A unique index refused the write: the userName index means a uniqueness violation, any other (the SCIM id, the user's e-mail) a race with a concurrent creation.</summary>
    private static ScimCommitResult Refused(SqliteException constraint) =>
        constraint.Message.Contains(nameof(ScimColumns.NormalizedUserName), StringComparison.Ordinal)
            ? ScimCommitResult.UniquenessViolation
            : ScimCommitResult.VersionConflict;

    /// <summary>
    /// Commits a decision made on what FindByIdAsync read, with the prepared statements of its connection, in one
    /// IMMEDIATE transaction: every change to the member read is conditioned on the version read, so a change
    /// another writer made in between affects no row, and the transaction is rolled back with nothing changed.
    /// </summary>
    private ScimCommitResult CommitAsRead(int organizationId, in MembershipDecision decision, ScimUser? attributes, ReadMember read)
    {
        var plan = TwoStateHost.Plan(decision);
        var next = decision.Next;
        var stored = read.Stored;
        var connection = _connection!;
        connection.Begin();
        try
        {
            if ((plan & TwoStateEffects.RemoveFromOrganization) != 0 && !connection.DeleteRow(organizationId, stored.UserId, stored.Version))
            {
                return ScimCommitResult.VersionConflict;
            }

            if ((plan & TwoStateEffects.DropInactiveRecord) != 0 && !connection.DeleteRecord(organizationId, stored.UserId, stored.Version))
            {
                return ScimCommitResult.VersionConflict;
            }

            if ((plan & TwoStateEffects.AddToOrganization) != 0)
            {
                var added = new Membership
                {
                    OrganizationId = organizationId,
                    UserId = stored.UserId,
                    JoinedAt = timeProvider.GetUtcNow(),
                    ScimId = next.Id!,
                    UserName = string.Empty,
                    NormalizedUserName = string.Empty,
                    Attributes = string.Empty,
                };
                Write(added, next, attributes!, AttributesJson(attributes!, read));
                connection.InsertRow(added);
            }
            else if ((plan & TwoStateEffects.KeepInactiveRecord) != 0)
            {
                var record = new InactiveMembership
                {
                    OrganizationId = organizationId,
                    UserId = stored.UserId,
                    ScimId = next.Id!,
                    UserName = string.Empty,
                    NormalizedUserName = string.Empty,
                    Attributes = string.Empty,
                };
                Write(record, next, attributes!, AttributesJson(attributes!, read));
                record.DeactivatedAt = next.DeactivatedAt ?? next.LastModified;
                if (!stored.Active && (plan & TwoStateEffects.DropInactiveRecord) == 0)
                {
                    // Inactive stays Inactive: the record keeps its place and takes the new version and attributes.
                    if (!connection.UpdateRecord(organizationId, stored.UserId, stored.Version, record))
                    {
                        return ScimCommitResult.VersionConflict;
                    }
                }
                else
                {
                    connection.InsertRecord(record);
                }
            }
            else if (stored.Active && (plan & TwoStateEffects.RemoveFromOrganization) == 0)
            {
                // Active stays Active: the row keeps its place (and its JoinedAt) and takes the new version and attributes.
                var row = new Membership
                {
                    OrganizationId = organizationId,
                    UserId = stored.UserId,
                    ScimId = next.Id!,
                    UserName = string.Empty,
                    NormalizedUserName = string.Empty,
                    Attributes = string.Empty,
                };
                Write(row, next, attributes!, AttributesJson(attributes!, read));
                if (!connection.UpdateRow(organizationId, stored.UserId, stored.Version, row))
                {
                    return ScimCommitResult.VersionConflict;
                }
            }

            connection.Commit();
            return ScimCommitResult.Committed;
        }
        catch (SqliteException constraint) when (constraint.SqliteErrorCode == 19)
        {
            return Refused(constraint);
        }
        finally
        {
            // Nothing to roll back after a commit; otherwise nothing of this decision is kept.
            connection.Rollback();
        }
    }

    /// <summary>
    /// Commits a decision that needs checks a write cannot make: a creation (the app's user, an existing membership,
    /// the <c>userName</c>), a new <c>userName</c>, or a member this request did not read.
    /// </summary>
    private async Task<ScimCommitResult> CommitCheckedAsync(int organizationId, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken)
    {
        var plan = TwoStateHost.Plan(decision);
        var previous = decision.Previous;
        var next = decision.Next;

        // SQLite's transactions here begin IMMEDIATE: one writer at a time, so what is checked below still holds at commit.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
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
    }

    /// <summary>
    /// Returns what FindByIdAsync read when <paramref name="decision"/> was made on it and keeps the <c>userName</c>;
    /// otherwise <see langword="null"/>, and the commit checks what it must.
    /// </summary>
    private ReadMember? ReadOf(int organizationId, in MembershipDecision decision, ScimUser? attributes)
    {
        var previous = decision.Previous;
        if (_read is not { } read || read.OrganizationId != organizationId || !previous.Exists
            || read.Stored.ScimId != previous.Id || read.Stored.Version != previous.Version
            || read.Stored.Active != (previous.State == MembershipState.Active))
        {
            return null;
        }

        // A userName that changes (in any case-insensitive way) may be another member's: checked in a transaction.
        // One that stays cannot be, since it is unique across both tables already.
        return decision.Next.Exists && (attributes is null || Normalize(attributes.UserName) != Normalize(read.Attributes.UserName))
            ? null
            : read;
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

    private static MembershipSnapshot Snapshot(StoredMember member) =>
        member.Active
            ? MembershipSnapshot.Active(member.ScimId, member.Version, member.Created, member.LastModified)
            : MembershipSnapshot.Inactive(member.ScimId, member.Version, member.Created, member.LastModified, member.DeactivatedAt);

    private static MembershipSnapshot Snapshot(ScimColumns columns, DateTimeOffset? deactivatedAt) =>
        deactivatedAt is { } at
            ? MembershipSnapshot.Inactive(columns.ScimId, columns.Version, columns.Created, columns.LastModified, at)
            : MembershipSnapshot.Active(columns.ScimId, columns.Version, columns.Created, columns.LastModified);

    private static ScimUser Attributes(string scimId, string json) =>
        ScimJson.ParseUser(json).TryGetValue(out var user)
            ? user
            : throw new InvalidOperationException($"The stored attributes of member {scimId} are not a SCIM user.");

    private static ScimUser Attributes(StoredMember member) => Attributes(member.ScimId, member.Attributes);

    private static ScimMember ToMember(MemberRow member) => new(Snapshot(member), Attributes(member.ScimId, member.Attributes));

    private static ScimMember ToMember(StoredMember member) => new(Snapshot(member), Attributes(member));

    private static void Write(ScimColumns columns, in MembershipSnapshot next, ScimUser attributes, string attributesJson)
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
        columns.Attributes = attributesJson;
    }

    /// <summary>The attributes as JSON: as stored, when they are the very attributes read from the store (a decision that only (de)activates keeps them).</summary>
    private static string AttributesJson(ScimUser attributes, ReadMember? read) =>
        read is { } member && ReferenceEquals(attributes, member.Attributes)
            ? member.Stored.Attributes
            : System.Text.Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(attributes));

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
            Write(added, next, attributes!, AttributesJson(attributes!, read: null));
            db.Memberships.Add(added);
        }
        else if ((plan & TwoStateEffects.KeepInactiveRecord) != 0)
        {
            var kept = record is not null && (plan & TwoStateEffects.DropInactiveRecord) == 0;
            if (!kept)
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

            Write(record!, next, attributes!, AttributesJson(attributes!, read: null));
            record!.DeactivatedAt = next.DeactivatedAt ?? next.LastModified;
        }
        else if (row is not null && (plan & TwoStateEffects.RemoveFromOrganization) == 0)
        {
            // Active stays Active: the row keeps its place and takes the new version and attributes.
            Write(row, next, attributes!, AttributesJson(attributes!, read: null));
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

    /// <summary>A member FindByIdAsync read in this request.</summary>
    /// <param name="OrganizationId">The organization it was read in.</param>
    /// <param name="Stored">What was read.</param>
    /// <param name="Attributes">The attributes returned for it, parsed from <see cref="StoredMember.Attributes"/>.</param>
    private sealed record ReadMember(int OrganizationId, StoredMember Stored, ScimUser Attributes);
}
