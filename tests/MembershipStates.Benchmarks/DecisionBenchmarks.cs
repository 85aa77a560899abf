using BenchmarkDotNet.Attributes;
using MembershipStates;
using Stateless;

namespace MembershipStates.Benchmarks;

/// <summary>
/// One lifecycle decision, three ways: a Stateless machine built per call (the baseline, what a host would write
/// first), one shared Stateless machine (faster but not thread-safe), and the compiled decision table.
/// Each invocation decides all 21 (state, command) cells once.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private static readonly DateTimeOffset Then = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly MembershipLifecycle _lifecycle = new();
    private readonly MembershipLifecycle _fixedClockLifecycle = new(timeProvider: new FixedClock());
    private readonly StateMachine<MembershipState, LifecycleTrigger> _shared;
    private MembershipState _sharedState;
    private (MembershipSnapshot Snapshot, MembershipCommand Command, LifecycleTrigger Trigger)[] _cases = [];

    public DecisionBenchmarks() =>
        _shared = LifecycleSpecification.Create(InactiveProvisionPolicy.Revive, () => _sharedState, s => _sharedState = s);

    [GlobalSetup]
    public void Setup()
    {
        var snapshots = new[]
        {
            MembershipSnapshot.NotMember,
            MembershipSnapshot.Active("2819c223-7f76-453a-919d-413861904646", 3, Then, Then),
            MembershipSnapshot.Inactive("2819c223-7f76-453a-919d-413861904646", 4, Then, Then, Then),
        };
        var commands = new[]
        {
            MembershipCommand.Read(),
            MembershipCommand.Provision("a1b2c3", active: true),
            MembershipCommand.Provision("a1b2c3", active: false),
            MembershipCommand.Deactivate(),
            MembershipCommand.Reactivate(),
            MembershipCommand.UpdateProfile(),
            MembershipCommand.Remove(),
        };
        _cases = [.. from s in snapshots from c in commands select (s, c, MembershipLifecycle.ToTrigger(c))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 21)]
    public MembershipState StatelessMachinePerCall()
    {
        var last = MembershipState.NotMember;
        for (var i = 0; i < _cases.Length; i++)
        {
            var trigger = _cases[i].Trigger;
            var state = _cases[i].Snapshot.State;
            var machine = LifecycleSpecification.Create(InactiveProvisionPolicy.Revive, () => state, s => state = s);
            if (machine.CanFire(trigger))
            {
                machine.Fire(trigger);
            }

            last = state;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 21)]
    public MembershipState SharedStatelessMachine()
    {
        var last = MembershipState.NotMember;
        for (var i = 0; i < _cases.Length; i++)
        {
            var trigger = _cases[i].Trigger;
            _sharedState = _cases[i].Snapshot.State;
            if (_shared.CanFire(trigger))
            {
                _shared.Fire(trigger);
            }

            last = _sharedState;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 21)]
    public MembershipState CompiledDecision()
    {
        var last = MembershipState.NotMember;
        for (var i = 0; i < _cases.Length; i++)
        {
            ref readonly var c = ref _cases[i];
            last = _lifecycle.Decide(c.Snapshot, c.Command).Next.State;
        }

        return last;
    }

    /// <summary>The same decisions with a clock that costs nothing to read: the share of the system clock in the figure above.</summary>
    [Benchmark(OperationsPerInvoke = 21)]
    public MembershipState CompiledDecisionFixedClock()
    {
        var last = MembershipState.NotMember;
        for (var i = 0; i < _cases.Length; i++)
        {
            ref readonly var c = ref _cases[i];
            last = _fixedClockLifecycle.Decide(c.Snapshot, c.Command).Next.State;
        }

        return last;
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Then;
    }
}
