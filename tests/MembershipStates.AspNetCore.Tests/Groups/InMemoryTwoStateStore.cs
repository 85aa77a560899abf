using System.Linq.Expressions;
using System.Text.Json.Nodes;
using MembershipStates.Scim;

namespace MembershipStates.AspNetCore.Tests.Groups;

/// <summary>
/// A test double of a two-state host with groups, per organization: a membership table (Active members), the
/// inactive records, the groups, the app's <c>group_members</c> access table (Active members only) and the inactive
/// side of the memberships. It applies exactly what <see cref="TwoStateHost.Plan"/> and
/// <see cref="TwoStateHost.GroupTableOf"/> say, so the adapter's group endpoints can be tested without a database.
/// </summary>
internal sealed class InMemoryTwoStateStore : IScimMemberStore, IScimGroupStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Organization> _organizations = new(StringComparer.Ordinal);

    /// <summary>Gets how many times members of a group were read.</summary>
    public int MemberListReads { get; private set; }

    /// <summary>Gets how many membership rows the group commits wrote or deleted.</summary>
    public int GroupRowWrites { get; private set; }

    /// <summary>Gets how many times the groups of members were asked for.</summary>
    public int GroupsOfMembersReads { get; private set; }

    /// <summary>Gets or sets whether a member found by id comes with its groups, as a store that reads them in one query does.</summary>
    public bool ReadsGroupsWithMember { get; set; }

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

    public void ResetCounters()
    {
        MemberListReads = 0;
        GroupRowWrites = 0;
        GroupsOfMembersReads = 0;
    }

    /// <summary>Adds a member with a given id, as if provisioned earlier.</summary>
    public ScimMember Seed(string organization, string id, string userName, MembershipState state = MembershipState.Active)
    {
        var then = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var member = new ScimMember(
            MembershipSnapshot.Existing(state, id, 1, then, then, state == MembershipState.Inactive ? then : null),
            new ScimUser { UserName = userName });
        lock (_gate)
        {
            var org = Of(organization);
            (state == MembershipState.Active ? org.Active : org.Inactive)[id] = member;
        }

        return member;
    }

    public Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var org = Of(organization);
            if (org.Find(id) is not { } member || !ReadsGroupsWithMember)
            {
                return Task.FromResult(org.Find(id));
            }

            var groups = org.GroupMembers.Concat(org.InactiveGroupMembers)
                .Where(row => row.User == id)
                .OrderBy(row => row.Group, StringComparer.Ordinal)
                .Select(row => new ScimGroupReference { Value = row.Group, Display = org.Groups[row.Group].DisplayName })
                .ToList();
            return Task.FromResult<ScimMember?>(new ScimMember(member.Membership, member.Attributes, groups));
        }
    }

    public Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var members = Of(organization).All().ToList();
            return Task.FromResult(
                members.FirstOrDefault(m => string.Equals(m.Attributes.UserName, userName, StringComparison.OrdinalIgnoreCase))
                ?? (externalId is null ? null : members.FirstOrDefault(m => string.Equals(m.Attributes.ExternalId, externalId, StringComparison.Ordinal))));
        }
    }

    public Task<ScimResult<ScimMemberPage>> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var users = new Uri("https://store.example/Users");
            var matches = new List<(ScimMember Member, JsonObject Json)>();
            foreach (var member in Of(organization).All().OrderBy(m => m.Membership.Created).ThenBy(m => m.Id, StringComparer.Ordinal))
            {
                var json = (JsonObject)JsonNode.Parse(ScimJson.ToUtf8Bytes(member.ToResource(users)))!;
                if (query.Filter is null)
                {
                    matches.Add((member, json));
                    continue;
                }

                var evaluated = query.Filter.Evaluate(json);
                if (!evaluated.TryGetValue(out var found))
                {
                    return Task.FromResult(ScimResult.Failure<ScimMemberPage>(evaluated.Error));
                }

                if (found)
                {
                    matches.Add((member, json));
                }
            }

            // Sorted in memory as the package compares wire-form resources.
            if (query.Sort is { } sort)
            {
                matches.Sort((left, right) => sort.Compare(left.Json, right.Json));
            }

            return Task.FromResult(ScimResult.Success(ScimMemberPage.Of([.. matches.Skip(query.Page.Offset).Take(query.Page.Count).Select(m => m.Member)], matches.Count)));
        }
    }

    public Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var org = Of(organization);
            var id = decision.Id!;
            var current = org.Find(id);
            var previous = decision.Previous;
            if ((current?.Membership.State ?? MembershipState.NotMember) != previous.State || (current is not null && current.Membership.Version != previous.Version))
            {
                return Task.FromResult(ScimCommitResult.VersionConflict);
            }

            if (attributes?.UserName is { } userName
                && org.All().Any(m => m.Id != id && string.Equals(m.Attributes.UserName, userName, StringComparison.OrdinalIgnoreCase)))
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
            if (next.Exists)
            {
                var kept = new ScimMember(next, attributes ?? current!.Attributes);
                (next.State == MembershipState.Active ? org.Active : org.Inactive)[id] = kept;
            }

            // The rule "group membership follows the member", in the same transaction.
            if (plan.HasFlag(TwoStateEffects.MoveGroupMembershipsToInactive))
            {
                Move(org.GroupMembers, org.InactiveGroupMembers, id);
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
                GroupRowWrites += org.GroupMembers.RemoveWhere(r => r.Group == change.GroupId) + org.InactiveGroupMembers.RemoveWhere(r => r.Group == change.GroupId);
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
                GroupRowWrites += org.GroupMembers.RemoveWhere(r => r.Group == group.Id) + org.InactiveGroupMembers.RemoveWhere(r => r.Group == group.Id);
            }

            foreach (var member in change.RemovedMembers)
            {
                GroupRowWrites += (org.GroupMembers.Remove((group.Id, member)) ? 1 : 0) + (org.InactiveGroupMembers.Remove((group.Id, member)) ? 1 : 0);
            }

            foreach (var member in change.AddedMembers)
            {
                var table = TwoStateHost.GroupTableOf(org.Find(member)!.Membership.State) == TwoStateGroupTable.GroupMembers
                    ? org.GroupMembers
                    : org.InactiveGroupMembers;
                GroupRowWrites += table.Add((group.Id, member)) ? 1 : 0;
            }

            return Task.FromResult(ScimGroupCommitResult.Committed);
        }
    }

    public Task<ILookup<string, ScimGroupReference>> FindGroupsOfMembersAsync(string organization, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            GroupsOfMembersReads++;
            var org = Of(organization);
            var wanted = memberIds.ToHashSet(StringComparer.Ordinal);
            var lookup = org.GroupMembers.Concat(org.InactiveGroupMembers)
                .Where(row => wanted.Contains(row.User))
                .OrderBy(row => row.Group, StringComparer.Ordinal)
                .ToLookup(row => row.User, row => new ScimGroupReference { Value = row.Group, Display = org.Groups[row.Group].DisplayName });
            return Task.FromResult(lookup);
        }
    }

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

    private ScimStoredGroup ToStored(Organization org, GroupRow row, bool includeMembers)
    {
        List<ScimGroupMember>? members = null;
        if (includeMembers)
        {
            MemberListReads++;
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
