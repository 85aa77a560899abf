using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Scim.Filtering;
using Xunit;

namespace MembershipStates.Tests.Scim.Filtering;

public sealed class ScimFilterParserTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("eq", "eq")]
    [InlineData("ne", "ne")]
    [InlineData("co", "co")]
    [InlineData("sw", "sw")]
    [InlineData("ew", "ew")]
    [InlineData("gt", "gt")]
    [InlineData("ge", "ge")]
    [InlineData("lt", "lt")]
    [InlineData("le", "le")]
    [InlineData("EQ", "eq")]
    [InlineData("Sw", "sw")]
    [InlineData("lE", "le")]
    public void Parse_EachComparisonOperator_BuildsComparison(string keyword, string canonical)
    {
        var root = Parse($"userName {keyword} \"bjensen\"");

        ComparisonOperators.TryParse(canonical, out var expected).Should().BeTrue();
        root.Should().Be(new ComparisonNode(Path("userName"), expected, FilterValue.FromString("bjensen")));
        expected.Keyword().Should().Be(canonical);
    }

    [Theory]
    [InlineData("title pr")]
    [InlineData("title PR")]
    [InlineData("title Pr")]
    public void Parse_Present_BuildsPresentNode(string text)
    {
        Parse(text).Should().Be(new PresentNode(Path("title")));
    }

    [Theory]
    [InlineData("a pr and b pr or c pr", "(a and b) or c")]
    [InlineData("a pr or b pr and c pr", "a or (b and c)")]
    [InlineData("a pr or b pr or c pr", "(a or b) or c")]
    [InlineData("a pr and b pr and c pr", "(a and b) and c")]
    [InlineData("(a pr or b pr) and c pr", "(a or b) and c")]
    [InlineData("a pr and (b pr or c pr)", "a and (b or c)")]
    [InlineData("not (a pr) and b pr", "(not a) and b")]
    [InlineData("not (a pr or b pr) and c pr", "(not (a or b)) and c")]
    [InlineData("a pr or not (b pr) and c pr", "a or ((not b) and c)")]
    [InlineData("((a pr))", "a")]
    [InlineData("a pr AND b pr Or c pr", "(a and b) or c")]
    [InlineData("NOT (a pr)", "not a")]
    [InlineData("not(a pr)", "not a")]
    public void Parse_LogicalOperators_FollowPrecedenceNotAndOr(string text, string expected)
    {
        Shape(Parse(text)).Should().Be(expected);
    }

    [Theory]
    [InlineData("userName eq \"bjensen\"", "userName eq \"bjensen\"")]
    [InlineData("  USERNAME   EQ\t\"x\"  ", "USERNAME eq \"x\"")]
    [InlineData("a pr AND (b pr)", "a pr and b pr")]
    [InlineData("a pr and (b pr and c pr)", "a pr and (b pr and c pr)")]
    [InlineData("(a pr and b pr) and c pr", "a pr and b pr and c pr")]
    [InlineData("(a pr or b pr) and not ((c pr))", "(a pr or b pr) and not (c pr)")]
    [InlineData("x eq \"\\u00e9\\/\\u0041\"", "x eq \"é/A\"")]
    [InlineData("x eq \"a\\\"b\\\\c\\n\\t\\b\\f\\r\\u0001\"", "x eq \"a\\\"b\\\\c\\n\\t\\b\\f\\r\\u0001\"")]
    [InlineData("x gt 1.50", "x gt 1.50")]
    [InlineData("x gt 1e3", "x gt 1000")]
    [InlineData("x gt 25E-1", "x gt 2.5")]
    [InlineData("x eq -0.5", "x eq -0.5")]
    [InlineData("x eq TRUE", "x eq true")]
    [InlineData("x eq False", "x eq false")]
    [InlineData("x eq NULL", "x eq null")]
    [InlineData("x ne null", "x ne null")]
    public void ToString_ParsedFilter_PrintsCanonicalForm(string text, string canonical)
    {
        var filter = ScimFilter.Parse(text).Value;

        filter.ToString().Should().Be(canonical);
    }

    [Theory]
    [InlineData("userName eq \"bjensen\"")]
    [InlineData("name.familyName co \"O'Malley\"")]
    [InlineData("userName sw \"J\"")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"")]
    [InlineData("title pr")]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified ge \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified lt \"2011-05-13T04:42:34Z\"")]
    [InlineData("meta.lastModified le \"2011-05-13T04:42:34Z\"")]
    [InlineData("title pr and userType eq \"Employee\"")]
    [InlineData("title pr or userType eq \"Intern\"")]
    [InlineData("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"")]
    [InlineData("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")")]
    [InlineData("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")")]
    [InlineData("userType eq \"Employee\" and emails.type eq \"work\"")]
    [InlineData("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]")]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]")]
    public void Parse_Rfc7644Examples_ParseAndPrintUnchanged(string text)
    {
        var filter = ScimFilter.Parse(text).Value;

        filter.ToString().Should().Be(text);
        var again = ScimFilter.Parse(filter.ToString()).Value;
        again.Should().Be(filter);
    }

    [Theory]
    [InlineData("userName eq \"Runscope300Hfluaklab151@atko.com\"")]
    [InlineData("userName eq \"RUNSCOPE300HFLUAKLAB151@ATKO.COM\"")]
    [InlineData("externalId eq \"7b8a8e0f-2d3c-4f7a-9e0b-6c1d2e3f4a5b\"")]
    [InlineData("userName eq \"7b8a8e0f-2d3c-4f7a-9e0b-6c1d2e3f4a5b\"")]
    [InlineData("emails[type eq \"work\"].value eq \"user@contoso.com\"")]
    public void Parse_OktaAndEntraFilters_Parse(string text)
    {
        var filter = ScimFilter.Parse(text).Value;

        filter.ToString().Should().Be(text);
    }

    [Fact]
    public void Parse_ValuePathFollowedBySubAttribute_ComparesTheSubAttributeOfSelectedValues()
    {
        var root = Parse("emails[type eq \"work\"].value eq \"user@contoso.com\"");

        var workFilter = new ScimFilter(new ComparisonNode(Path("type"), ComparisonOperator.Equal, FilterValue.FromString("work")));
        root.Should().Be(new ComparisonNode(
            new AttributePath(null, "emails", workFilter, "value"),
            ComparisonOperator.Equal,
            FilterValue.FromString("user@contoso.com")));
    }

    [Fact]
    public void Parse_ValuePathWithNestedExpression_BuildsValuePathNode()
    {
        var root = Parse("emails[type eq \"work\" and value co \"@example.com\"]");

        var inner = new LogicalNode(
            LogicalOperator.And,
            new ComparisonNode(Path("type"), ComparisonOperator.Equal, FilterValue.FromString("work")),
            new ComparisonNode(Path("value"), ComparisonOperator.Contains, FilterValue.FromString("@example.com")));
        root.Should().Be(new ValuePathNode(new AttributePath(null, "emails", new ScimFilter(inner), null)));
    }

    [Theory]
    [InlineData(Enterprise + ":employeeNumber eq \"701984\"", Enterprise, "employeeNumber", null)]
    [InlineData(Enterprise + ":manager.value eq \"26118915\"", Enterprise, "manager", "value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName eq \"Barbara\"", "urn:ietf:params:scim:schemas:core:2.0:User", "name", "givenName")]
    [InlineData("urn:example:custom:1.0:x-level eq \"3\"", "urn:example:custom:1.0", "x-level", null)]
    public void Parse_UrnQualifiedAttribute_SplitsSchemaNameAndSubAttribute(string text, string urn, string name, string? sub)
    {
        var root = (ComparisonNode)Parse(text);

        root.Attribute.SchemaUrn.Should().Be(urn);
        root.Attribute.Name.Should().Be(name);
        root.Attribute.SubAttribute.Should().Be(sub);
    }

    [Theory]
    [InlineData("x eq 42", 42)]
    [InlineData("x eq -7", -7)]
    [InlineData("x eq 0.125", 0.125)]
    [InlineData("x eq 1E2", 100)]
    [InlineData("x eq 12.5e-1", 1.25)]
    public void Parse_Numbers_ParseAsDecimals(string text, double expected)
    {
        var root = (ComparisonNode)Parse(text);

        root.Value.Should().Be(FilterValue.FromNumber((decimal)expected));
    }

    [Fact]
    public void Parse_KeywordsUsedAsAttributeNames_AreAttributes()
    {
        Parse("not eq \"x\" and and pr or or pr").ToString().Should().Be("not eq \"x\" and and pr or or pr");
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "empty")]
    [InlineData("userName", 8, "Expected an operator after 'userName'")]
    [InlineData("userName ", 9, "Expected an operator after 'userName'")]
    [InlineData("userName eq", 11, "Expected a value after 'eq'")]
    [InlineData("userName equals \"x\"", 9, "'equals' is not a SCIM operator")]
    [InlineData("userName eq \"x", 12, "no closing double quote")]
    [InlineData("userName eq \"a\\qb\"", 14, "'\\q' is not a JSON escape")]
    [InlineData("userName eq \"\\u12\"", 13, "four hexadecimal digits")]
    [InlineData("userName eq \"x\\", 12, "no closing double quote")]
    [InlineData("(userName eq \"x\"", 16, "Expected ')' to close the '(' at position 0")]
    [InlineData("userName eq \"x\")", 15, "There is no '(' for this ')'")]
    [InlineData("userName eq \"x\" foo", 16, "Expected 'and', 'or' or the end of the filter, found 'foo'")]
    [InlineData("userName eq \"x\" &", 16, "found '&'")]
    [InlineData("userName eq \"x\" and", 19, "ends where an attribute expression")]
    [InlineData("userName eq \"x\" and ()", 21, "found ')'")]
    [InlineData("not userName eq \"x\"", 0, "'not' must be followed by a filter in parentheses")]
    [InlineData("not (userName eq \"x\"", 20, "Expected ')' to close the '(' at position 4")]
    [InlineData("emails[type eq \"work\"", 21, "Expected ']' to close the value filter opened at position 6")]
    [InlineData("emails[]", 7, "The value filter of 'emails' is empty")]
    [InlineData("emails[ ]", 8, "The value filter of 'emails' is empty")]
    [InlineData("emails[type[value eq \"x\"] eq \"y\"]", 11, "Value filters cannot be nested")]
    [InlineData("emails[emails.type eq \"work\"]", 7, "Inside the value filter of 'emails'")]
    [InlineData("emails.value[type eq \"work\"]", 12, "A value filter follows the attribute name")]
    [InlineData("emails[type eq \"work\"].", 23, "Expected an attribute name")]
    [InlineData("emails[type eq \"work\"].value.x eq \"y\"", 23, "Expected one sub-attribute name")]
    [InlineData("emails[type eq \"work\"] pr", 23, "found 'pr'")]
    [InlineData("name.givenName.x eq \"y\"", 14, "more than one sub-attribute")]
    [InlineData("name. eq \"y\"", 5, "Expected an attribute name")]
    [InlineData("1userName eq \"x\"", 0, "'1userName' is not a valid attribute name")]
    [InlineData("user$name eq \"x\"", 0, "'user$name' is not a valid attribute name")]
    [InlineData(":userName eq \"x\"", 0, "empty schema URN")]
    [InlineData("urn:foo: eq \"x\"", 8, "Expected an attribute name after the schema URN 'urn:foo:'")]
    [InlineData("userName eq 12abc", 12, "'12abc' is not a number")]
    [InlineData("userName eq -", 12, "'-' is not a number")]
    [InlineData("userName eq 1.", 12, "'1.' is not a number")]
    [InlineData("userName eq 1e400", 12, "out of range")]
    [InlineData("userName eq bjensen", 12, "'bjensen' is not a value")]
    [InlineData("userName eq \"x\"y", 15, "Expected whitespace, ')' or ']' after the value")]
    [InlineData("userName eq (\"x\")", 12, "Expected a value after 'eq'")]
    [InlineData("\"x\" eq userName", 0, "A string can only follow an operator")]
    [InlineData("userName eq \"x\" or ]", 19, "There is no '[' for this ']'")]
    [InlineData("user\u00e9 eq \"x\"", 4, "'\u00e9'")]
    [InlineData("active gt true", 0, "true and false cannot be ordered")]
    [InlineData("active ge 1", 0, "'active' is a Boolean; 'ge' does not apply")]
    [InlineData("active eq \"true\"", 0, "'active' is a Boolean; compare it with true or false")]
    [InlineData("emails[primary co \"t\"]", 7, "'primary' is a Boolean; compare it with eq or ne")]
    [InlineData("userName eq 5", 0, "'userName' is a string")]
    [InlineData("userName co true", 0, "'co' matches part of a string")]
    [InlineData("title gt null", 0, "null can only be compared with eq or ne")]
    [InlineData("meta.lastModified gt \"yesterday\"", 0, "is a dateTime")]
    [InlineData("meta.created co \"2011\"", 0, "is a dateTime; compare it with eq, ne, gt, ge, lt or le")]
    [InlineData("name eq \"Barbara\"", 0, "'name' is a complex attribute; compare one of its sub-attributes, such as name.formatted")]
    [InlineData("userName[type eq \"work\"]", 0, "'userName' is not a complex attribute")]
    [InlineData("x509Certificates.value gt \"a\"", 0, "is binary")]
    [InlineData("a pr and emails[type eq 5]", 16, "'type' is a string")]
    public void Parse_InvalidFilter_ReportsInvalidFilterWithPosition(string text, int position, string message)
    {
        var error = ScimFilter.Parse(text).ShouldFail();

        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        error.Detail.Should().EndWith($"(at position {position})");
        error.Detail.Should().Contain(message);
    }

    [Fact]
    public void Parse_Null_ReportsEmptyFilter()
    {
        var error = ScimFilter.Parse(null).ShouldFail();

        error.Detail.Should().EndWith($"(at position {0})");
        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
    }

    [Fact]
    public void Parse_TextLongerThanLimit_IsRejectedAtTheLimit()
    {
        var text = "userName eq \"" + new string('x', FilterParser.MaxLength) + "\"";

        var error = ScimFilter.Parse(text).ShouldFail();

        error.Detail.Should().EndWith($"(at position {FilterParser.MaxLength})");
        error.Detail.Should().Contain("at most 4096");
    }

    [Fact]
    public void Parse_NestingDeeperThanLimit_IsRejectedWithoutOverflowingTheStack()
    {
        var depth = 2000;
        var text = new string('(', depth) + "userName pr" + new string(')', depth);

        var error = ScimFilter.Parse(text).ShouldFail();

        error.Detail.Should().EndWith($"(at position {FilterParser.MaxDepth})");
        error.Detail.Should().Contain("levels deep");
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsAccepted()
    {
        var text = string.Concat(Enumerable.Repeat("not (", FilterParser.MaxDepth)) + "userName pr" + new string(')', FilterParser.MaxDepth);

        var filter = ScimFilter.Parse(text).Value;

        filter.ToString().Should().Be(text);
    }

    [Fact]
    public void Parse_MoreTermsThanLimit_IsRejected()
    {
        var text = string.Join(" or ", Enumerable.Repeat("a pr", FilterParser.MaxTerms + 1));

        var error = ScimFilter.Parse(text).ShouldFail();

        error.Detail.Should().Contain("more than 128 attribute expressions");
        error.Detail.Should().EndWith($"(at position {FilterParser.MaxTerms * "a pr or ".Length})");
    }

    [Fact]
    public void Equals_FiltersDifferingOnlyInAttributeNameCase_AreEqual()
    {
        var upper = ScimFilter.Parse("USERNAME eq \"x\" and Emails[Type eq \"work\"]").Value;
        var lower = ScimFilter.Parse("userName eq \"x\" and emails[type eq \"work\"]").Value;

        upper.Should().Be(lower);
        upper.GetHashCode().Should().Be(lower.GetHashCode());
        (upper == lower).Should().BeTrue();
    }

    [Fact]
    public void Equals_FiltersDifferingInValueCase_AreNotEqual()
    {
        var upper = ScimFilter.Parse("userName eq \"X\"").Value;
        var lower = ScimFilter.Parse("userName eq \"x\"").Value;

        upper.Should().NotBe(lower);
        (upper != lower).Should().BeTrue();
    }

    private static FilterNode Parse(string text)
    {
        var filter = ScimFilter.Parse(text).Value;
        return filter.Root;
    }

    private static AttributePath Path(string name) => new(null, name, null, null);

    /// <summary>Renders the logical structure with explicit parentheses, each term by its attribute name.</summary>
    private static string Shape(FilterNode node) => node switch
    {
        LogicalNode logical => $"{Wrap(logical.Left)} {(logical.Operator == LogicalOperator.And ? "and" : "or")} {Wrap(logical.Right)}",
        NotNode not => $"not {Wrap(not.Operand)}",
        PresentNode present => present.Attribute.Name,
        ComparisonNode comparison => comparison.Attribute.Name,
        _ => node.ToString(),
    };

    private static string Wrap(FilterNode node) => node is LogicalNode or NotNode ? $"({Shape(node)})" : Shape(node);
}
