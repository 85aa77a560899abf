using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;
using Xunit;

namespace MembershipStates.Tests.Scim.Responses;

public sealed class ScimErrorTests
{
    public static TheoryData<string, Func<string?, ScimError>, int, string?> Factories => new()
    {
        { nameof(ScimError.InvalidFilter), ScimError.InvalidFilter, 400, "invalidFilter" },
        { nameof(ScimError.TooMany), ScimError.TooMany, 400, "tooMany" },
        { nameof(ScimError.Uniqueness), ScimError.Uniqueness, 409, "uniqueness" },
        { nameof(ScimError.Mutability), ScimError.Mutability, 400, "mutability" },
        { nameof(ScimError.InvalidSyntax), ScimError.InvalidSyntax, 400, "invalidSyntax" },
        { nameof(ScimError.InvalidPath), ScimError.InvalidPath, 400, "invalidPath" },
        { nameof(ScimError.NoTarget), ScimError.NoTarget, 400, "noTarget" },
        { nameof(ScimError.InvalidValue), ScimError.InvalidValue, 400, "invalidValue" },
        { nameof(ScimError.InvalidVersion), ScimError.InvalidVersion, 400, "invalidVers" },
        { nameof(ScimError.Sensitive), ScimError.Sensitive, 403, "sensitive" },
        { nameof(ScimError.BadRequest), ScimError.BadRequest, 400, null },
        { nameof(ScimError.Unauthorized), ScimError.Unauthorized, 401, null },
        { nameof(ScimError.Forbidden), ScimError.Forbidden, 403, null },
        { nameof(ScimError.NotFound), ScimError.NotFound, 404, null },
        { nameof(ScimError.Conflict), ScimError.Conflict, 409, null },
        { nameof(ScimError.PreconditionFailed), ScimError.PreconditionFailed, 412, null },
        { nameof(ScimError.PayloadTooLarge), ScimError.PayloadTooLarge, 413, null },
        { nameof(ScimError.UnsupportedMediaType), ScimError.UnsupportedMediaType, 415, null },
        { nameof(ScimError.InternalServerError), ScimError.InternalServerError, 500, null },
        { nameof(ScimError.NotImplemented), ScimError.NotImplemented, 501, null },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_AnyDetail_HasTheRfcStatusAndScimType(string factory, Func<string?, ScimError> create, int status, string? scimType)
    {
        var error = create("Something specific.");

        error.Status.Should().Be(status, factory);
        error.ScimType.Should().Be(scimType);
        error.Schemas.Should().Equal(ScimSchemaUris.Error);
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_NoDetail_HasADefaultDetail(string factory, Func<string?, ScimError> create, int status, string? scimType)
    {
        foreach (var detail in new[] { null, "", "   " })
        {
            create(detail).Detail.Should().NotBeNullOrWhiteSpace("{0} ({1} {2}) always explains itself", factory, status, scimType);
        }
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void ToUtf8Bytes_AnyError_HasTheRfc7644Shape(string factory, Func<string?, ScimError> create, int status, string? scimType)
    {
        var json = JsonNode.Parse(ScimJson.ToUtf8Bytes(create("Detail for " + factory)))!.AsObject();

        json["schemas"]!.AsArray().Select(node => node!.GetValue<string>()).Should().Equal("urn:ietf:params:scim:api:messages:2.0:Error");
        json["status"]!.GetValueKind().Should().Be(JsonValueKind.String, "status is a JSON string");
        json["status"]!.GetValue<string>().Should().Be(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json["detail"]!.GetValue<string>().Should().Be("Detail for " + factory);
        if (scimType is null)
        {
            json.ContainsKey("scimType").Should().BeFalse();
        }
        else
        {
            json["scimType"]!.GetValue<string>().Should().Be(scimType);
        }
    }

    [Fact]
    public void ToUtf8Bytes_NotFound_IsExactlyTheExpectedJson()
    {
        var text = System.Text.Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(ScimError.ResourceNotFound("2819c223")));

        text.Should().Be("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"404\",\"detail\":\"Resource 2819c223 not found.\"}");
    }

    [Fact]
    public void ToUtf8Bytes_Uniqueness_WritesScimTypeBeforeDetail()
    {
        var text = System.Text.Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(ScimError.Uniqueness("taken")));

        text.Should().Be("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"409\",\"scimType\":\"uniqueness\",\"detail\":\"taken\"}");
    }

    [Fact]
    public void ToResponse_Unauthorized_Is401WithTheErrorBodyAndTheBearerChallenge()
    {
        var response = ScimError.Unauthorized().ToResponse();

        response.StatusCode.Should().Be(401);
        response.ContentType.Should().Be("application/scim+json; charset=utf-8");
        response.GetHeader("WWW-Authenticate").Should().Be("Bearer");
        var json = JsonNode.Parse(response.Body.Span)!;
        json["status"]!.GetValue<string>().Should().Be("401");
        json["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void ToUtf8Bytes_Conflict_HasNoScimType()
    {
        var text = System.Text.Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(ScimError.Conflict("retried")));

        text.Should().Be("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"409\",\"detail\":\"retried\"}");
    }

    [Fact]
    public void ToResponse_UnsupportedMediaType_Is415ScimJson()
    {
        var response = ScimError.UnsupportedMediaType().ToResponse();

        response.StatusCode.Should().Be(415);
        response.ContentType.Should().Be(ScimResponse.ScimContentType);
        JsonNode.Parse(response.Body.Span)!["detail"]!.GetValue<string>().Should().Contain("application/scim+json");
    }

    [Theory]
    [InlineData("userName eg \"x\"", "invalidFilter", "(at position 9)")]
    [InlineData("(userName eq \"x\"", "invalidFilter", "(at position 16)")]
    public void FilterError_ToScimError_Is400WithItsScimTypeMessageAndPosition(string text, string scimType, string position)
    {
        FilterParser.TryParseFilter(text, ScimAttributeCatalog.Default, declaredOnly: false, out _, out var error).Should().BeFalse();

        var scim = error!.ToScimError();

        scim.Status.Should().Be(400);
        scim.ScimType.Should().Be(scimType);
        scim.Detail.Should().Be($"{error.Message} {position}");
        ScimFilter.Parse(text).ShouldFail().Should().BeEquivalentTo(scim, "the public parse answers with this error");
    }

    [Fact]
    public void PathError_ToScimError_Is400InvalidPathWithThePosition()
    {
        FilterParser.TryParsePath("emails[type eq \"work\"", out _, out var error).Should().BeFalse();

        var scim = error!.ToScimError();

        scim.Status.Should().Be(400);
        scim.ScimType.Should().Be("invalidPath");
        scim.Detail.Should().StartWith(error.Message).And.EndWith($"(at position {error.Position})");
    }

    [Fact]
    public void FilterErrorWithoutPosition_IsTheMessageAlone()
    {
        var map = new ScimFilterMap<string>().Map("userName", s => s);
        var filter = ScimFilter.Parse("title eq \"Boss\"").Value;

        var error = map.Translate(filter).ShouldFail();

        error.Status.Should().Be(400);
        error.ScimType.Should().Be("invalidFilter");
        error.Detail.Should().Be("The filter uses 'title', which this server cannot filter on. Attributes it can filter on: userName.");
    }

    [Fact]
    public void ResourceNotFound_NoId_HasTheDefaultDetail()
    {
        ScimError.ResourceNotFound(null).Detail.Should().Be(ScimError.NotFound().Detail);
    }

    [Fact]
    public void ToString_WithScimType_NamesStatusTypeAndDetail()
    {
        ScimError.NoTarget("nothing").ToString().Should().Be("400 noTarget: nothing");
        ScimError.NotFound("gone").ToString().Should().Be("404: gone");
    }

    [Fact]
    public void ToResponse_OtherThan401_HasOnlyTheContentType()
    {
        ScimError.Forbidden().ToResponse().Headers.Should().ContainSingle()
            .Which.Should().Be(new KeyValuePair<string, string>("Content-Type", ScimResponse.ScimContentType));
    }
}
