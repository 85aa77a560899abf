using System.Text;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MembershipStates.Scim;
using Microsoft.Extensions.Time.Testing;

namespace MembershipStates.Tests.Lifecycle;

/// <summary>
/// Groups: random sequences mixing the member lifecycle (provision, deactivate, reactivate, revive, remove,
/// re-create) with group operations (create, rename, add, remove, replace, delete) in two organizations, applied
/// through both host mappings and compared after every step with a plain reference model of the rule "group
/// membership follows the member".
/// </summary>
public sealed partial class ModelBasedTests
{
    private static readonly string[] Organizations = ["acme", "globex"];

    public enum GroupStepKind
    {
        Provision,
        Deactivate,
        Reactivate,
        Remove,
        CreateGroup,
        RenameGroup,
        AddMember,
        RemoveMember,
        ReplaceMembers,
        DeleteGroup,
    }

    /// <summary>One step in one organization. Users and groups are named; names compare case-insensitively, so "Ann" and "ann" are one member.</summary>
    public sealed record GroupStep(GroupStepKind Kind, int Org, string User, bool Active, string Group, string NewName, string[] Users, bool FromOtherOrg)
    {
        public override string ToString()
        {
            var org = Organizations[Org];
            return Kind switch
            {
                GroupStepKind.Provision => $"{org}: Provision({User}, active: {Active})",
                GroupStepKind.Deactivate or GroupStepKind.Reactivate or GroupStepKind.Remove => $"{org}: {Kind}({User})",
                GroupStepKind.CreateGroup or GroupStepKind.DeleteGroup => $"{org}: {Kind}({Group})",
                GroupStepKind.RenameGroup => $"{org}: RenameGroup({Group} -> {NewName})",
                GroupStepKind.AddMember => $"{org}: AddMember({Group} += {User}{(FromOtherOrg ? $" of {Organizations[1 - Org]}" : "")})",
                GroupStepKind.RemoveMember => $"{org}: RemoveMember({Group} -= {User})",
                _ => $"{org}: ReplaceMembers({Group} = [{string.Join(", ", Users)}])",
            };
        }
    }

    public sealed record GroupScenario(InactiveProvisionPolicy Policy, IReadOnlyList<GroupStep> Steps)
    {
        public override string ToString() => $"{Policy}: {string.Join("; ", Steps)}";
    }

    public static class GroupScenarios
    {
        // Mixed case and non-ASCII on purpose: "Ann"/"ann" and "Åsa"/"ÅSA" are one member each, "Ops"/"OPS" one group.
        // Few distinct names, so that steps meet the same members and groups often.
        private static readonly string[] UserNames = ["Ann", "ann", "Åsa", "ÅSA"];
        private static readonly string[] GroupNames = ["Ops", "OPS", "Ünïcode"];

        // Deactivation and adds are weighted up so that members spend time Inactive inside groups; acme gets most
        // steps so sequences build up, globex enough to try crossing organizations.
        private static readonly Gen<GroupStep> Fresh =
            from kind in Gen.Frequency(
                (5, Gen.Constant(GroupStepKind.Provision)),
                (4, Gen.Constant(GroupStepKind.Deactivate)),
                (3, Gen.Constant(GroupStepKind.Reactivate)),
                (2, Gen.Constant(GroupStepKind.Remove)),
                (3, Gen.Constant(GroupStepKind.CreateGroup)),
                (1, Gen.Constant(GroupStepKind.RenameGroup)),
                (6, Gen.Constant(GroupStepKind.AddMember)),
                (2, Gen.Constant(GroupStepKind.RemoveMember)),
                (1, Gen.Constant(GroupStepKind.ReplaceMembers)),
                (1, Gen.Constant(GroupStepKind.DeleteGroup)))
            from org in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Constant(1)))
            from user in Gen.Elements(UserNames)
            from active in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from groupName in Gen.Elements(GroupNames)
            from newName in Gen.Elements(GroupNames)
            from users in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(UserNames), n))
            from otherOrg in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new GroupStep(kind, org, user, active, groupName, newName, users, otherOrg);

        public static Arbitrary<GroupScenario> Arbitrary() => Arb.From(Generator, Shrink);

        // Most scenarios open with members, a group and adds, so that the lifecycle steps after them meet members
        // inside groups; shrinking removes whatever of it a counterexample does not need.
        private static readonly Gen<GroupStep[]> Opening =
            from provisions in Gen.ArrayOf(Fresh.Select(s => s with { Kind = GroupStepKind.Provision, Org = 0 }), 2)
            from create in Fresh.Select(s => s with { Kind = GroupStepKind.CreateGroup, Org = 0 })
            from adds in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Fresh.Select(s => s with { Kind = GroupStepKind.AddMember, Org = 0, FromOtherOrg = false }), n))
            from opens in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            select opens ? [.. provisions, create, .. adds] : Array.Empty<GroupStep>();

        public static Gen<GroupScenario> Generator { get; } =
            from policy in Gen.Elements(InactiveProvisionPolicy.Revive, InactiveProvisionPolicy.Reject)
            from opening in Opening
            from length in Gen.Choose(1, 40)
            from raw in Gen.ArrayOf(Gen.Zip(Fresh, Gen.Choose(0, 9)), length)
            select new GroupScenario(policy, [.. opening, .. Repeat(raw)]);

        // A step repeats its predecessor often, to exercise idempotence (adding a member twice, deactivating twice).
        private static GroupStep[] Repeat((GroupStep Step, int Roll)[] raw)
        {
            var result = new GroupStep[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                result[i] = i > 0 && raw[i].Roll < 2 ? result[i - 1] : raw[i].Step;
            }

            return result;
        }

        // Shrinks by dropping halves, then single steps, then simplifying one step (a replacement by one member fewer;
        // a provision as active, an add from the same organization, a replacement by no member, acme), then the
        // policy to its default. Simplifying
        // steps lets "provision inactive, reactivate" shrink to "provision", so a counterexample ends at its core.
        private static IEnumerable<GroupScenario> Shrink(GroupScenario scenario)
        {
            var steps = scenario.Steps;
            if (steps.Count > 1)
            {
                yield return scenario with { Steps = steps.Take(steps.Count / 2).ToArray() };
                yield return scenario with { Steps = steps.Skip(steps.Count / 2).ToArray() };
                for (var i = 0; i < steps.Count; i++)
                {
                    yield return scenario with { Steps = steps.Where((_, j) => j != i).ToArray() };
                }
            }

            for (var i = 0; i < steps.Count; i++)
            {
                // A replacement by one member fewer, so that a member only the replacement names can go too.
                for (var k = 0; k < steps[i].Users.Length; k++)
                {
                    var fewer = steps.ToArray();
                    fewer[i] = steps[i] with { Users = steps[i].Users.Where((_, j) => j != k).ToArray() };
                    yield return scenario with { Steps = fewer };
                }

                var simpler = steps[i] with { Active = true, FromOtherOrg = false, Users = [], Org = 0 };
                if (simpler != steps[i] && simpler.ToString() != steps[i].ToString())
                {
                    var copy = steps.ToArray();
                    copy[i] = simpler;
                    yield return scenario with { Steps = copy };
                }
            }

            if (scenario.Policy != InactiveProvisionPolicy.Revive)
            {
                yield return scenario with { Policy = InactiveProvisionPolicy.Revive };
            }
        }
    }

    [Property(Arbitrary = [typeof(GroupScenarios)], MaxTest = 500)]
    public void Groups_RandomSequences_FollowTheMemberThroughBothHostMappings(GroupScenario scenario) =>
        FirstViolation(scenario, breakDeactivation: false).Should().BeNull();

    [Fact]
    public void Groups_AMappingThatDropsMembershipsOnDeactivation_IsCaughtAndShrunk()
    {
        GroupScenario? shrunk = null;
        var property = Prop.ForAll(GroupScenarios.Arbitrary(), scenario =>
        {
            var violation = FirstViolation(scenario, breakDeactivation: true);
            if (violation is not null)
            {
                shrunk = scenario; // the last failing scenario FsCheck tries is the one it shrank to
            }

            return violation is null;
        });

        var check = () => FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true), property);

        check.Should().Throw<Exception>("an app that deletes the memberships on active=false loses them for good");
        shrunk.Should().NotBeNull();
        shrunk!.Steps.Count.Should().BeLessThanOrEqualTo(4, "shrunk to provision, create, add, deactivate: {0}", shrunk);
        shrunk.Steps.Should().Contain(step => step.Kind == GroupStepKind.Deactivate, "deactivation is what the broken mapping gets wrong");
        FirstViolation(shrunk, breakDeactivation: true).Should().NotBeNull().And.Contain("two-state");
    }

    [Fact]
    public void Groups_BrokenMappingCounterexample_IsTheOneThatLosesTheGroups()
    {
        var scenario = new GroupScenario(InactiveProvisionPolicy.Revive,
        [
            new(GroupStepKind.Provision, 0, "Ann", true, "Ops", "Ops", [], false),
            new(GroupStepKind.CreateGroup, 0, "Ann", true, "Ops", "Ops", [], false),
            new(GroupStepKind.AddMember, 0, "ann", true, "OPS", "Ops", [], false),
            new(GroupStepKind.Deactivate, 0, "Ann", true, "Ops", "Ops", [], false),
        ]);

        FirstViolation(scenario, breakDeactivation: false).Should().BeNull();
        FirstViolation(scenario, breakDeactivation: true).Should().Contain("lists");
    }

    [Fact]
    public void GroupScenarios_Generator_ReachesTheInterestingCases()
    {
        var reached = new Dictionary<string, int>(StringComparer.Ordinal);
        var scenarios = GroupScenarios.Generator.Sample(400, 30);
        foreach (var scenario in scenarios)
        {
            foreach (var situation in Situations(scenario))
            {
                reached[situation] = reached.GetValueOrDefault(situation) + 1;
            }
        }

        foreach (var situation in new[]
        {
            "an Inactive member listed in a group", "a member reactivated with its groups", "a member revived with its groups",
            "a member removed from its groups by DELETE", "a removed member provisioned again", "an add repeated",
            "a member named in two cases", "a non-ASCII member", "a group named in two cases", "a member of another organization refused",
            "a group deleted with members",
        })
        {
            reached.GetValueOrDefault(situation).Should().BeGreaterThan(10, "the generator must reach '{0}' often; it reached {1}", situation, string.Join(", ", reached));
        }
    }

    /// <summary>Runs a scenario through the reference model and both hosts; the first broken invariant, or <see langword="null"/>.</summary>
    private static string? FirstViolation(GroupScenario scenario, bool breakDeactivation)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var lifecycle = new MembershipLifecycle(scenario.Policy, clock);
        var operations = new ScimGroupOperations(clock);
        var model = new GroupReference(scenario.Policy);
        IGroupHost[] hosts = [new TwoStateGroupHost(breakDeactivation), new StatusColumnGroupHost()];
        var ids = 0;

        foreach (var step in scenario.Steps)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var newId = $"id-{++ids}";
            model.Apply(step, newId);
            foreach (var host in hosts)
            {
                Apply(host, step, newId, lifecycle, operations);
                if (Violation(host, model) is { } violation)
                {
                    return $"{host} host after {step}: {violation}";
                }
            }
        }

        return null;
    }

    private static void Apply(IGroupHost host, GroupStep step, string newId, MembershipLifecycle lifecycle, ScimGroupOperations operations)
    {
        var org = step.Org;
        switch (step.Kind)
        {
            case GroupStepKind.Provision:
            {
                var current = host.FindMember(org, step.User);
                host.Apply(org, lifecycle.Decide(current?.Snapshot ?? MembershipSnapshot.NotMember, MembershipCommand.Provision(newId, step.Active)), step.User);
                return;
            }

            case GroupStepKind.Deactivate or GroupStepKind.Reactivate or GroupStepKind.Remove:
            {
                var current = host.FindMember(org, step.User);
                var command = step.Kind switch
                {
                    GroupStepKind.Deactivate => MembershipCommand.Deactivate(),
                    GroupStepKind.Reactivate => MembershipCommand.Reactivate(),
                    _ => MembershipCommand.Remove(),
                };
                var decision = lifecycle.Decide(current?.Snapshot ?? MembershipSnapshot.NotMember, command);
                if (decision.IsChange)
                {
                    host.Apply(org, decision, current!.Name);
                }

                return;
            }

            case GroupStepKind.CreateGroup:
            {
                var created = operations.Create(new ScimGroup { Schemas = [ScimSchemaUris.Group], DisplayName = step.Group }, newId);
                host.Commit(org, created.Value.Change!);
                return;
            }

            case GroupStepKind.DeleteGroup:
            {
                var group = host.FindGroup(org, step.Group);
                // A group that is not there is a 404: nothing to commit.
                if (operations.Delete(group, group?.Id ?? "missing").TryGetValue(out var deleted) && deleted.RequiresCommit)
                {
                    host.Commit(org, deleted.Change);
                }

                return;
            }

            default:
            {
                var group = host.FindGroup(org, step.Group);
                if (group is null)
                {
                    return;
                }

                var patch = ScimGroupOperations.ParsePatch(Encoding.UTF8.GetBytes(PatchOf(host, step, group.Id)), group.Id).Value;
                var patched = operations.Patch(group, group.Id, patch).Value;
                if (patched.RequiresCommit)
                {
                    host.Commit(org, patched.Change);
                }

                return;
            }
        }
    }

    /// <summary>The PATCH a provider sends for a group step, in the shapes Okta and Entra use.</summary>
    private static string PatchOf(IGroupHost host, GroupStep step, string groupId)
    {
        // A member value is the SCIM id the provider knows: the member's in this organization, or, to try crossing
        // organizations, the other one's. A name nobody has yields an id no organization knows.
        string IdOf(string user, bool other) =>
            host.FindMember(other ? 1 - step.Org : step.Org, user)?.Snapshot.Id ?? $"unknown-{user}";

        static string Members(IEnumerable<string> ids) => "[" + string.Join(",", ids.Select(id => $$"""{"value":"{{id}}"}""")) + "]";

        var operation = step.Kind switch
        {
            GroupStepKind.RenameGroup => $$$"""{"op":"replace","value":{"id":"{{{groupId}}}","displayName":"{{{step.NewName}}}"}}""",
            GroupStepKind.AddMember => $$$"""{"op":"Add","path":"members","value":{{{Members([IdOf(step.User, step.FromOtherOrg)])}}}}""",
            GroupStepKind.RemoveMember => $$"""{"op":"remove","path":"members[value eq \"{{IdOf(step.User, other: false)}}\"]"}""",
            _ => $$$"""{"op":"replace","path":"members","value":{{{Members(step.Users.Select(user => IdOf(user, other: false)))}}}}""",
        };
        return $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operation}}]}""";
    }

    /// <summary>The invariants, for one host against the model; the first broken one, or <see langword="null"/>.</summary>
    private static string? Violation(IGroupHost host, GroupReference model)
    {
        for (var org = 0; org < Organizations.Length; org++)
        {
            var users = model.Users[org];
            foreach (var (_, user) in users)
            {
                var state = host.StateOf(org, user.Id);
                if (state != user.State)
                {
                    return $"member {user.Id} is {state}, not {user.State}";
                }
            }

            var members = host.Members(org);
            foreach (var (groupId, userId) in host.ListedMemberships(org))
            {
                // A NotMember is in no group, and no membership crosses organizations.
                if (!members.Contains(userId))
                {
                    return $"group {groupId} lists {userId}, who is not a member of {Organizations[org]}";
                }
            }

            var groups = model.Groups[org];
            if (!host.GroupIds(org).SetEquals(groups.Values.Select(g => g.Id)))
            {
                return $"the groups are [{string.Join(", ", host.GroupIds(org))}], not [{string.Join(", ", groups.Values.Select(g => g.Id))}]";
            }

            foreach (var (_, group) in groups)
            {
                if (host.FindGroup(org, group.Name)?.Id != group.Id)
                {
                    return $"group {group.Id} is not found by its name \"{group.Name}\"";
                }

                var listed = host.ListedMemberships(org).Where(row => row.Group == group.Id).Select(row => row.User).ToHashSet();
                if (!listed.SetEquals(group.Members))
                {
                    return $"group {group.Id} lists [{string.Join(", ", listed.Order())}], not [{string.Join(", ", group.Members.Order())}]";
                }
            }

            // The app's access: Active members of their groups, exactly; an Inactive member is never in it, and
            // after reactivation exactly the groups it had are back.
            var expectedAccess = groups.Values
                .SelectMany(g => g.Members.Select(u => (g.Id, u)))
                .Where(row => users.Values.Any(user => user.Id == row.u && user.State == MembershipState.Active))
                .ToHashSet();
            var access = host.Access(org);
            if (access.FirstOrDefault(row => host.StateOf(org, row.User) != MembershipState.Active) is { User: not null } inactive)
            {
                return $"{inactive.User}, who is not Active, has access through group {inactive.Group}";
            }

            if (!access.SetEquals(expectedAccess))
            {
                return $"access is [{string.Join(", ", access)}], not [{string.Join(", ", expectedAccess)}]";
            }
        }

        return null;
    }

    /// <summary>What the generator reached in one scenario, judged by the reference model.</summary>
    private static HashSet<string> Situations(GroupScenario scenario)
    {
        var model = new GroupReference(scenario.Policy);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        GroupStep? previous = null;
        var ids = 0;
        foreach (var step in scenario.Steps)
        {
            var key = step.User.ToUpperInvariant();
            var before = model.Users[step.Org].GetValueOrDefault(key);
            var stateBefore = before?.State ?? MembershipState.NotMember;
            var groupsBefore = before is null ? 0 : model.Groups[step.Org].Values.Count(g => g.Members.Contains(before.Id));
            var groupBefore = model.Groups[step.Org].GetValueOrDefault(step.Group.ToUpperInvariant());
            model.Apply(step, $"id-{++ids}");
            var after = model.Users[step.Org].GetValueOrDefault(key);

            if (model.Groups.SelectMany(o => o.Values).Any(g => g.Members.Any(u => model.Users.Any(us => us.Values.Any(x => x.Id == u && x.State == MembershipState.Inactive)))))
            {
                found.Add("an Inactive member listed in a group");
            }

            if (step.Kind == GroupStepKind.Reactivate && stateBefore == MembershipState.Inactive && groupsBefore > 0)
            {
                found.Add("a member reactivated with its groups");
            }

            if (step.Kind == GroupStepKind.Provision && stateBefore == MembershipState.Inactive && after?.State == MembershipState.Active && groupsBefore > 0)
            {
                found.Add("a member revived with its groups");
            }

            if (step.Kind == GroupStepKind.Remove && before is not null && groupsBefore > 0)
            {
                found.Add("a member removed from its groups by DELETE");
                removed.Add($"{step.Org}/{key}");
            }

            if (step.Kind == GroupStepKind.Provision && before is null && removed.Contains($"{step.Org}/{key}"))
            {
                found.Add("a removed member provisioned again");
            }

            if (step.Kind == GroupStepKind.AddMember && step == previous)
            {
                found.Add("an add repeated");
            }

            if (step.Kind == GroupStepKind.AddMember && step.FromOtherOrg)
            {
                found.Add("a member of another organization refused");
            }

            if (step.Kind == GroupStepKind.DeleteGroup && groupBefore is { Members.Count: > 0 })
            {
                found.Add("a group deleted with members");
            }

            if (step.User.Any(c => c > 127) && before is not null)
            {
                found.Add("a non-ASCII member");
            }

            previous = step;
        }

        var names = scenario.Steps.Select(s => s.User).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count != names.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            found.Add("a member named in two cases");
        }

        var groupNames = scenario.Steps.Where(s => s.Kind != GroupStepKind.Provision).Select(s => s.Group).Distinct(StringComparer.Ordinal).ToList();
        if (groupNames.Count != groupNames.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            found.Add("a group named in two cases");
        }

        return found;
    }

    /// <summary>The rule as DESIGN.md states it, in plain code, without the library: per organization, named members and named groups of member ids.</summary>
    private sealed class GroupReference(InactiveProvisionPolicy policy)
    {
        public Dictionary<string, RefUser>[] Users { get; } = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

        public Dictionary<string, RefGroup>[] Groups { get; } = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

        public void Apply(GroupStep step, string newId)
        {
            var users = Users[step.Org];
            var groups = Groups[step.Org];
            var user = users.GetValueOrDefault(step.User.ToUpperInvariant());
            var group = groups.GetValueOrDefault(step.Group.ToUpperInvariant());
            switch (step.Kind)
            {
                case GroupStepKind.Provision when user is null:
                    users[step.User.ToUpperInvariant()] = new RefUser(newId, step.Active ? MembershipState.Active : MembershipState.Inactive);
                    break;
                case GroupStepKind.Provision when user.State == MembershipState.Inactive && policy == InactiveProvisionPolicy.Revive:
                    user.State = step.Active ? MembershipState.Active : MembershipState.Inactive; // same id, same groups
                    break;
                case GroupStepKind.Deactivate when user is not null:
                    user.State = MembershipState.Inactive; // groups kept
                    break;
                case GroupStepKind.Reactivate when user is not null:
                    user.State = MembershipState.Active; // exactly the groups it had
                    break;
                case GroupStepKind.Remove when user is not null:
                    users.Remove(step.User.ToUpperInvariant());
                    foreach (var g in groups.Values)
                    {
                        g.Members.Remove(user.Id); // in no group any more
                    }

                    break;
                case GroupStepKind.CreateGroup when group is null:
                    groups[step.Group.ToUpperInvariant()] = new RefGroup(newId, step.Group);
                    break;
                case GroupStepKind.RenameGroup when group is not null:
                    var taken = groups.GetValueOrDefault(step.NewName.ToUpperInvariant());
                    if (taken is null || taken == group)
                    {
                        groups.Remove(step.Group.ToUpperInvariant());
                        group.Name = step.NewName;
                        groups[step.NewName.ToUpperInvariant()] = group;
                    }

                    break;
                case GroupStepKind.AddMember when group is not null && !step.FromOtherOrg && user is not null:
                    group.Members.Add(user.Id); // Active or Inactive alike
                    break;
                case GroupStepKind.RemoveMember when group is not null && user is not null:
                    group.Members.Remove(user.Id);
                    break;
                case GroupStepKind.ReplaceMembers when group is not null:
                    var replacement = step.Users.Select(name => users.GetValueOrDefault(name.ToUpperInvariant())).ToList();
                    if (replacement.All(u => u is not null))
                    {
                        group.Members.Clear();
                        group.Members.UnionWith(replacement.Select(u => u!.Id));
                    }

                    break;
                case GroupStepKind.DeleteGroup when group is not null:
                    groups.Remove(step.Group.ToUpperInvariant());
                    break;
            }
        }
    }

    private sealed class RefUser(string id, MembershipState state)
    {
        public string Id { get; } = id;

        public MembershipState State { get; set; } = state;
    }

    private sealed class RefGroup(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; set; } = name;

        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);
    }

    private sealed record HostMember(MembershipSnapshot Snapshot, string Name);

    private interface IGroupHost
    {
        HostMember? FindMember(int org, string name);

        MembershipState StateOf(int org, string id);

        HashSet<string> Members(int org);

        void Apply(int org, in MembershipDecision decision, string name);

        ScimStoredGroup? FindGroup(int org, string displayName);

        HashSet<string> GroupIds(int org);

        void Commit(int org, ScimGroupChange change);

        /// <summary>Every (group, user) a group lists: Active and Inactive members.</summary>
        HashSet<(string Group, string User)> ListedMemberships(int org);

        /// <summary>Every (group, user) that gives access in the app.</summary>
        HashSet<(string Group, string User)> Access(int org);
    }

    /// <summary>A host's groups, as rows, shared by both kinds of host.</summary>
    private abstract class GroupTables
    {
        protected Dictionary<string, ScimStoredGroup>[] Groups { get; } = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

        public ScimStoredGroup? FindGroup(int org, string displayName) =>
            Groups[org].Values.FirstOrDefault(g => string.Equals(g.DisplayName, displayName, StringComparison.OrdinalIgnoreCase));

        public HashSet<string> GroupIds(int org) => [.. Groups[org].Keys];

        public void Commit(int org, ScimGroupChange change)
        {
            var exists = Groups[org].TryGetValue(change.GroupId, out var current);
            if (change.Kind == ScimGroupChangeKind.Create ? exists : !exists || current!.Version != change.PreviousVersion)
            {
                return; // version conflict: nothing changes
            }

            if (change.Kind == ScimGroupChangeKind.Delete)
            {
                Groups[org].Remove(change.GroupId);
                DeleteRows(org, change.GroupId, user: null);
                return;
            }

            var next = change.Group!;
            if (Groups[org].Values.Any(g => g.Id != next.Id && string.Equals(g.DisplayName, next.DisplayName, StringComparison.OrdinalIgnoreCase)))
            {
                return; // 409 uniqueness: nothing changes
            }

            if (change.AddedMembers.Any(user => StateOf(org, user) == MembershipState.NotMember))
            {
                return; // 400 invalidValue: not a member of this organization, nothing changes
            }

            Groups[org][next.Id] = next;
            if (change.ReplacesMembers)
            {
                DeleteRows(org, next.Id, user: null);
            }

            foreach (var user in change.RemovedMembers)
            {
                DeleteRows(org, next.Id, user);
            }

            foreach (var user in change.AddedMembers)
            {
                AddRow(org, next.Id, user);
            }
        }

        public abstract MembershipState StateOf(int org, string id);

        protected abstract void DeleteRows(int org, string group, string? user);

        protected abstract void AddRow(int org, string group, string user);
    }

    /// <summary>The two-state app: membership rows, inactive records, its own <c>group_members</c> (access) and the inactive side.</summary>
    private sealed class TwoStateGroupHost(bool breakDeactivation) : GroupTables, IGroupHost
    {
        private readonly Dictionary<string, HostMember>[] _rows = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        private readonly Dictionary<string, HostMember>[] _inactive = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        private readonly HashSet<(string Group, string User)>[] _groupMembers = [[], []];
        private readonly HashSet<(string Group, string User)>[] _inactiveGroupMembers = [[], []];

        public HostMember? FindMember(int org, string name) =>
            _rows[org].Values.Concat(_inactive[org].Values).FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

        public override MembershipState StateOf(int org, string id)
        {
            var reading = TwoStateHost.Read(_rows[org].GetValueOrDefault(id)?.Snapshot, _inactive[org].GetValueOrDefault(id)?.Snapshot);
            return reading.IsConsistent ? reading.Snapshot.State : throw new InvalidOperationException(reading.Error!.Message);
        }

        public HashSet<string> Members(int org) => [.. _rows[org].Keys, .. _inactive[org].Keys];

        public void Apply(int org, in MembershipDecision decision, string name)
        {
            var plan = TwoStateHost.Plan(decision);
            var id = decision.Id!;
            if (plan.HasFlag(TwoStateEffects.RemoveFromOrganization))
            {
                _rows[org].Remove(id);
            }

            if (plan.HasFlag(TwoStateEffects.DropInactiveRecord))
            {
                _inactive[org].Remove(id);
            }

            if (decision.Next.Exists)
            {
                (decision.Next.State == MembershipState.Active ? _rows : _inactive)[org][id] = new HostMember(decision.Next, name);
            }

            if (plan.HasFlag(TwoStateEffects.MoveGroupMembershipsToInactive))
            {
                foreach (var row in _groupMembers[org].Where(r => r.User == id).ToList())
                {
                    _groupMembers[org].Remove(row);
                    if (!breakDeactivation)
                    {
                        _inactiveGroupMembers[org].Add(row);
                    }
                }
            }

            if (plan.HasFlag(TwoStateEffects.MoveGroupMembershipsBack))
            {
                foreach (var row in _inactiveGroupMembers[org].Where(r => r.User == id).ToList())
                {
                    _inactiveGroupMembers[org].Remove(row);
                    _groupMembers[org].Add(row);
                }
            }

            if (plan.HasFlag(TwoStateEffects.DropGroupMemberships))
            {
                _groupMembers[org].RemoveWhere(r => r.User == id);
                _inactiveGroupMembers[org].RemoveWhere(r => r.User == id);
            }
        }

        public HashSet<(string Group, string User)> ListedMemberships(int org) => [.. _groupMembers[org], .. _inactiveGroupMembers[org]];

        public HashSet<(string Group, string User)> Access(int org) => [.. _groupMembers[org]];

        public override string ToString() => breakDeactivation ? "two-state (drops memberships on deactivation)" : "two-state";

        protected override void DeleteRows(int org, string group, string? user)
        {
            _groupMembers[org].RemoveWhere(r => r.Group == group && (user is null || r.User == user));
            _inactiveGroupMembers[org].RemoveWhere(r => r.Group == group && (user is null || r.User == user));
        }

        protected override void AddRow(int org, string group, string user)
        {
            // The side the member's state names, as read in the same transaction.
            var table = TwoStateHost.GroupTableOf(StateOf(org, user)) == TwoStateGroupTable.GroupMembers ? _groupMembers : _inactiveGroupMembers;
            table[org].Add((group, user));
        }
    }

    /// <summary>A host with a status column: one membership row with "enabled"/"disabled", and one group_members table whatever the status.</summary>
    private sealed class StatusColumnGroupHost : GroupTables, IGroupHost
    {
        private static readonly StatusColumnHost<string> Mapping = new("enabled", "disabled", StringComparer.Ordinal);
        private readonly Dictionary<string, (string Status, HostMember Member)>[] _rows = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        private readonly HashSet<(string Group, string User)>[] _groupMembers = [[], []];

        public HostMember? FindMember(int org, string name) =>
            _rows[org].Values.Select(r => r.Member).FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

        public override MembershipState StateOf(int org, string id)
        {
            if (!_rows[org].TryGetValue(id, out var row))
            {
                return MembershipState.NotMember;
            }

            var snapshot = row.Member.Snapshot;
            return Mapping.Read(row.Status, id, snapshot.Version, snapshot.Created, snapshot.LastModified, snapshot.DeactivatedAt).Snapshot.State;
        }

        public HashSet<string> Members(int org) => [.. _rows[org].Keys];

        public void Apply(int org, in MembershipDecision decision, string name)
        {
            var effects = Mapping.Plan(decision);
            var id = decision.Id!;
            if (effects.HasFlag(StatusColumnEffects.DeleteRow))
            {
                _rows[org].Remove(id);
            }
            else if (effects != StatusColumnEffects.None)
            {
                _rows[org][id] = (Mapping.ToStatus(decision.Next.State), new HostMember(decision.Next, name));
            }

            if (effects.HasFlag(StatusColumnEffects.DeleteGroupMemberships))
            {
                _groupMembers[org].RemoveWhere(r => r.User == id);
            }
        }

        public HashSet<(string Group, string User)> ListedMemberships(int org) => [.. _groupMembers[org]];

        // Access reads the status: rows stay, only enabled members get through.
        public HashSet<(string Group, string User)> Access(int org) =>
            [.. _groupMembers[org].Where(r => _rows[org].TryGetValue(r.User, out var row) && row.Status == Mapping.ActiveStatus)];

        public override string ToString() => "status-column";

        protected override void DeleteRows(int org, string group, string? user) =>
            _groupMembers[org].RemoveWhere(r => r.Group == group && (user is null || r.User == user));

        protected override void AddRow(int org, string group, string user) => _groupMembers[org].Add((group, user));
    }
}
