using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Responses;

public sealed class ScimResponseOutcomeTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Location = "https://app.example.com/scim/v2/Users/2819c223";

    // The expected mapping, written by hand from DESIGN.md: status, body kind, scimType.
    public static TheoryData<MembershipOutcome, int, string, string?> Expected => new()
    {
        { MembershipOutcome.Created, 201, "resource+location", null },
        { MembershipOutcome.Revived, 201, "resource+location", null },
        { MembershipOutcome.Updated, 200, "resource", null },
        { MembershipOutcome.Unchanged, 200, "resource", null },
        { MembershipOutcome.Removed, 204, "empty", null },
        { MembershipOutcome.NotFound, 404, "error", null },
        { MembershipOutcome.Conflict, 409, "error", "uniqueness" },
        { MembershipOutcome.PreconditionFailed, 412, "error", null },
    };

    private static ScimUser Resource(MembershipState state = MembershipState.Active) =>
        new ScimUser { UserName = "Ann@Example.com" }.WithMembership(
            MembershipSnapshot.Existing(state, "2819c223", 5, Time, Time, Time), new Uri(Location));

    [Fact]
    public void Expected_CoversEveryOutcomeOnce()
    {
        Expected.Select(row => (MembershipOutcome)row[0]).Should().BeEquivalentTo(Enum.GetValues<MembershipOutcome>())
            .And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void OutcomeTable_HasOneRowPerOutcomeInValueOrder()
    {
        ScimResponse.TableOutcomes.Should().Equal(Enum.GetValues<MembershipOutcome>().OrderBy(outcome => (int)outcome));
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void ForOutcome_EveryOutcome_AnswersAsTheDesignSays(MembershipOutcome outcome, int status, string body, string? scimType)
    {
        var resource = Resource();

        var response = ScimResponse.ForOutcome(outcome, resource, "2819c223");

        response.StatusCode.Should().Be(status);
        ScimResponse.StatusOf(outcome).Should().Be(status);
        switch (body)
        {
            case "resource" or "resource+location":
                response.ContentType.Should().Be(ScimResponse.ScimContentType);
                response.ETag.Should().Be("W/\"5\"").And.Be(resource.Meta!.Version);
                response.Body.ToArray().Should().Equal(ScimJson.ToUtf8Bytes(resource));
                if (body == "resource+location")
                {
                    response.Location.Should().Be(Location);
                }
                else
                {
                    response.Location.Should().BeNull();
                }

                break;
            case "empty":
                response.Body.IsEmpty.Should().BeTrue();
                response.Headers.Should().BeEmpty();
                break;
            default:
                response.ContentType.Should().Be(ScimResponse.ScimContentType);
                response.ETag.Should().BeNull();
                response.Location.Should().BeNull();
                var json = JsonNode.Parse(response.Body.Span)!.AsObject();
                json["schemas"]![0]!.GetValue<string>().Should().Be(ScimSchemaUris.Error);
                json["status"]!.GetValue<string>().Should().Be(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                (json["scimType"]?.GetValue<string>()).Should().Be(scimType);
                json["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void ForOutcome_NoResource_ThrowsOnlyWhenTheOutcomeCarriesOne(MembershipOutcome outcome, int status, string body, string? scimType)
    {
        var act = () => ScimResponse.ForOutcome(outcome, null);

        if (body.StartsWith("resource", StringComparison.Ordinal))
        {
            act.Should().Throw<ArgumentNullException>().WithParameterName("resource");
        }
        else
        {
            act().StatusCode.Should().Be(status, scimType);
        }
    }

    [Fact]
    public void ForOutcome_NotFoundWithId_NamesTheIdInTheDetail()
    {
        var json = JsonNode.Parse(ScimResponse.ForOutcome(MembershipOutcome.NotFound, null, "010101001010101011001010101011").Body.Span)!;

        json["detail"]!.GetValue<string>().Should().Contain("010101001010101011001010101011");
    }

    [Theory]
    [InlineData(MembershipState.Active, true)]
    [InlineData(MembershipState.Inactive, false)]
    public void ForOutcome_ReadOfAnExistingMember_Is200WithActive(MembershipState state, bool active)
    {
        var response = ScimResponse.ForOutcome(MembershipOutcome.Unchanged, Resource(state));

        response.StatusCode.Should().Be(200);
        JsonNode.Parse(response.Body.Span)!["active"]!.GetValue<bool>().Should().Be(active);
    }

    [Fact]
    public void ForOutcome_CreatedWithoutLocation_Throws()
    {
        var act = () => ScimResponse.ForOutcome(MembershipOutcome.Created, new ScimUser { UserName = "u" });

        act.Should().Throw<ArgumentException>().WithParameterName("resource");
    }

    [Fact]
    public void ForOutcome_UndefinedOutcome_Throws()
    {
        var act = () => ScimResponse.ForOutcome((MembershipOutcome)99, Resource());

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("outcome");
    }

    [Fact]
    public void Ok_ResourceWithoutVersion_HasNoETag()
    {
        var response = ScimResponse.Ok(new ScimUser { UserName = "u" });

        response.StatusCode.Should().Be(200);
        response.ETag.Should().BeNull();
        response.Headers.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("Content-Type", ScimResponse.ScimContentType));
    }

    [Fact]
    public void NotModified_Version_Is304WithTheETagAndNoBody()
    {
        var response = ScimResponse.NotModified(9);

        response.StatusCode.Should().Be(304);
        response.ETag.Should().Be("W/\"9\"");
        response.ContentType.Should().BeNull();
        response.Body.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void NoContent_Is204WithNothing()
    {
        var response = ScimResponse.NoContent();

        response.StatusCode.Should().Be(204);
        response.Headers.Should().BeEmpty();
        response.Body.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void GetHeader_AnyCase_FindsTheHeader()
    {
        var response = ScimResponse.Created(Resource());

        response.GetHeader("location").Should().Be(Location);
        response.GetHeader("ETAG").Should().Be("W/\"5\"");
        response.GetHeader("X-Missing").Should().BeNull();
    }
}
