using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace MembershipStates.Tests.Lifecycle;

/// <summary>
/// Random command sequences run through decisions and effects for both kinds of host, and compared after every
/// step with a plain reference model written without the library.
/// </summary>
public sealed partial class ModelBasedTests
{
    public enum Expect
    {
        Nothing,
        CurrentVersion,
        StaleVersion,
        FailedPrecondition,
    }

    public sealed record Step(MembershipCommandKind Kind, bool Active, bool ChangesAttributes, Expect Expect, string Attributes)
    {
        public override string ToString() =>
            $"{Kind}{(Kind == MembershipCommandKind.Provision ? $"(active:{Active})" : "")}{(ChangesAttributes ? $"+attrs:{Attributes}" : "")}{(Expect == Expect.Nothing ? "" : $" if {Expect}")}";
    }

    public sealed record Scenario(InactiveProvisionPolicy Policy, IReadOnlyList<Step> Steps)
    {
        public override string ToString() => $"{Policy}: {string.Join(", ", Steps)}";
    }

    public static class Scenarios
    {
        // Deactivate and inactive provisions are weighted up so sequences spend time in Inactive; a step repeats
        // its predecessor often, to exercise idempotence.
        private static readonly Gen<Step> Fresh =
            from kind in Gen.Frequency(
                (4, Gen.Constant(MembershipCommandKind.Provision)),
                (5, Gen.Constant(MembershipCommandKind.Deactivate)),
                (3, Gen.Constant(MembershipCommandKind.Reactivate)),
                (3, Gen.Constant(MembershipCommandKind.UpdateProfile)),
                (1, Gen.Constant(MembershipCommandKind.Remove)),
                (2, Gen.Constant(MembershipCommandKind.Read)))
            from active in Gen.Frequency((1, Gen.Constant(true)), (1, Gen.Constant(false)))
            from changes in Gen.Elements(true, false)
            from expect in Gen.Frequency((6, Gen.Constant(Expect.Nothing)), (3, Gen.Constant(Expect.CurrentVersion)), (1, Gen.Constant(Expect.StaleVersion)), (1, Gen.Constant(Expect.FailedPrecondition)))
            from attributes in Gen.Elements("Ann", "ann", "Bob", "Ça", "")
            select new Step(kind, active, changes, expect, attributes);

        public static Arbitrary<Scenario> Arbitrary()
        {
            var steps =
                from length in Gen.Choose(1, 50)
                from raw in Gen.ArrayOf(Gen.Zip(Fresh, Gen.Choose(0, 9)), length)
                select Repeat(raw);
            var gen =
                from policy in Gen.Elements(InactiveProvisionPolicy.Revive, InactiveProvisionPolicy.Reject)
                from list in steps
                select new Scenario(policy, list);
            return Arb.From(gen, Shrink);
        }

        private static Step[] Repeat((Step Step, int Roll)[] raw)
        {
            var result = new Step[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                result[i] = i > 0 && raw[i].Roll < 4 ? result[i - 1] : raw[i].Step;
            }

            return result;
        }

        // Shrinks by dropping halves, then single steps, then the policy to its default.
        private static IEnumerable<Scenario> Shrink(Scenario scenario)
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

            if (scenario.Policy != InactiveProvisionPolicy.Revive)
            {
                yield return scenario with { Policy = InactiveProvisionPolicy.Revive };
            }
        }
    }

    [Property(Arbitrary = [typeof(Scenarios)], MaxTest = 1000)]
    public void Decide_RandomSequences_MatchReferenceModelForBothHostKinds(Scenario scenario)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var lifecycle = new MembershipLifecycle(scenario.Policy, clock);
        var model = new ReferenceModel(scenario.Policy);
        var statusHost = new StatusColumnStore();
        var twoStateHost = new TwoStateStore();
        var nextId = 0;

        foreach (var step in scenario.Steps)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var newId = $"id-{++nextId}";
            var expected = model.Apply(step, newId);

            foreach (var host in new IHostStore[] { statusHost, twoStateHost })
            {
                var reading = host.Read();
                reading.IsConsistent.Should().BeTrue("{0} host after {1}", host, step);
                var before = reading.Snapshot;
                var command = ToCommand(step, newId, before);

                var decision = lifecycle.Decide(before, command);
                host.Apply(decision, step.Attributes);
                var after = host.Read();

                decision.Outcome.Should().Be(expected, "{0} host, step {1}", host, step);
                after.IsConsistent.Should().BeTrue("the {0} host's invariant holds after {1}", host, step);
                var snapshot = after.Snapshot;

                // Reads: Inactive is found with active false; NotMember is not found.
                snapshot.State.Should().Be(model.State);
                var read = lifecycle.Decide(snapshot, MembershipCommand.Read());
                read.Outcome.Should().Be(model.State == MembershipState.NotMember ? MembershipOutcome.NotFound : MembershipOutcome.Unchanged);
                host.Attributes.Should().Be(model.Attributes, "{0} host keeps the attributes last written", host);

                // The id is stable from provision to removal.
                snapshot.Id.Should().Be(model.Id);

                // Versions strictly increase on change and stay on unchanged.
                snapshot.Version.Should().Be(model.Version);
                if (decision.IsChange && snapshot.Exists && before.Exists)
                {
                    snapshot.Version.Should().BeGreaterThan(before.Version);
                }

                if (!decision.IsChange)
                {
                    snapshot.Should().Be(before);
                }

                (snapshot.DeactivatedAt is not null).Should().Be(model.State == MembershipState.Inactive);
            }
        }
    }

    private static MembershipCommand ToCommand(Step step, string newId, MembershipSnapshot current)
    {
        var command = step.Kind switch
        {
            MembershipCommandKind.Provision => MembershipCommand.Provision(newId, step.Active),
            MembershipCommandKind.Deactivate => MembershipCommand.Deactivate(step.ChangesAttributes),
            MembershipCommandKind.Reactivate => MembershipCommand.Reactivate(step.ChangesAttributes),
            MembershipCommandKind.UpdateProfile => MembershipCommand.UpdateProfile(step.ChangesAttributes),
            MembershipCommandKind.Remove => MembershipCommand.Remove(),
            _ => MembershipCommand.Read(),
        };
        return step.Expect switch
        {
            Expect.CurrentVersion when current.Exists => command.ExpectingVersion(current.Version),
            Expect.StaleVersion when current.Exists => command.ExpectingVersion(current.Version + 1),
            Expect.FailedPrecondition => command.FailingPrecondition(),
            _ => command,
        };
    }

    /// <summary>The lifecycle as DESIGN.md states it, in plain code, without the library.</summary>
    private sealed class ReferenceModel(InactiveProvisionPolicy policy)
    {
        public MembershipState State { get; private set; } = MembershipState.NotMember;

        public string? Id { get; private set; }

        public long Version { get; private set; }

        public string? Attributes { get; private set; }

        public MembershipOutcome Apply(Step step, string newId)
        {
            var exists = State != MembershipState.NotMember;
            if (!exists && step.Kind != MembershipCommandKind.Provision)
            {
                return MembershipOutcome.NotFound;
            }

            if ((step.Expect == Expect.StaleVersion && exists) || step.Expect == Expect.FailedPrecondition)
            {
                return MembershipOutcome.PreconditionFailed;
            }

            switch (step.Kind)
            {
                case MembershipCommandKind.Provision when !exists:
                    State = step.Active ? MembershipState.Active : MembershipState.Inactive;
                    Id = newId;
                    Version = 1;
                    Attributes = step.Attributes;
                    return MembershipOutcome.Created;
                case MembershipCommandKind.Provision when State == MembershipState.Inactive && policy == InactiveProvisionPolicy.Revive:
                    State = step.Active ? MembershipState.Active : MembershipState.Inactive;
                    Version++;
                    Attributes = step.Attributes;
                    return MembershipOutcome.Revived;
                case MembershipCommandKind.Provision:
                    return MembershipOutcome.Conflict;
                case MembershipCommandKind.Remove:
                    State = MembershipState.NotMember;
                    Id = null;
                    Version = 0;
                    Attributes = null;
                    return MembershipOutcome.Removed;
                case MembershipCommandKind.Read:
                    return MembershipOutcome.Unchanged;
                default:
                    var target = step.Kind switch
                    {
                        MembershipCommandKind.Deactivate => MembershipState.Inactive,
                        MembershipCommandKind.Reactivate => MembershipState.Active,
                        _ => State,
                    };
                    if (target == State && !step.ChangesAttributes)
                    {
                        return MembershipOutcome.Unchanged;
                    }

                    State = target;
                    Version++;
                    if (step.ChangesAttributes)
                    {
                        Attributes = step.Attributes;
                    }

                    return MembershipOutcome.Updated;
            }
        }
    }

    private interface IHostStore
    {
        string? Attributes { get; }

        HostReading Read();

        void Apply(in MembershipDecision decision, string requestAttributes);
    }

    /// <summary>A host with a status column: "enabled"/"disabled" on its membership row.</summary>
    private sealed class StatusColumnStore : IHostStore
    {
        private static readonly StatusColumnHost<string> Mapping = new("enabled", "disabled", StringComparer.Ordinal);
        private Row? _row;

        public string? Attributes => _row?.Attributes;

        public HostReading Read() => _row is null
            ? TwoStateHost.Read(null, null)
            : Mapping.Read(_row.Status, _row.Id, _row.Version, _row.Created, _row.LastModified, _row.DeactivatedAt);

        public void Apply(in MembershipDecision decision, string requestAttributes)
        {
            var effects = Mapping.Plan(decision);
            var next = decision.Next;
            if (effects.HasFlag(StatusColumnEffects.DeleteRow))
            {
                _row = null;
                return;
            }

            if (effects.HasFlag(StatusColumnEffects.InsertRow))
            {
                _row = new Row(Mapping.ToStatus(next.State), next.Id!, next.Version, next.Created, next.LastModified, next.DeactivatedAt, requestAttributes);
                return;
            }

            if (effects == StatusColumnEffects.None)
            {
                return;
            }

            _row = _row! with
            {
                Status = effects.HasFlag(StatusColumnEffects.UpdateStatus) ? Mapping.ToStatus(next.State) : _row.Status,
                Version = next.Version,
                LastModified = next.LastModified,
                DeactivatedAt = next.DeactivatedAt,
                Attributes = effects.HasFlag(StatusColumnEffects.WriteAttributes) ? requestAttributes : _row.Attributes,
            };
        }

        public override string ToString() => "status-column";

        private sealed record Row(string Status, string Id, long Version, DateTimeOffset Created, DateTimeOffset LastModified, DateTimeOffset? DeactivatedAt, string Attributes);
    }

    /// <summary>The problem's host: a membership row or none, plus the library's inactive record.</summary>
    private sealed class TwoStateStore : IHostStore
    {
        private Member? _member;
        private InactiveRecord? _inactive;

        public string? Attributes => _member?.Attributes ?? _inactive?.Attributes;

        public HostReading Read() => TwoStateHost.Read(
            _member is null ? null : MembershipSnapshot.Active(_member.Id, _member.Version, _member.Created, _member.LastModified),
            _inactive is null ? null : MembershipSnapshot.Inactive(_inactive.Id, _inactive.Version, _inactive.Created, _inactive.LastModified, _inactive.DeactivatedAt));

        public void Apply(in MembershipDecision decision, string requestAttributes)
        {
            var effects = TwoStateHost.Plan(decision);
            var next = decision.Next;
            var attributes = effects.HasFlag(TwoStateEffects.WriteAttributes) ? requestAttributes : Attributes!;

            if (effects.HasFlag(TwoStateEffects.RemoveFromOrganization))
            {
                _member = null;
            }

            if (effects.HasFlag(TwoStateEffects.DropInactiveRecord))
            {
                _inactive = null;
            }

            if (effects.HasFlag(TwoStateEffects.KeepInactiveRecord))
            {
                _inactive = new InactiveRecord(next.Id!, next.Version, next.Created, next.LastModified, next.DeactivatedAt!.Value, attributes);
            }

            if (effects.HasFlag(TwoStateEffects.AddToOrganization) || (_member is not null && effects != TwoStateEffects.None))
            {
                _member = new Member(next.Id!, next.Version, next.Created, next.LastModified, attributes);
            }
        }

        public override string ToString() => "two-state";

        private sealed record Member(string Id, long Version, DateTimeOffset Created, DateTimeOffset LastModified, string Attributes);

        private sealed record InactiveRecord(string Id, long Version, DateTimeOffset Created, DateTimeOffset LastModified, DateTimeOffset DeactivatedAt, string Attributes);
    }
}
