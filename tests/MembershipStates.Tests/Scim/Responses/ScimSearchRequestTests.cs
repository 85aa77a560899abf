using System.Text;
using FluentAssertions;
using FsCheck.Xunit;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Responses;

public sealed class ScimSearchRequestTests
{
    private const string Schemas = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]";

    [Fact]
    public void Parse_EveryMember_BecomesTheQueryParameterOfTheEquivalentGet()
    {
        var search = ScimSearchRequest.Parse(Encoding.UTF8.GetBytes("{" + Schemas + """
            ,"filter":"userName sw \"a\"","startIndex":3,"COUNT":10,"attributes":["userName","name.givenName"],
             "excludedAttributes":"emails","sortBy":"userName","sortOrder":"descending","other":{"ignored":true}}
            """));

        search.Error.Should().BeNull();
        search.Value.QueryParameters.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["filter"] = "userName sw \"a\"",
            ["startIndex"] = "3",
            ["count"] = "10",
            ["attributes"] = "userName,name.givenName",
            ["excludedAttributes"] = "emails",
            ["sortBy"] = "userName",
            ["sortOrder"] = "descending",
        });
    }

    [Fact]
    public void Parse_OnlyTheSchema_IsTheUnfilteredFirstPage() =>
        ScimSearchRequest.Parse(Encoding.UTF8.GetBytes("{" + Schemas + "}")).Value.QueryParameters.Should().BeEmpty();

    [Theory]
    [InlineData("""{"filter":"userName eq \"a\""}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "invalidSyntax")]
    [InlineData("""[]""", "invalidSyntax")]
    [InlineData("""not json""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"schemas":[]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":5}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"count":"10"}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"attributes":[1]}""", "invalidValue")]
    public void Parse_MalformedBody_Is400(string body, string scimType)
    {
        var search = ScimSearchRequest.Parse(Encoding.UTF8.GetBytes(body));

        search.Error!.Status.Should().Be(400);
        search.Error.ScimType.Should().Be(scimType);
    }

    [Property(MaxTest = 300)]
    public void Parse_ArbitraryBytes_NeverThrows(byte[] body)
    {
        var search = ScimSearchRequest.Parse(body);

        (search.IsSuccess || search.Error is { Status: 400 }).Should().BeTrue();
    }

    /// <summary>
    /// Search-shaped JSON with repeated names, odd Unicode and deep nesting never throws, and whatever it asks for
    /// reads as a sort that parses or a 400 <c>invalidValue</c>.
    /// </summary>
    [Property(MaxTest = 500)]
    public FsCheck.Property Parse_HostileSearchJson_NeverThrows() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Arb.From(HostileJson.Text(
                FsCheck.Fluent.Gen.Elements("schemas", "filter", "sortBy", "SORTBY", "sortOrder", "startIndex", "count", "attributes", "excludedAttributes", "value"),
                FsCheck.Fluent.Gen.Elements<System.Text.Json.Nodes.JsonNode?>(
                    null, ScimSearchRequest.Schema, "userName", "name.familyName", "emails", "descending", "sideways", "userName eq \"a\"", 1, -1, 2147483648L, true))),
            text =>
            {
                var search = ScimSearchRequest.Parse(Encoding.UTF8.GetBytes(text));
                var sort = search.IsSuccess
                    ? ScimSort.Parse(search.Value.QueryParameters.GetValueOrDefault("sortBy"), search.Value.QueryParameters.GetValueOrDefault("sortOrder"))
                    : null;
                return (search.IsSuccess || search.Error is { Status: 400 }) && (sort is null || sort.IsSuccess || sort.Error is { Status: 400, ScimType: "invalidValue" });
            });
}
