using System.Linq.Expressions;
using FluentAssertions;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Filtering;

/// <summary>The filters Okta and Entra ID send to /Groups, translated over a host's group rows with a membership test.</summary>
public sealed class ScimGroupFilterTests
{
    private static readonly AppGroup Engineering = new("g1", "Engineering", "ENGINEERING", "ext-1", ["u1", "u2"]);
    private static readonly AppGroup Sales = new("g2", "Sälës", "SÄLËS", null, ["u2"]);

    private static readonly ScimFilterMap<AppGroup> Map = new ScimFilterMap<AppGroup>()
        .Map("id", g => g.Id)
        .Map("externalId", g => g.ExternalId)
        .MapNormalized("displayName", g => g.NormalizedName, static value => value.ToUpperInvariant())
        .MapMembers((g, userId) => g.Members.Contains(userId));

    [Theory]
    [InlineData("displayName eq \"engineering\"", "g1")]
    [InlineData("displayName eq \"sÄlËs\"", "g2")]
    [InlineData("externalId eq \"ext-1\"", "g1")]
    [InlineData("externalId eq \"EXT-1\"", "")]
    [InlineData("id eq \"g2\"", "g2")]
    [InlineData("members eq \"u1\"", "g1")]
    [InlineData("members eq \"u2\"", "g1,g2")]
    [InlineData("members.value eq \"u2\"", "g1,g2")]
    [InlineData("members[value eq \"u1\"]", "g1")]
    [InlineData("members[value eq \"u1\" or value eq \"u2\"]", "g1,g2")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:members eq \"u1\"", "g1")]
    [InlineData("id eq \"g1\" and members eq \"u1\"", "g1")]
    [InlineData("id eq \"g2\" and members eq \"u1\"", "")]
    [InlineData("id eq \"g2\" or members eq \"u1\"", "g1,g2")]
    [InlineData("not (members eq \"u1\")", "g2")]
    [InlineData("members eq \"U1\"", "")]
    public void Translate_GroupFilter_SelectsTheGroupsItNames(string text, string expected)
    {
        var predicate = Translate(text);

        var ids = new[] { Engineering, Sales }.AsQueryable().Where(predicate).Select(g => g.Id);

        string.Join(",", ids).Should().Be(expected);
    }

    [Fact]
    public void Translate_MemberTest_ReadsTheIdAsAQueryParameter()
    {
        var predicate = Translate("members eq \"u1\"");

        predicate.Body.ToString().Should().NotContain("\"u1\"", "the id is a closure value, which EF Core sends as a SQL parameter");
    }

    [Theory]
    [InlineData("members ne \"u1\"")]
    [InlineData("members co \"u\"")]
    [InlineData("members pr")]
    [InlineData("members.display eq \"x\"")]
    [InlineData("members[display eq \"x\"]")]
    [InlineData("members[value eq \"a\" and value eq \"b\"]")]
    [InlineData("members eq 5")]
    public void Translate_OtherComparisonOfMembers_IsInvalidFilter(string text)
    {
        var filter = ScimFilter.Parse(text).Value;

        var error = Map.Translate(filter).ShouldFail();

        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        error.Detail.Should().Contain("members");
    }

    [Fact]
    public void Translate_MembersWithoutTheTest_IsInvalidFilterNamingWhatCanBeFiltered()
    {
        var filter = ScimFilter.Parse("members eq \"u1\"").Value;

        var error = new ScimFilterMap<AppGroup>().Map("id", g => g.Id).Translate(filter).ShouldFail();

        error.Detail.Should().Contain("id");
    }

    [Fact]
    public void MapMembers_Twice_OrAfterMembersIsMapped_Throws()
    {
        var twice = () => Map.MapMembers((g, u) => false);
        var mappedAfter = () => Map.Map("members.value", g => g.Id);

        twice.Should().Throw<ArgumentException>();
        mappedAfter.Should().Throw<ArgumentException>();
    }

    private static Expression<Func<AppGroup, bool>> Translate(string text)
    {
        var filter = ScimFilter.Parse(text).Value;
        var predicate = Map.Translate(filter).Value;
        return predicate;
    }

    public sealed record AppGroup(string Id, string DisplayName, string NormalizedName, string? ExternalId, string[] Members);
}
