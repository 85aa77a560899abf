using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// The store of the SCIM endpoints over the app's tables: a membership row is an Active member, an inactive record an
/// Inactive one, and each decision is applied with <see cref="TwoStateHost.Plan"/> in one transaction.
/// </summary>
/// <remarks>
/// <para>One store on every engine, over EF Core alone: one read path (<see cref="FindByIdAsync"/> and the queries,
/// compiled once, untracked) and one write path (<see cref="CommitAsync"/>). It keeps nothing between calls: a
/// commit reads the member it changes again, inside its transaction, and applies the decision only if the member is
/// still in the state and version the decision was made on. So any store, in any process, can commit a decision
/// made on any read.</para>
/// <para>The transaction is serializable: on SQLite it begins IMMEDIATE (one writer at a time); on PostgreSQL, one
/// that cannot be ordered after a concurrent one fails, changes nothing and runs again. Within each table the unique
/// indexes (the <c>userName</c> per organization, the SCIM id, the (organization, user) key) and the users' e-mail
/// index have the last word; across the two tables (never a member in both, one <c>userName</c> for both) it is the
/// serializable transaction's checks, so every writer of these tables must use one.</para>
/// </remarks>
internal sealed class SampleMemberStore(MembershipDbContext db, MemberQueries queries, Organizations organizations, ExtensionAttributes extensions, TimeProvider timeProvider) : IScimMemberStore
{
    public async Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default)
    {
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        StoredMember? row = null;
        StoredMember? record = null;
        var groups = new List<ScimGroupReference>();
        await foreach (var member in queries.ById(db, organizationId, id).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (member.Active)
            {
                row ??= member;
            }
            else
            {
                record ??= member;
            }

            if (member.GroupId is { } groupId)
            {
                groups.Add(new ScimGroupReference { Value = groupId, Display = member.GroupDisplayName });
            }
        }

        // The two-state recipe: a membership row is Active, an inactive record Inactive, never both.
        var reading = TwoStateHost.Read(row is null ? null : Snapshot(row), record is null ? null : Snapshot(record));
        if (!reading.IsConsistent)
        {
            throw new InvalidOperationException(reading.Error.Message);
        }

        // The groups in the order the group store answers them: by id.
        groups.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        return (row ?? record) is { } stored ? new ScimMember(reading.Snapshot, Attributes(stored.ScimId, stored.Attributes), groups) : null;
    }

    public async Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default)
    {
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        var found = await queries.ByNormalizedUserName(db, organizationId, Normalize(userName), cancellationToken).ConfigureAwait(false);
        if (found is null && externalId is not null)
        {
            found = await queries.ByExternalId(db, organizationId, externalId, cancellationToken).ConfigureAwait(false);
        }

        return found is null ? null : new ScimMember(Snapshot(found), Attributes(found.ScimId, found.Attributes));
    }

    public async Task<ScimResult<ScimMemberPage>> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        var members = db.Members(organizationId);
        if (query.Filter is { } filter)
        {
            // The package turns the filter into a LINQ predicate over MemberRow, and EF Core into SQL: no SQL text
            // is ever built from the request.
            var translated = MemberFilter.For(db, extensions).Translate(filter);
            if (!translated.TryGetValue(out var predicate))
            {
                return ScimResult.Failure<ScimMemberPage>(translated.Error);
            }

            members = db.Members(organizationId, predicate);
        }

        // The order asked for, through the same map, ties broken by id; else a stable one: creation time, then id.
        if (query.Sort is { } sort && MemberFilter.For(db, extensions).Order(members, sort).Error is { } refused)
        {
            return ScimResult.Failure<ScimMemberPage>(refused);
        }

        var total = await members.CountAsync(cancellationToken).ConfigureAwait(false);
        if (query.Page.Count == 0 || query.Page.Offset >= total)
        {
            return ScimResult.Success(ScimMemberPage.Of([], total));
        }

        var page = await MemberPage.ReadAsync(db, MemberFilter.For(db, extensions), organizationId, members, query.Sort, query.Page, total, cancellationToken).ConfigureAwait(false);
        return ScimResult.Success(ScimMemberPage.Of([.. page.Select(m => new ScimMember(Snapshot(m), Attributes(m.ScimId, m.Attributes)))], total));
    }

    public async Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default)
    {
        var organizationId = organizations.IdOf(organization);
        await db.OpenForRequestAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SerializableCommit.RunAsync(
                db,
                cancellationToken => StageAsync(organizationId, decision, attributes, cancellationToken),
                result => result == ScimCommitResult.Committed,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A write guarded by the version read affected no row: another writer changed the member since.
            return ScimCommitResult.VersionConflict;
        }
        catch (Exception exception) when (DatabaseErrors.CommitResultOf(exception) is { } refused)
        {
            return refused;
        }
    }

    /// <summary>
    /// Reads, inside the commit's transaction, what the decision changes, checks that it is still what the decision
    /// was made on and that the <c>userName</c> stays unique, and stages the decision's two-state effects.
    /// </summary>
    private async Task<ScimCommitResult> StageAsync(int organizationId, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken)
    {
        var previous = decision.Previous;
        var next = decision.Next;
        CommitTarget? target = null;
        var groups = new List<int>();
        int userId;
        if (previous.Exists)
        {
            var rows = previous.State == MembershipState.Active
                ? queries.ActiveTarget(db, organizationId, previous.Id!)
                : queries.InactiveTarget(db, organizationId, previous.Id!);
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                target ??= row;
                if (row.GroupId is { } groupId)
                {
                    groups.Add(groupId);
                }
            }

            if (target is null || target.Version != previous.Version)
            {
                return ScimCommitResult.VersionConflict;
            }

            userId = target.UserId;
        }
        else
        {
            ArgumentNullException.ThrowIfNull(attributes);
            userId = await UserIdForAsync(attributes, cancellationToken).ConfigureAwait(false);
            if (await queries.IsMember(db, organizationId, userId, cancellationToken).ConfigureAwait(false))
            {
                // The app's user behind this userName already belongs to the organization.
                return ScimCommitResult.UniquenessViolation;
            }
        }

        if (next.Exists)
        {
            // A userName that stays cannot be another member's: it is unique across both tables already.
            ArgumentNullException.ThrowIfNull(attributes);
            var normalized = Normalize(attributes.UserName);
            if (normalized != target?.NormalizedUserName && await queries.UserNameTaken(db, organizationId, normalized, cancellationToken).ConfigureAwait(false))
            {
                return ScimCommitResult.UniquenessViolation;
            }
        }

        var json = attributes is null ? null : MemberRows.Json(attributes);
        new MemberRows(db, organizationId, userId).Stage(TwoStateHost.Plan(decision), decision, groups, attributes, json, timeProvider.GetUtcNow());
        await MemberValuesWriter.StageAsync(db, organizationId, decision, target?.Attributes, attributes, json, extensions, cancellationToken).ConfigureAwait(false);
        return ScimCommitResult.Committed;
    }

    /// <summary>Finds the app's user by e-mail (the <c>userName</c>), or creates one: users are global, not per organization.</summary>
    private async Task<int> UserIdForAsync(ScimUser attributes, CancellationToken cancellationToken)
    {
        var email = attributes.UserName ?? string.Empty;
        var normalized = Normalize(email);
        if (await queries.UserByEmail(db, normalized, cancellationToken).ConfigureAwait(false) is { } id)
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

    private static string Normalize(string? userName) => Normalization.Normalize(userName ?? string.Empty);

    private static MembershipSnapshot Snapshot(StoredMember member) =>
        member.Active
            ? MembershipSnapshot.Active(member.ScimId, member.Version, member.Created, member.LastModified)
            : MembershipSnapshot.Inactive(member.ScimId, member.Version, member.Created, member.LastModified, member.DeactivatedAt);

    private static ScimUser Attributes(string scimId, string json) =>
        ScimJson.ParseUser(json).TryGetValue(out var user)
            ? user
            : throw new InvalidOperationException($"The stored attributes of member {scimId} are not a SCIM user.");
}
