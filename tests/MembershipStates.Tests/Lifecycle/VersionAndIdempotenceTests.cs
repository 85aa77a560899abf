using FluentAssertions;
using static MembershipStates.MembershipOutcome;
using static MembershipStates.MembershipState;

namespace MembershipStates.Tests.Lifecycle;

public sealed class VersionAndIdempotenceTests
{
    private readonly MembershipLifecycle _lifecycle = new();

    [Theory]
    [InlineData(Active)]
    [InlineData(Inactive)]
    public void Decide_StaleExpectedVersion_IsPreconditionFailedWithNoEffects(MembershipState state)
    {
        var current = LifecycleTableTests.In(state);

        foreach (var command in new[]
                 {
                     MembershipCommand.Deactivate(), MembershipCommand.Reactivate(), MembershipCommand.UpdateProfile(),
                     MembershipCommand.Remove(), MembershipCommand.Read(),
                 })
        {
            var decision = _lifecycle.Decide(current, command.ExpectingVersion(current.Version + 1));

            decision.Outcome.Should().Be(PreconditionFailed, "{0} expects a version the membership is not at", command);
            decision.Effects.Should().Be(MembershipEffects.None);
            decision.Next.Should().Be(current);
        }
    }

    [Theory]
    [InlineData(NotMember)]
    [InlineData(Active)]
    [InlineData(Inactive)]
    public void Decide_FailingPrecondition_IsPreconditionFailedWithNoEffects_AfterNotFound(MembershipState state)
    {
        var current = LifecycleTableTests.In(state);

        foreach (var command in new[]
                 {
                     MembershipCommand.Provision("new"), MembershipCommand.Deactivate(), MembershipCommand.Reactivate(),
                     MembershipCommand.UpdateProfile(), MembershipCommand.Remove(), MembershipCommand.Read(),
                 })
        {
            var decision = _lifecycle.Decide(current, command.FailingPrecondition());

            var expected = !current.Exists && command.Kind != MembershipCommandKind.Provision ? NotFound : PreconditionFailed;
            decision.Outcome.Should().Be(expected, "{0} carries a precondition that does not hold", command);
            decision.Effects.Should().Be(MembershipEffects.None);
            decision.Next.Should().Be(current);
        }
    }

    [Fact]
    public void Decide_MatchingExpectedVersion_Proceeds()
    {
        var current = LifecycleTableTests.In(Active);

        var decision = _lifecycle.Decide(current, MembershipCommand.Deactivate().ExpectingVersion(current.Version));

        decision.Outcome.Should().Be(Updated);
        decision.Next.Version.Should().Be(current.Version + 1);
    }

    [Fact]
    public void Decide_ExpectedVersionOnNonMember_IsNotFoundNotPrecondition()
    {
        var decision = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Remove().ExpectingVersion(3));

        decision.Outcome.Should().Be(NotFound, "every operation on a non-member is 404");
    }

    [Fact]
    public void Decide_RepeatedDeactivate_IsUnchangedAndKeepsVersion()
    {
        var first = _lifecycle.Decide(LifecycleTableTests.In(Active), MembershipCommand.Deactivate());
        var second = _lifecycle.Decide(first.Next, MembershipCommand.Deactivate());
        var third = _lifecycle.Decide(second.Next, MembershipCommand.Deactivate());

        first.Outcome.Should().Be(Updated);
        second.Outcome.Should().Be(Unchanged);
        third.Outcome.Should().Be(Unchanged);
        third.Next.Should().Be(first.Next);
    }

    [Fact]
    public void Decide_RepeatedReactivate_IsUnchangedAndKeepsVersion()
    {
        var first = _lifecycle.Decide(LifecycleTableTests.In(Inactive), MembershipCommand.Reactivate());
        var second = _lifecycle.Decide(first.Next, MembershipCommand.Reactivate());

        first.Outcome.Should().Be(Updated);
        second.Outcome.Should().Be(Unchanged);
        second.Next.Should().Be(first.Next);
    }

    [Fact]
    public void Decide_RemoveAfterRemove_IsNotFound()
    {
        var first = _lifecycle.Decide(LifecycleTableTests.In(Inactive), MembershipCommand.Remove());
        var second = _lifecycle.Decide(first.Next, MembershipCommand.Remove());

        first.Outcome.Should().Be(Removed);
        second.Outcome.Should().Be(NotFound);
        second.Effects.Should().Be(MembershipEffects.None);
    }

    [Fact]
    public void Decide_ProvisionAfterRemove_IsNewProvisioningWithNewId()
    {
        var removed = _lifecycle.Decide(LifecycleTableTests.In(Active), MembershipCommand.Remove());

        var again = _lifecycle.Decide(removed.Next, MembershipCommand.Provision("id-2"));

        again.Outcome.Should().Be(Created);
        again.Next.Id.Should().Be("id-2");
        again.Next.Version.Should().Be(1);
    }

    [Fact]
    public void Decide_OktaCrudSequence_KeepsTheSameIdThroughDeactivationAndReactivation()
    {
        // Okta's CRUD test: assign, update profile, deactivate, reactivate, unassign (deactivate again).
        var created = _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision("scim-1"));
        var updated = _lifecycle.Decide(created.Next, MembershipCommand.UpdateProfile());
        var deactivated = _lifecycle.Decide(updated.Next, MembershipCommand.Deactivate());
        var read = _lifecycle.Decide(deactivated.Next, MembershipCommand.Read());
        var reactivated = _lifecycle.Decide(read.Next, MembershipCommand.Reactivate());
        var unassigned = _lifecycle.Decide(reactivated.Next, MembershipCommand.Deactivate());

        read.Outcome.Should().Be(Unchanged, "a deactivated user is still found");
        read.Next.State.Should().Be(Inactive);
        new[] { created, updated, deactivated, reactivated, unassigned }.Select(d => d.Next.Id).Should().AllBe("scim-1");
        new[] { created, updated, deactivated, reactivated, unassigned }.Select(d => d.Next.Version)
            .Should().Equal(1, 2, 3, 4, 5);
        unassigned.Next.State.Should().Be(Inactive);
    }
}
