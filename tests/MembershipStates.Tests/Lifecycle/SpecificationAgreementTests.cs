using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MembershipStates.Tests.Lifecycle;

/// <summary>The compiled decision table answers exactly what the Stateless specification machine answers.</summary>
public sealed class SpecificationAgreementTests
{
    public sealed record Case(
        MembershipState State,
        MembershipCommand Command,
        InactiveProvisionPolicy Policy,
        bool VersionMatches);

    public static class Cases
    {
        public static Arbitrary<Case> Arbitrary()
        {
            var commands = Gen.Elements(
                MembershipCommand.Read(),
                MembershipCommand.Provision("new", active: true),
                MembershipCommand.Provision("new", active: false),
                MembershipCommand.Deactivate(),
                MembershipCommand.Deactivate(changesAttributes: true),
                MembershipCommand.Reactivate(),
                MembershipCommand.Reactivate(changesAttributes: true),
                MembershipCommand.UpdateProfile(),
                MembershipCommand.UpdateProfile(changesAttributes: false),
                MembershipCommand.Remove());
            var gen =
                from state in Gen.Elements(MembershipState.NotMember, MembershipState.Active, MembershipState.Inactive)
                from command in commands
                from policy in Gen.Elements(InactiveProvisionPolicy.Revive, InactiveProvisionPolicy.Reject)
                from matches in Gen.Elements(true, false)
                select new Case(state, command, policy, matches);
            return gen.ToArbitrary();
        }
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 500)]
    public void Decide_AnyStateCommandPolicyAndVersion_AgreesWithStatelessMachine(Case c)
    {
        var current = LifecycleTableTests.In(c.State);
        var command = c.VersionMatches || !current.Exists ? c.Command : c.Command.ExpectingVersion(current.Version + 1);
        if (c.VersionMatches && current.Exists)
        {
            command = command.ExpectingVersion(current.Version);
        }

        var decision = new MembershipLifecycle(c.Policy).Decide(current, command);

        // Ask the specification itself: a fresh machine over external state, as Stateless documents it.
        var state = c.State;
        var machine = LifecycleSpecification.Create(c.Policy, () => state, s => state = s);
        var trigger = MembershipLifecycle.ToTrigger(command);
        var canFire = machine.CanFire(trigger);
        var transitioned = false;
        if (canFire)
        {
            machine.OnTransitioned(_ => transitioned = true);
            machine.Fire(trigger);
        }

        if (!canFire && !LifecycleSpecification.IsProvision(trigger))
        {
            decision.Outcome.Should().Be(MembershipOutcome.NotFound);
            return;
        }

        if (!c.VersionMatches && current.Exists)
        {
            decision.Outcome.Should().Be(MembershipOutcome.PreconditionFailed);
            decision.Effects.Should().Be(MembershipEffects.None);
            return;
        }

        if (!canFire)
        {
            decision.Outcome.Should().Be(MembershipOutcome.Conflict);
            decision.Next.Should().Be(current);
            return;
        }

        decision.Next.State.Should().Be(state, "the machine moved to {0}", state);
        if (!transitioned)
        {
            // Ignored by the machine: nothing changes unless the same request carries attribute changes.
            var expected = command.ChangesAttributes && command.Kind != MembershipCommandKind.Read
                ? MembershipOutcome.Updated
                : MembershipOutcome.Unchanged;
            decision.Outcome.Should().Be(expected);
        }
        else
        {
            decision.IsChange.Should().Be(command.Kind != MembershipCommandKind.UpdateProfile || command.ChangesAttributes);
        }
    }

    [Fact]
    public void CompiledTable_EveryCell_EqualsAFreshEvaluationOfTheSpecification()
    {
        foreach (var policy in LifecycleSpecification.Policies)
        {
            foreach (var state in LifecycleSpecification.States)
            {
                foreach (var trigger in LifecycleSpecification.Triggers)
                {
                    DecisionTable.Compiled[policy, state, trigger]
                        .Should().Be(LifecycleSpecification.Evaluate(policy, state, trigger), "{0} {1} {2}", policy, state, trigger);
                }
            }
        }
    }
}
