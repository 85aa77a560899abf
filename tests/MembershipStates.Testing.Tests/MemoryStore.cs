using System.Linq.Expressions;
using System.Text.Json.Nodes;
using MembershipStates.AspNetCore;
using MembershipStates.Scim;

namespace MembershipStates.Testing.Tests;

/// <summary>The mistakes a store makes on purpose, to show that the kit catches each.</summary>
[Flags]
public enum Fault
{
    None = 0,

    /// <summary>The original question's app: deactivation deletes the membership row, so the member is gone.</summary>
    DeactivationDeletesRow = 1,

    /// <summary>A revival by re-POST stores the member under a new id.</summary>
    ReviveAssignsNewId = 2,

    /// <summary>A commit overwrites whatever the member is now, whatever version the decision was made on.</summary>
    VersionNotChecked = 4,

    /// <summary>Deactivation deletes the member's group rows instead of moving them to the inactive side.</summary>
    GroupRowsDroppedOnDeactivation = 8,

    /// <summary>userName is looked up and kept unique case-sensitively.</summary>
    UserNameCaseSensitive = 16,
}

/// <summary>
/// A two-state host's store with groups, in memory, per organization: a membership table (Active members), the
/// inactive records, the groups, the app's <c>group_members</c> access table (Active members only) and the inactive
/// side of the memberships. It applies exactly what <see cref="TwoStateHost.Plan"/> and
/// <see cref="TwoStateHost.GroupTableOf"/> say, unless told to make one of the mistakes of <see cref="Fault"/>.
/// </summary>
/// <remarks>Thread-safe: one object serves both instances of the host the kit starts.</remarks>
public sealed class MemoryStore(Fault faults = Fault.None) : IScimMemberStore, IScimGroupStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Organization> _organizations = new(StringComparer.Ordinal);

    public Organization Of(string organization)
    {
        lock (_gate)
        {
            if (!_organizations.TryGetValue(organization, out var found))
            {
                _organizations[organization] = found = new Organization();
            }

            return found;
        }
    }

    public Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Of(organization).Find(id));
        }
    }

    public Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var members = Of(organization).All().ToList();
            return Task.FromResult(
                members.FirstOrDefault(m => string.Equals(m.Attributes.UserName, userName, UserNames))
                ?? (externalId is null ? null : members.FirstOrDefault(m => string.Equals(m.Attributes.ExternalId, externalId, StringComparison.Ordinal))));
        }
    }

    public Task<ScimResult<ScimMemberPage>> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var users = new Uri("https://store.example/Users");
            var matches = new List<ScimMember>();
            foreach (var member in Of(organization).All().OrderBy(m => m.Membership.Created).ThenBy(m => m.Id, StringComparer.Ordinal))
            {
                var json = (JsonObject)JsonNode.Parse(ScimJson.ToUtf8Bytes(member.ToResource(users)))!;
                if (query.Filter is null)
                {
                    matches.Add(member);
                    continue;
                }

                var evaluated = query.Filter.Evaluate(json);
                if (!evaluated.TryGetValue(out var found))
                {
                    return Task.FromResult(ScimResult.Failure<ScimMemberPage>(evaluated.Error));
                }

                if (found)
                {
                    matches.Add(member);
                }
            }

            return Task.FromResult(ScimResult.Success(ScimMemberPage.Of([.. matches.Skip(query.Page.Offset).Take(query.Page.Count)], matches.Count)));
        }
    }

    public async Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default)
    {
        if (faults.HasFlag(Fault.VersionNotChecked))
        {
            // A store that commits slowly, as one over a network does: racing requests read the version this commit
            // was decided on before it lands, so the missing check shows on every run, not only when threads happen
            // to interleave.
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }

        return await CommitNowAsync(organization, decision, attributes).ConfigureAwait(false);
    }

    private Task<ScimCommitResult> CommitNowAsync(string organization, MembershipDecision decision, ScimUser? attributes)
    {
        lock (_gate)
        {
            var org = Of(organization);
            var id = decision.Id!;
            var current = org.Find(id);
            var previous = decision.Previous;
            var stale = (current?.Membership.State ?? MembershipState.NotMember) != previous.State || (current is not null && current.Membership.Version != previous.Version);
            if (stale && !faults.HasFlag(Fault.VersionNotChecked))
            {
                return Task.FromResult(ScimCommitResult.VersionConflict);
            }

            if (attributes?.UserName is { } userName
                && org.All().Any(m => m.Id != id && string.Equals(m.Attributes.UserName, userName, UserNames)))
            {
                return Task.FromResult(ScimCommitResult.UniquenessViolation);
            }

            var plan = TwoStateHost.Plan(decision);
            if (plan.HasFlag(TwoStateEffects.RemoveFromOrganization))
            {
                org.Active.Remove(id);
            }

            if (plan.HasFlag(TwoStateEffects.DropInactiveRecord))
            {
                org.Inactive.Remove(id);
            }

            var next = decision.Next;
            if (faults.HasFlag(Fault.ReviveAssignsNewId) && decision.Outcome == MembershipOutcome.Revived)
            {
                org.Active.Remove(id);
                org.Inactive.Remove(id);
                next = MembershipSnapshot.Existing(next.State, Guid.NewGuid().ToString(), next.Version, next.Created, next.LastModified, next.DeactivatedAt);
            }

            if (faults.HasFlag(Fault.DeactivationDeletesRow) && next.State == MembershipState.Inactive && previous.State == MembershipState.Active)
            {
                // The app of the original question: a user who is no longer active is no longer in the organization.
                org.GroupMembers.RemoveWhere(row => row.User == id);
                return Task.FromResult(ScimCommitResult.Committed);
            }

            if (next.Exists)
            {
                var kept = new ScimMember(next, attributes ?? current!.Attributes);
                (next.State == MembershipState.Active ? org.Active : org.Inactive)[next.Id!] = kept;
            }

            // The rule "group membership follows the member", in the same transaction.
            if (plan.HasFlag(TwoStateEffects.MoveGroupMembershipsToInactive))
            {
                if (faults.HasFlag(Fault.GroupRowsDroppedOnDeactivation))
                {
                    org.GroupMembers.RemoveWhere(row => row.User == id);
                }
                else
                {
                    Move(org.GroupMembers, org.InactiveGroupMembers, id);
                }
            }

            if (plan.HasFlag(TwoStateEffects.MoveGroupMembershipsBack))
            {
                Move(org.InactiveGroupMembers, org.GroupMembers, id);
            }

            if (plan.HasFlag(TwoStateEffects.DropGroupMemberships))
            {
                org.GroupMembers.RemoveWhere(row => row.User == id);
                org.InactiveGroupMembers.RemoveWhere(row => row.User == id);
            }

            return Task.FromResult(ScimCommitResult.Committed);
        }
    }

    public Task<ScimStoredGroup?> FindByIdAsync(string organization, string id, bool includeMembers, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var org = Of(organization);
            return Task.FromResult(org.Groups.TryGetValue(id, out var row) ? ToStored(org, row, includeMembers) : null);
        }
    }

    public Task<ScimResult<ScimGroupPage>> QueryAsync(string organization, ScimGroupQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var org = Of(organization);
            var rows = org.Groups.Values.OrderBy(g => g.Created).ThenBy(g => g.Id, StringComparer.Ordinal).AsQueryable();
            if (query.Filter is not null)
            {
                var map = new ScimFilterMap<GroupRow>()
                    .Map("id", g => g.Id)
                    .Map("externalId", g => g.ExternalId)
                    .MapNormalized("displayName", g => g.NormalizedName, static value => value.ToUpperInvariant())
                    .MapMembers(HasMember(org));
                var translated = map.Translate(query.Filter);
                if (!translated.TryGetValue(out var predicate))
                {
                    return Task.FromResult(ScimResult.Failure<ScimGroupPage>(translated.Error));
                }

                rows = rows.Where(predicate);
            }

            var all = rows.ToList();
            var page = all.Skip(query.Page.Offset).Take(query.Page.Count).Select(row => ToStored(org, row, query.IncludeMembers)).ToList();
            return Task.FromResult(ScimResult.Success(ScimGroupPage.Of(page, all.Count)));
        }
    }

    public Task<ScimGroupCommitResult> CommitAsync(string organization, ScimGroupChange change, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var org = Of(organization);
            var exists = org.Groups.TryGetValue(change.GroupId, out var row);
            if (change.Kind == ScimGroupChangeKind.Create ? exists : !exists || row!.Version != change.PreviousVersion)
            {
                return Task.FromResult(ScimGroupCommitResult.VersionConflict);
            }

            if (change.Kind == ScimGroupChangeKind.Delete)
            {
                org.Groups.Remove(change.GroupId);
                org.GroupMembers.RemoveWhere(r => r.Group == change.GroupId);
                org.InactiveGroupMembers.RemoveWhere(r => r.Group == change.GroupId);
                return Task.FromResult(ScimGroupCommitResult.Committed);
            }

            var group = change.Group!;
            var normalized = group.DisplayName.ToUpperInvariant();
            if (org.Groups.Values.Any(g => g.Id != group.Id && g.NormalizedName == normalized))
            {
                return Task.FromResult(ScimGroupCommitResult.UniquenessViolation);
            }

            // Every added value must be a member of this organization; otherwise nothing changes.
            foreach (var member in change.AddedMembers)
            {
                if (TwoStateHost.GroupTableOf(org.Find(member)?.Membership.State ?? MembershipState.NotMember) == TwoStateGroupTable.None)
                {
                    return Task.FromResult(ScimGroupCommitResult.UnknownMember);
                }
            }

            org.Groups[group.Id] = new GroupRow(group.Id, group.DisplayName, normalized, group.ExternalId, group.Version, group.Created, group.LastModified);
            if (change.ReplacesMembers)
            {
                org.GroupMembers.RemoveWhere(r => r.Group == group.Id);
                org.InactiveGroupMembers.RemoveWhere(r => r.Group == group.Id);
            }

            foreach (var member in change.RemovedMembers)
            {
                org.GroupMembers.Remove((group.Id, member));
                org.InactiveGroupMembers.Remove((group.Id, member));
            }

            foreach (var member in change.AddedMembers)
            {
                var table = TwoStateHost.GroupTableOf(org.Find(member)!.Membership.State) == TwoStateGroupTable.GroupMembers
                    ? org.GroupMembers
                    : org.InactiveGroupMembers;
                table.Add((group.Id, member));
            }

            return Task.FromResult(ScimGroupCommitResult.Committed);
        }
    }

    public Task<ILookup<string, ScimGroupReference>> FindGroupsOfMembersAsync(string organization, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var org = Of(organization);
            var wanted = memberIds.ToHashSet(StringComparer.Ordinal);
            var lookup = org.GroupMembers.Concat(org.InactiveGroupMembers)
                .Where(row => wanted.Contains(row.User))
                .OrderBy(row => row.Group, StringComparer.Ordinal)
                .ToLookup(row => row.User, row => new ScimGroupReference { Value = row.Group, Display = org.Groups[row.Group].DisplayName });
            return Task.FromResult(lookup);
        }
    }

    private StringComparison UserNames => faults.HasFlag(Fault.UserNameCaseSensitive) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private static void Move(HashSet<(string Group, string User)> from, HashSet<(string Group, string User)> to, string user)
    {
        foreach (var row in from.Where(row => row.User == user).ToList())
        {
            from.Remove(row);
            to.Add(row);
        }
    }

    private static Expression<Func<GroupRow, string, bool>> HasMember(Organization org) =>
        (group, user) => org.GroupMembers.Contains(new ValueTuple<string, string>(group.Id, user))
            || org.InactiveGroupMembers.Contains(new ValueTuple<string, string>(group.Id, user));

    private static ScimStoredGroup ToStored(Organization org, GroupRow row, bool includeMembers)
    {
        List<ScimGroupMember>? members = null;
        if (includeMembers)
        {
            members = [.. org.GroupMembers.Concat(org.InactiveGroupMembers)
                .Where(r => r.Group == row.Id)
                .Select(r => r.User)
                .Order(StringComparer.Ordinal)
                .Select(user => new ScimGroupMember { Value = user, Display = org.Find(user)?.Attributes.UserName })];
        }

        return new ScimStoredGroup(row.Id, row.DisplayName, row.ExternalId, row.Version, row.Created, row.LastModified, members);
    }

    public sealed record GroupRow(string Id, string DisplayName, string NormalizedName, string? ExternalId, long Version, DateTimeOffset Created, DateTimeOffset LastModified);

    /// <summary>One organization's tables.</summary>
    public sealed class Organization
    {
        public Dictionary<string, ScimMember> Active { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ScimMember> Inactive { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, GroupRow> Groups { get; } = new(StringComparer.Ordinal);

        /// <summary>Gets the app's access table: (group, user) rows of Active members only.</summary>
        public HashSet<(string Group, string User)> GroupMembers { get; } = [];

        /// <summary>Gets the inactive side: the memberships of Inactive members, kept until reactivation or removal.</summary>
        public HashSet<(string Group, string User)> InactiveGroupMembers { get; } = [];

        public ScimMember? Find(string id) => Active.GetValueOrDefault(id) ?? Inactive.GetValueOrDefault(id);

        public IEnumerable<ScimMember> All() => Active.Values.Concat(Inactive.Values);
    }
}
