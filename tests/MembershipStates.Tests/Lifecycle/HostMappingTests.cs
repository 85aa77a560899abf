using FluentAssertions;
using static MembershipStates.TwoStateEffects;

namespace MembershipStates.Tests.Lifecycle;

public sealed class HostMappingTests
{
    private static readonly DateTimeOffset Then = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MembershipSnapshot Row = MembershipSnapshot.Active("id-1", 2, Then, Then);
    private static readonly MembershipSnapshot Record = MembershipSnapshot.Inactive("id-1", 3, Then, Then, Then);
    private readonly MembershipLifecycle _lifecycle = new();

    [Fact]
    public void TwoStateRead_RowOnly_IsActive() =>
        TwoStateHost.Read(Row, null).Snapshot.Should().Be(Row);

    [Fact]
    public void TwoStateRead_RecordOnly_IsInactive() =>
        TwoStateHost.Read(null, Record).Snapshot.State.Should().Be(MembershipState.Inactive);

    [Fact]
    public void TwoStateRead_Neither_IsNotMember()
    {
        var reading = TwoStateHost.Read(null, null);

        reading.IsConsistent.Should().BeTrue();
        reading.Snapshot.Should().Be(MembershipSnapshot.NotMember);
    }

    [Fact]
    public void TwoStateRead_RowAndRecord_ReportsTheBrokenInvariantAsAValue()
    {
        var reading = TwoStateHost.Read(Row, Record);

        reading.IsConsistent.Should().BeFalse();
        reading.Error!.Code.Should().Be(MembershipErrorCodes.MemberAndInactiveRecord);
        reading.Error.Message.Should().Contain("both a membership row and an inactive record");
    }

    [Fact]
    public void TwoStateRead_SnapshotsInTheWrongState_Throw()
    {
        var act = () => TwoStateHost.Read(Record, null);

        act.Should().Throw<ArgumentException>().WithParameterName("membershipRow");
    }

    public static TheoryData<string, MembershipSnapshot, MembershipCommand, TwoStateEffects> TwoStateCases() => new()
    {
        { "provision active", MembershipSnapshot.NotMember, MembershipCommand.Provision("n"), AddToOrganization | WriteAttributes },
        { "provision inactive", MembershipSnapshot.NotMember, MembershipCommand.Provision("n", active: false), KeepInactiveRecord | WriteAttributes },
        { "Okta deactivate", Row, MembershipCommand.Deactivate(), RemoveFromOrganization | KeepInactiveRecord | MoveGroupMembershipsToInactive },
        { "Entra disable with attributes", Row, MembershipCommand.Deactivate(changesAttributes: true), RemoveFromOrganization | KeepInactiveRecord | WriteAttributes | MoveGroupMembershipsToInactive },
        { "reactivate", Record, MembershipCommand.Reactivate(), DropInactiveRecord | AddToOrganization | MoveGroupMembershipsBack },
        { "revive active", Record, MembershipCommand.Provision("n"), DropInactiveRecord | AddToOrganization | WriteAttributes | MoveGroupMembershipsBack },
        { "revive inactive", Record, MembershipCommand.Provision("n", active: false), KeepInactiveRecord | WriteAttributes },
        { "update active", Row, MembershipCommand.UpdateProfile(), WriteAttributes },
        { "update inactive", Record, MembershipCommand.UpdateProfile(), KeepInactiveRecord | WriteAttributes },
        { "repeat deactivate", Record, MembershipCommand.Deactivate(), None },
        { "remove active", Row, MembershipCommand.Remove(), RemoveFromOrganization | DropGroupMemberships },
        { "remove inactive", Record, MembershipCommand.Remove(), DropInactiveRecord | DropGroupMemberships },
        { "read", Record, MembershipCommand.Read(), None },
        { "stale version", Row, MembershipCommand.Deactivate().ExpectingVersion(9), None },
    };

    [Theory]
    [MemberData(nameof(TwoStateCases))]
    public void TwoStatePlan_EachTransition_HasTheEffectsOfTheRecipe(string because, MembershipSnapshot current, MembershipCommand command, TwoStateEffects expected)
    {
        var decision = _lifecycle.Decide(current, command);

        TwoStateHost.Plan(decision).Should().Be(expected, because);
        TwoStateHost.CheckInvariant(
            hasMembershipRow: decision.Next.State == MembershipState.Active,
            hasInactiveRecord: decision.Next.State == MembershipState.Inactive).Should().BeNull();
    }

    [Theory]
    [InlineData(MembershipState.Active, TwoStateGroupTable.GroupMembers)]
    [InlineData(MembershipState.Inactive, TwoStateGroupTable.InactiveGroupMembers)]
    [InlineData(MembershipState.NotMember, TwoStateGroupTable.None)]
    public void TwoStateGroupTableOf_EachState_IsTheSideItsGroupMembershipsLiveOn(MembershipState state, TwoStateGroupTable expected) =>
        TwoStateHost.GroupTableOf(state).Should().Be(expected);

    [Fact]
    public void TwoStateGroupTableOf_UndefinedState_Throws()
    {
        var act = () => TwoStateHost.GroupTableOf((MembershipState)7);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void StatusColumn_RoundTripsStatesThroughHostValues()
    {
        var host = new StatusColumnHost<string>("enabled", "disabled", StringComparer.OrdinalIgnoreCase);

        host.ToStatus(MembershipState.Active).Should().Be("enabled");
        host.ToStatus(MembershipState.Inactive).Should().Be("disabled");
        host.Read("ENABLED", "id", 1, Then, Then).Snapshot.State.Should().Be(MembershipState.Active);
        host.Read("disabled", "id", 1, Then, Then).Snapshot.Should().Be(MembershipSnapshot.Inactive("id", 1, Then, Then, Then));
    }

    [Fact]
    public void StatusColumn_UnknownStatus_IsReportedAsAValue()
    {
        var host = new StatusColumnHost<int>(1, 2);

        var reading = host.Read(7, "id", 1, Then, Then);

        reading.IsConsistent.Should().BeFalse();
        reading.Error!.Code.Should().Be(MembershipErrorCodes.UnknownStatus);
        reading.Error.Message.Should().Contain("'7'");
    }

    [Fact]
    public void StatusColumn_NotMemberHasNoStatus()
    {
        var act = () => new StatusColumnHost<int>(1, 2).ToStatus(MembershipState.NotMember);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void StatusColumn_SameValueForBothStates_Throws()
    {
        var act = () => new StatusColumnHost<string>("on", "ON", StringComparer.OrdinalIgnoreCase);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("provision", StatusColumnEffects.InsertRow | StatusColumnEffects.WriteAttributes)]
    [InlineData("deactivate", StatusColumnEffects.UpdateStatus)]
    [InlineData("update", StatusColumnEffects.WriteAttributes)]
    [InlineData("remove", StatusColumnEffects.DeleteRow | StatusColumnEffects.DeleteGroupMemberships)]
    [InlineData("reactivate", StatusColumnEffects.None)]
    [InlineData("reactivate inactive", StatusColumnEffects.UpdateStatus)]
    [InlineData("remove inactive", StatusColumnEffects.DeleteRow | StatusColumnEffects.DeleteGroupMemberships)]
    public void StatusColumnPlan_EachTransition_MapsToRowEffects(string what, StatusColumnEffects expected)
    {
        var host = new StatusColumnHost<string>("enabled", "disabled");
        var decision = what switch
        {
            "provision" => _lifecycle.Decide(MembershipSnapshot.NotMember, MembershipCommand.Provision("n")),
            "deactivate" => _lifecycle.Decide(Row, MembershipCommand.Deactivate()),
            "update" => _lifecycle.Decide(Row, MembershipCommand.UpdateProfile()),
            "remove" => _lifecycle.Decide(Row, MembershipCommand.Remove()),
            "reactivate inactive" => _lifecycle.Decide(Record, MembershipCommand.Reactivate()),
            "remove inactive" => _lifecycle.Decide(Record, MembershipCommand.Remove()),
            _ => _lifecycle.Decide(Row, MembershipCommand.Reactivate()),
        };

        host.Plan(decision).Should().Be(expected);
    }
}
