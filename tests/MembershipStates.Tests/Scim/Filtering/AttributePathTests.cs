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
    public void TryParse_PatchPath_SplitsIntoParts(string text, string? urn, string name, string? filter, string? sub)
    {
        AttributePath.TryParse(text, out var path, out var error).Should().BeTrue(error?.ToString());

        path!.SchemaUrn.Should().Be(urn);
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
        AttributePath.TryParse(text, out var path, out var error).Should().BeTrue(error?.ToString());

        path!.ToString().Should().Be(canonical);
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
    public void TryParse_InvalidPath_ReportsInvalidPathWithPosition(string text, int position, string message)
    {
        AttributePath.TryParse(text, out var path, out var error).Should().BeFalse();

        path.Should().BeNull();
        error!.ScimType.Should().Be(ScimErrorTypes.InvalidPath);
        error.Position.Should().Be(position, error.Message);
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void Equals_PathsDifferingOnlyInCase_AreEqual()
    {
        AttributePath.TryParse("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:Manager.VALUE", out var upper, out _).Should().BeTrue();
        AttributePath.TryParse(Enterprise + ":manager.value", out var lower, out _).Should().BeTrue();

        upper.Should().Be(lower);
        upper!.GetHashCode().Should().Be(lower!.GetHashCode());
        (upper == lower).Should().BeTrue();
    }

    [Fact]
    public void Equals_ValuePathsWithDifferentFilters_AreNotEqual()
    {
        AttributePath.TryParse("emails[type eq \"work\"].value", out var work, out _).Should().BeTrue();
        AttributePath.TryParse("emails[type eq \"home\"].value", out var home, out _).Should().BeTrue();

        work.Should().NotBe(home);
        (work != home).Should().BeTrue();
    }

    [Theory]
    [InlineData("{\"type\":\"work\",\"value\":\"a@contoso.com\",\"primary\":true}", true)]
    [InlineData("{\"type\":\"Work\",\"value\":\"a@contoso.com\"}", true)]
    [InlineData("{\"TYPE\":\"work\"}", true)]
    [InlineData("{\"type\":\"home\",\"value\":\"a@contoso.com\"}", false)]
    [InlineData("{\"value\":\"a@contoso.com\"}", false)]
    public void TryMatchElement_WorkEmailPath_SelectsWorkEmailsIgnoringCase(string element, bool expected)
    {
        AttributePath.TryParse("emails[type eq \"work\"].value", out var path, out _).Should().BeTrue();

        path!.TryMatchElement(JsonNode.Parse(element)!.AsObject(), out var matches, out var error).Should().BeTrue(error?.ToString());

        matches.Should().Be(expected);
    }

    [Fact]
    public void TryMatchElement_PathWithoutValueFilter_MatchesEveryElement()
    {
        AttributePath.TryParse("emails", out var path, out _).Should().BeTrue();

        path!.TryMatchElement(new JsonObject(), out var matches, out _).Should().BeTrue();

        matches.Should().BeTrue();
    }

    [Fact]
    public void TryMatchElement_CompoundFilter_NeedsEveryCondition()
    {
        AttributePath.TryParse("emails[type eq \"work\" and primary eq true]", out var path, out _).Should().BeTrue();

        var primaryWork = JsonNode.Parse("{\"type\":\"work\",\"primary\":true}")!.AsObject();
        var secondaryWork = JsonNode.Parse("{\"type\":\"work\",\"primary\":false}")!.AsObject();

        path!.TryMatchElement(primaryWork, out var first, out _).Should().BeTrue();
        path.TryMatchElement(secondaryWork, out var second, out _).Should().BeTrue();
        first.Should().BeTrue();
        second.Should().BeFalse();
    }

    [Fact]
    public void TryMatchElement_CaseExactSubAttribute_ComparesCase()
    {
        AttributePath.TryParse("x509Certificates[value eq \"MIIDQzCC\"]", out var path, out _).Should().BeTrue();

        path!.TryMatchElement(JsonNode.Parse("{\"value\":\"miidqzcc\"}")!.AsObject(), out var lower, out _).Should().BeTrue();
        path.TryMatchElement(JsonNode.Parse("{\"value\":\"MIIDQzCC\"}")!.AsObject(), out var exact, out _).Should().BeTrue();

        lower.Should().BeFalse();
        exact.Should().BeTrue();
    }
}
