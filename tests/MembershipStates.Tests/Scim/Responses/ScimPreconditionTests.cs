using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Responses;

public sealed class ScimPreconditionTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MembershipSnapshot AtSeven = MembershipSnapshot.Active("u1", 7, Time, Time);
    private static readonly MembershipSnapshot InactiveAtSeven = MembershipSnapshot.Inactive("u1", 7, Time, Time, Time);

    [Theory]
    [InlineData("W/\"7\"", new long[] { 7 }, false)]
    [InlineData("\"7\"", new long[] { 7 }, false)]
    [InlineData("W/\"3\", W/\"7\"", new long[] { 3, 7 }, false)]
    [InlineData("W/\"3\",W/\"7\"", new long[] { 3, 7 }, false)]
    [InlineData(" \tW/\"3\" ,\t\"7\" , ", new long[] { 3, 7 }, false)]
    [InlineData(",,W/\"3\",,", new long[] { 3 }, false)]
    [InlineData("W/\"3\", W/\"3\"", new long[] { 3, 3 }, false)]
    [InlineData("W/\"abc\"", new long[0], true)]
    [InlineData("W/\"a,b\", W/\"7\"", new long[] { 7 }, true)]
    [InlineData("7", new long[0], true)]
    [InlineData("7, W/\"7\"", new long[] { 7 }, true)]
    [InlineData("W/\"7\" junk, W/\"8\"", new long[] { 8 }, true)]
    [InlineData("W/\"7", new long[0], true)]
    [InlineData("*, W/\"7\"", new long[] { 7 }, true)]
    [InlineData("W/\"07\"", new long[0], true)]
    public void IfMatch_List_ReadsTheVersionsAndFlagsTheRest(string header, long[] versions, bool unparseable)
    {
        var precondition = ScimPrecondition.IfMatch(header);

        precondition.IsPresent.Should().BeTrue();
        precondition.IsAny.Should().BeFalse();
        precondition.Versions.Should().Equal(versions);
        precondition.HasUnparseableTags.Should().Be(unparseable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" , ")]
    public void IfMatch_AbsentOrBlank_IsNotPresentAndAlwaysHolds(string? header)
    {
        var precondition = ScimPrecondition.IfMatch(header);

        precondition.IsPresent.Should().BeFalse();
        precondition.IsSatisfiedBy(AtSeven).Should().BeTrue();
        precondition.IsSatisfiedBy(MembershipSnapshot.NotMember).Should().BeTrue();
        precondition.Should().Be(default(ScimPrecondition));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(" * ")]
    public void IfMatch_Star_MatchesAnyExistingMembership(string header)
    {
        var precondition = ScimPrecondition.IfMatch(header);

        precondition.IsAny.Should().BeTrue();
        precondition.IsSatisfiedBy(AtSeven).Should().BeTrue();
        precondition.IsSatisfiedBy(InactiveAtSeven).Should().BeTrue();
        precondition.IsSatisfiedBy(MembershipSnapshot.NotMember).Should().BeFalse();
    }

    [Theory]
    [InlineData("W/\"7\"", true)]
    [InlineData("\"7\"", true)]
    [InlineData("W/\"6\"", false)]
    [InlineData("W/\"8\"", false)]
    [InlineData("W/\"6\", W/\"7\"", true)]
    [InlineData("W/\"6\", W/\"8\"", false)]
    [InlineData("W/\"garbage\"", false)]
    [InlineData("garbage", false)]
    [InlineData("W/\"garbage\", W/\"7\"", true)]
    [InlineData("*, W/\"7\"", true)]
    [InlineData("*, W/\"6\"", false)]
    public void IfMatch_AgainstVersionSeven_MatchesOnlyVersionSeven(string header, bool expected)
    {
        ScimPrecondition.IfMatch(header).IsSatisfiedBy(AtSeven).Should().Be(expected);
    }

    [Theory]
    [InlineData("W/\"7\"")]
    [InlineData("*")]
    [InlineData("garbage")]
    public void IfMatch_NonMember_NeverHolds(string header)
    {
        ScimPrecondition.IfMatch(header).IsSatisfiedBy(MembershipSnapshot.NotMember).Should().BeFalse();
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("W/\"7\"", false)]
    [InlineData("\"7\"", false)]
    [InlineData("W/\"6\"", true)]
    [InlineData("W/\"6\", W/\"7\"", false)]
    [InlineData("*", false)]
    [InlineData("garbage", true)]
    [InlineData("W/\"garbage\"", true)]
    public void IfNoneMatch_AgainstVersionSeven_HoldsUnlessVersionSevenIsListed(string? header, bool expected)
    {
        ScimPrecondition.IfNoneMatch(header).IsSatisfiedBy(AtSeven).Should().Be(expected);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"7\"")]
    public void IfNoneMatch_NonMember_Holds(string header)
    {
        ScimPrecondition.IfNoneMatch(header).IsSatisfiedBy(MembershipSnapshot.NotMember).Should().BeTrue();
    }

    [Theory]
    [InlineData("W/\"7\"", MembershipOutcome.Updated)]
    [InlineData("W/\"6\", W/\"7\"", MembershipOutcome.Updated)]
    [InlineData("*", MembershipOutcome.Updated)]
    [InlineData(null, MembershipOutcome.Updated)]
    [InlineData("W/\"6\"", MembershipOutcome.PreconditionFailed)]
    [InlineData("W/\"garbage\"", MembershipOutcome.PreconditionFailed)]
    [InlineData("garbage", MembershipOutcome.PreconditionFailed)]
    public void ApplyTo_IfMatchOnADeactivation_DecidesAsThePreconditionSays(string? header, MembershipOutcome expected)
    {
        var lifecycle = new MembershipLifecycle();
        var command = ScimPrecondition.IfMatch(header).ApplyTo(MembershipCommand.Deactivate(), AtSeven);

        lifecycle.Decide(AtSeven, command).Outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData("W/\"6\"")]
    [InlineData("W/\"garbage\"")]
    [InlineData("W/\"6\", garbage")]
    public void ApplyTo_FailedIfMatch_MarksTheCommandFailing_WithoutInventingAVersion(string header)
    {
        var command = ScimPrecondition.IfMatch(header).ApplyTo(MembershipCommand.Deactivate(), AtSeven);

        command.FailsPrecondition.Should().BeTrue();
        command.ExpectedVersion.Should().BeNull("no version was expected: the header named none that exists");
        command.Kind.Should().Be(MembershipCommandKind.Deactivate);
    }

    [Theory]
    [InlineData("W/\"7\"", true)]
    [InlineData("W/\"6\", W/\"7\"", true)]
    [InlineData("*", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void NamesVersions_IsAnIfMatchListingTags(string? header, bool expected)
    {
        ScimPrecondition.IfMatch(header).NamesVersions.Should().Be(expected);
        ScimPrecondition.IfNoneMatch(header).NamesVersions.Should().BeFalse("If-None-Match never binds a change to a version");
    }

    [Fact]
    public void ApplyTo_SatisfiedIfMatchWithVersions_ExpectsTheCurrentVersion()
    {
        var command = ScimPrecondition.IfMatch("W/\"6\", W/\"7\"").ApplyTo(MembershipCommand.Deactivate(), AtSeven);

        command.ExpectedVersion.Should().Be(7);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public void ApplyTo_AbsentOrStar_LeavesTheCommandAsItIs(string? header)
    {
        var command = ScimPrecondition.IfMatch(header).ApplyTo(MembershipCommand.Deactivate(), AtSeven);

        command.Should().Be(MembershipCommand.Deactivate());
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("*")]
    public void ApplyTo_IfMatchOnANonMember_IsNotFoundFirst(string header)
    {
        var lifecycle = new MembershipLifecycle();
        var command = ScimPrecondition.IfMatch(header).ApplyTo(MembershipCommand.Deactivate(), MembershipSnapshot.NotMember);

        lifecycle.Decide(MembershipSnapshot.NotMember, command).Outcome.Should().Be(MembershipOutcome.NotFound);
    }

    [Fact]
    public void ApplyTo_IfMatchStarOnAProvisionOfANewUser_IsPreconditionFailed()
    {
        var lifecycle = new MembershipLifecycle();
        var command = ScimPrecondition.IfMatch("*").ApplyTo(MembershipCommand.Provision("new"), MembershipSnapshot.NotMember);

        lifecycle.Decide(MembershipSnapshot.NotMember, command).Outcome.Should().Be(MembershipOutcome.PreconditionFailed);
    }

    [Theory]
    [InlineData("*", MembershipOutcome.Created)]
    [InlineData("W/\"1\"", MembershipOutcome.Created)]
    public void ApplyTo_IfNoneMatchOnAProvisionOfANewUser_Creates(string header, MembershipOutcome expected)
    {
        var lifecycle = new MembershipLifecycle();
        var command = ScimPrecondition.IfNoneMatch(header).ApplyTo(MembershipCommand.Provision("new"), MembershipSnapshot.NotMember);

        lifecycle.Decide(MembershipSnapshot.NotMember, command).Outcome.Should().Be(expected);
    }

    [Fact]
    public void ApplyTo_IfNoneMatchStarOnAnExistingUser_IsPreconditionFailed()
    {
        var lifecycle = new MembershipLifecycle();
        var command = ScimPrecondition.IfNoneMatch("*").ApplyTo(MembershipCommand.UpdateProfile(), AtSeven);

        lifecycle.Decide(AtSeven, command).Outcome.Should().Be(MembershipOutcome.PreconditionFailed);
    }

    [Fact]
    public void ApplyTo_FailedPreconditionAtTheLargestVersion_StillExpectsAnotherVersion()
    {
        var atMax = MembershipSnapshot.Active("u1", long.MaxValue, Time, Time);

        var command = ScimPrecondition.IfMatch("W/\"1\"").ApplyTo(MembershipCommand.Deactivate(), atMax);

        command.ExpectedVersion.Should().NotBe(long.MaxValue);
        new MembershipLifecycle().Decide(atMax, command).Outcome.Should().Be(MembershipOutcome.PreconditionFailed);
    }

    [Fact]
    public void Equality_SameHeaderParsedTwice_IsEqual()
    {
        var first = ScimPrecondition.IfMatch("W/\"3\", W/\"7\"");
        var second = ScimPrecondition.IfMatch("W/\"3\",\"7\"");

        (first == second).Should().BeTrue();
        first.GetHashCode().Should().Be(second.GetHashCode());
        (first != ScimPrecondition.IfNoneMatch("W/\"3\", W/\"7\"")).Should().BeTrue();
        first.ToString().Should().Be("If-Match: W/\"3\", W/\"7\"");
    }
}
