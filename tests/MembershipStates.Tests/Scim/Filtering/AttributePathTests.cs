using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Filtering;

public sealed class AttributePathTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("active", null, "active", null, null)]
    [InlineData("name.givenName", null, "name", null, "givenName")]
    [InlineData(Enterprise + ":employeeNumber", Enterprise, "employeeNumber", null, null)]
    [InlineData(Enterprise + ":manager", Enterprise, "manager", null, null)]
    [InlineData(Enterprise + ":manager.value", Enterprise, "manager", null, "value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName", "urn:ietf:params:scim:schemas:core:2.0:User", "name", null, "familyName")]
    [InlineData("emails[type eq \"work\"].value", null, "emails", "type eq \"work\"", "value")]
    [InlineData("emails[type eq \"work\" and primary eq true]", null, "emails", "type eq \"work\" and primary eq true", null)]
    [InlineData("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]", null, "members", "value eq \"2819c223-7f76-453a-919d-413861904646\"", null)]
    [InlineData("groups.$ref", null, "groups", null, "$ref")]
    [InlineData(Enterprise + ":manager.$ref", Enterprise, "manager", null, "$ref")]
    public void Parse_PatchPath_SplitsIntoParts(string text, string? urn, string name, string? filter, string? sub)
    {
        var path = AttributePath.Parse(text).Value;

        path.SchemaUrn.Should().Be(urn);
        path.Name.Should().Be(name);
        path.ValueFilter?.ToString().Should().Be(filter);
        (path.ValueFilter is null).Should().Be(filter is null);
        path.SubAttribute.Should().Be(sub);
        path.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("  active  ", "active")]
    [InlineData("emails[TYPE EQ \"work\"]", "emails[TYPE eq \"work\"]")]
    [InlineData("emails[ type eq \"work\"  ].value", "emails[type eq \"work\"].value")]
    public void ToString_ParsedPath_PrintsCanonicalForm(string text, string canonical)
    {
        var path = AttributePath.Parse(text).Value;

        path.ToString().Should().Be(canonical);
    }

    [Theory]
    [InlineData("", 0, "The path is empty")]
    [InlineData("emails[type eq \"work\"", 21, "Expected ']'")]
    [InlineData("emails[type eq work]", 15, "'work' is not a value")]
    [InlineData("name.givenName.x", 14, "more than one sub-attribute")]
    [InlineData("active eq true", 7, "Unexpected 'e' after 'active'")]
    [InlineData("emails.value[type eq \"work\"]", 12, "A value filter follows the attribute name")]
    [InlineData("emails[type eq \"work\"]x", 22, "Unexpected 'x'")]
    [InlineData("\"active\"", 0, "Expected an attribute name")]
    [InlineData("emails[value[type eq \"x\"]]", 12, "Value filters cannot be nested")]
    [InlineData("active[value eq \"x\"]", 0, "'active' is not a complex attribute")]
    public void Parse_InvalidPath_ReportsInvalidPathWithPosition(string text, int position, string message)
    {
        var error = AttributePath.Parse(text).ShouldFail();

        error.ScimType.Should().Be(ScimErrorTypes.InvalidPath);
        error.Detail.Should().EndWith($"(at position {position})");
        error.Detail.Should().Contain(message);
    }

    [Fact]
    public void Equals_PathsDifferingOnlyInCase_AreEqual()
    {
        var upper = AttributePath.Parse("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:Manager.VALUE").Value;
        var lower = AttributePath.Parse(Enterprise + ":manager.value").Value;

        upper.Should().Be(lower);
        upper.GetHashCode().Should().Be(lower.GetHashCode());
        (upper == lower).Should().BeTrue();
    }

    [Fact]
    public void Equals_ValuePathsWithDifferentFilters_AreNotEqual()
    {
        var work = AttributePath.Parse("emails[type eq \"work\"].value").Value;
        var home = AttributePath.Parse("emails[type eq \"home\"].value").Value;

        work.Should().NotBe(home);
        (work != home).Should().BeTrue();
    }

    [Theory]
    [InlineData("{\"type\":\"work\",\"value\":\"a@contoso.com\",\"primary\":true}", true)]
    [InlineData("{\"type\":\"Work\",\"value\":\"a@contoso.com\"}", true)]
    [InlineData("{\"TYPE\":\"work\"}", true)]
    [InlineData("{\"type\":\"home\",\"value\":\"a@contoso.com\"}", false)]
    [InlineData("{\"value\":\"a@contoso.com\"}", false)]
    public void MatchElement_WorkEmailPath_SelectsWorkEmailsIgnoringCase(string element, bool expected)
    {
        var path = AttributePath.Parse("emails[type eq \"work\"].value").Value;

        var matches = path.MatchElement(JsonNode.Parse(element)!.AsObject()).Value;

        matches.Should().Be(expected);
    }

    [Fact]
    public void MatchElement_PathWithoutValueFilter_MatchesEveryElement()
    {
        var path = AttributePath.Parse("emails").Value;

        var matches = path.MatchElement(new JsonObject()).Value;

        matches.Should().BeTrue();
    }

    [Fact]
    public void MatchElement_CompoundFilter_NeedsEveryCondition()
    {
        var path = AttributePath.Parse("emails[type eq \"work\" and primary eq true]").Value;

        var primaryWork = JsonNode.Parse("{\"type\":\"work\",\"primary\":true}")!.AsObject();
        var secondaryWork = JsonNode.Parse("{\"type\":\"work\",\"primary\":false}")!.AsObject();

        var first = path.MatchElement(primaryWork).Value;
        var second = path.MatchElement(secondaryWork).Value;
        first.Should().BeTrue();
        second.Should().BeFalse();
    }

    [Fact]
    public void MatchElement_CaseExactSubAttribute_ComparesCase()
    {
        var path = AttributePath.Parse("x509Certificates[value eq \"MIIDQzCC\"]").Value;

        var lower = path.MatchElement(JsonNode.Parse("{\"value\":\"miidqzcc\"}")!.AsObject()).Value;
        var exact = path.MatchElement(JsonNode.Parse("{\"value\":\"MIIDQzCC\"}")!.AsObject()).Value;

        lower.Should().BeFalse();
        exact.Should().BeTrue();
    }
}
