using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Responses;

public sealed class ScimPageTests
{
    private static readonly ScimPagingOptions Options = new() { DefaultPageSize = 50, MaxPageSize = 100 };

    [Theory]
    [InlineData(null, null, 1, 50)]
    [InlineData("", "", 1, 50)]
    [InlineData("1", "100", 1, 100)]
    [InlineData("1", "2147483647", 1, 100)]
    [InlineData("1", "9223372036854775807", 1, 100)]
    [InlineData("1", "99999999999999999999999", 1, 100)]
    [InlineData("1", "101", 1, 100)]
    [InlineData("1", "-1", 1, 0)]
    [InlineData("1", "-2147483648", 1, 0)]
    [InlineData("1", "-99999999999999999999999", 1, 0)]
    [InlineData("1", "0", 1, 0)]
    [InlineData("0", "5", 1, 5)]
    [InlineData("-5", "5", 1, 5)]
    [InlineData("-99999999999999999999", "5", 1, 5)]
    [InlineData("11", "5", 11, 5)]
    [InlineData(" 11 ", " +5 ", 11, 5)]
    [InlineData("2147483647", "1", 2147483647, 1)]
    [InlineData("99999999999", "1", 2147483647, 1)]
    [InlineData("007", "010", 7, 10)]
    public void Parse_QueryValues_FollowRfc7644(string? startIndex, string? count, int expectedStart, int expectedCount)
    {
        var page = ScimPage.Parse(startIndex, count, Options).Value;

        page.StartIndex.Should().Be(expectedStart);
        page.Count.Should().Be(expectedCount);
        page.Offset.Should().Be(expectedStart - 1);
    }

    [Theory]
    [InlineData("one", null, "startIndex")]
    [InlineData("1.5", null, "startIndex")]
    [InlineData("-", null, "startIndex")]
    [InlineData("1", "ten", "count")]
    [InlineData("1", "1e3", "count")]
    [InlineData("1", "0x10", "count")]
    [InlineData("1", "５", "count")]
    [InlineData(null, "+", "count")]
    public void Parse_NotAnInteger_IsInvalidValueNamingTheParameter(string? startIndex, string? count, string parameter)
    {
        var result = ScimPage.Parse(startIndex, count, Options);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Status.Should().Be(400);
        result.Error.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        result.Error.Detail.Should().Contain(parameter);
    }

    [Fact]
    public void Parse_NoOptions_UsesTheDefaults()
    {
        var page = ScimPage.Parse(null, null).Value;

        page.Count.Should().Be(ScimPagingOptions.Default.DefaultPageSize).And.Be(100);
        ScimPage.Parse("1", "2147483647").Value.Count.Should().Be(ScimPagingOptions.Default.MaxPageSize).And.Be(200);
    }

    [Fact]
    public void Parse_DefaultAboveMaximum_UsesTheMaximum()
    {
        var options = new ScimPagingOptions { DefaultPageSize = 500, MaxPageSize = 20 };

        ScimPage.Parse(null, null, options).Value.Count.Should().Be(20);
        options.EffectiveDefaultPageSize.Should().Be(20);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Options_PageSizeBelowOne_Throws(int size)
    {
        var defaultSize = () => new ScimPagingOptions { DefaultPageSize = size };
        var maxSize = () => new ScimPagingOptions { MaxPageSize = size };

        defaultSize.Should().Throw<ArgumentOutOfRangeException>();
        maxSize.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Default_IsTheFirstPageWithNoResources()
    {
        var page = default(ScimPage);

        page.StartIndex.Should().Be(1);
        page.Count.Should().Be(0);
        page.Offset.Should().Be(0);
        page.Should().Be(ScimPage.Of(null, 0));
    }

    [Fact]
    public void ListResponse_Empty_WritesResourcesAsAnEmptyArrayAndNumbersAsNumbers()
    {
        var page = ScimPage.Parse("1", "100").Value;
        var list = new ScimListResponse<ScimUser>([], 0, page);

        var text = System.Text.Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(list));

        text.Should().Be("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":0,\"Resources\":[]}");
    }

    [Fact]
    public void ListResponse_Page_EchoesStartIndexAndCountsWhatItHolds()
    {
        var page = ScimPage.Parse("6", "5").Value;
        ScimUser[] users = [new() { UserName = "a" }, new() { UserName = "B", Active = false }];

        var response = ScimResponse.List(new ScimListResponse<ScimUser>(users, 7, page));

        response.StatusCode.Should().Be(200);
        response.ContentType.Should().Be(ScimResponse.ScimContentType);
        var json = JsonNode.Parse(response.Body.Span)!.AsObject();
        json["totalResults"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        json["totalResults"]!.GetValue<int>().Should().Be(7);
        json["startIndex"]!.GetValue<int>().Should().Be(6);
        json["itemsPerPage"]!.GetValue<int>().Should().Be(2);
        json["Resources"]!.AsArray().Select(user => user!["userName"]!.GetValue<string>()).Should().Equal("a", "B");
        json["Resources"]![1]!["active"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void ListResponse_CountZero_AnswersOnlyTheTotal()
    {
        var page = ScimPage.Parse("1", "0").Value;

        var list = new ScimListResponse<ScimUser>([], 42, page);

        list.ItemsPerPage.Should().Be(0);
        list.TotalResults.Should().Be(42);
    }

    [Fact]
    public void ListResponse_MoreResourcesThanThePageHolds_Throws()
    {
        var page = ScimPage.Parse("1", "1").Value;

        var act = () => new ScimListResponse<ScimUser>([new ScimUser(), new ScimUser()], 2, page);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ListResponse_NegativeTotal_Throws()
    {
        var act = () => new ScimListResponse<ScimUser>([], -1, ScimPage.Of(1, 10));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
