using FluentAssertions;

namespace MembershipStates.Tests.Lifecycle;

public sealed class ArgumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Snapshot_ExistingWithoutId_Throws(string? id)
    {
        var act = () => MembershipSnapshot.Active(id!, 1, Now, Now);

        act.Should().Throw<ArgumentException>().WithParameterName("id");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Snapshot_VersionBelowOne_Throws(long version)
    {
        var act = () => MembershipSnapshot.Inactive("id", version, Now, Now, Now);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("version");
    }

    [Fact]
    public void Snapshot_ExistingNotMember_Throws()
    {
        var act = () => MembershipSnapshot.Existing(MembershipState.NotMember, "id", 1, Now, Now, null);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("state");
    }

    [Fact]
    public void Snapshot_ExistingInactiveWithoutDeactivationTime_Throws()
    {
        var act = () => MembershipSnapshot.Existing(MembershipState.Inactive, "id", 1, Now, Now, null);

        act.Should().Throw<ArgumentException>().WithParameterName("deactivatedAt");
    }

    [Fact]
    public void Snapshot_Default_IsNotMember()
    {
        default(MembershipSnapshot).Should().Be(MembershipSnapshot.NotMember);
        default(MembershipSnapshot).Exists.Should().BeFalse();
        default(MembershipSnapshot).Id.Should().BeNull();
        default(MembershipSnapshot).Version.Should().Be(0);
    }

    [Fact]
    public void Command_ProvisionWithoutId_Throws()
    {
        var act = () => MembershipCommand.Provision(" ");

        act.Should().Throw<ArgumentException>().WithParameterName("newId");
    }

    [Fact]
    public void Command_ExpectingVersionBelowOne_Throws()
    {
        var act = () => MembershipCommand.Remove().ExpectingVersion(0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Command_Default_IsReadWithoutExpectation()
    {
        default(MembershipCommand).Should().Be(MembershipCommand.Read());
        default(MembershipCommand).ExpectedVersion.Should().BeNull();
    }

    [Fact]
    public void Lifecycle_UndefinedPolicy_Throws()
    {
        var act = () => new MembershipLifecycle((InactiveProvisionPolicy)9);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("policy");
    }

    [Fact]
    public void Decide_UndefinedState_Throws()
    {
        var bogus = MembershipSnapshot.Unchecked((MembershipState)7, "id", 1, Now, Now, null);

        var act = () => new MembershipLifecycle().Decide(bogus, MembershipCommand.Read());

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
