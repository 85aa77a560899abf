using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Model;

/// <summary>The one case-insensitive member lookup that request readers, PATCH engines, filters and sorting share.</summary>
public sealed class JsonMembersTests
{
    [Theory]
    [InlineData("Operations")]
    [InlineData("operations")]
    [InlineData("OPERATIONS")]
    public void Find_NameInAnyCase_FindsTheMember(string name)
    {
        var json = new JsonObject { ["Operations"] = 7 };

        JsonMembers.Find(json, name)!.GetValue<int>().Should().Be(7);
    }

    [Fact]
    public void Find_ExactAndOtherCaseBothPresent_ExactMatchWins()
    {
        var json = new JsonObject { ["Value"] = "first", ["value"] = "exact" };

        JsonMembers.Find(json, "value")!.GetValue<string>().Should().Be("exact");
        JsonMembers.Find(json, "VALUE")!.GetValue<string>().Should().Be("first", "without an exact match the first in another case wins");
    }

    [Fact]
    public void TryFind_NullMemberAndAbsentMember_AreToldApart()
    {
        var json = new JsonObject { ["Value"] = null };

        JsonMembers.TryFind(json, "value", out var present).Should().BeTrue();
        present.Should().BeNull();
        JsonMembers.TryFind(json, "display", out var absent).Should().BeFalse();
        absent.Should().BeNull();
        JsonMembers.Find(json, "value").Should().BeNull("Find does not tell a JSON null from an absent member");
    }

    [Theory]
    [InlineData("givenname", "GivenName", "GivenName")]
    [InlineData("givenName", null, "GivenName")]
    [InlineData("familyName", "familyName", "familyName")]
    [InlineData("familyname", null, "familyname")]
    public void KeyOf_MemberPresentOrAbsent_ReturnsItsKeyElseTheCanonicalName(string name, string? canonical, string expected)
    {
        var json = new JsonObject { ["GivenName"] = "Ryan" };

        JsonMembers.KeyOf(json, name, canonical).Should().Be(expected);
    }
}
