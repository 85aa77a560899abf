using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Responses;

public sealed class ScimDiscoveryTests
{
    private static JsonObject Body(ScimResponse response) => JsonNode.Parse(response.Body.Span)!.AsObject();

    [Fact]
    public void ServiceProviderConfig_Default_AnnouncesWhatThePackageSupports()
    {
        var response = ScimDiscovery.ServiceProviderConfig();

        response.StatusCode.Should().Be(200);
        response.ContentType.Should().Be(ScimResponse.ScimContentType);
        var json = Body(response);
        json["schemas"]![0]!.GetValue<string>().Should().Be(ScimSchemaUris.ServiceProviderConfig);
        json["patch"]!["supported"]!.GetValue<bool>().Should().BeTrue();
        json["filter"]!["supported"]!.GetValue<bool>().Should().BeTrue();
        json["filter"]!["maxResults"]!.GetValue<int>().Should().Be(200);
        json["etag"]!["supported"]!.GetValue<bool>().Should().BeTrue();
        json["bulk"]!["supported"]!.GetValue<bool>().Should().BeFalse();
        json["bulk"]!["maxOperations"]!.GetValue<int>().Should().Be(0);
        json["bulk"]!["maxPayloadSize"]!.GetValue<int>().Should().Be(0);
        json["sort"]!["supported"]!.GetValue<bool>().Should().BeTrue();
        json["changePassword"]!["supported"]!.GetValue<bool>().Should().BeFalse();
        var scheme = json["authenticationSchemes"]!.AsArray().Should().ContainSingle().Subject!;
        scheme["type"]!.GetValue<string>().Should().Be("oauthbearertoken");
        scheme["name"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        scheme["description"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        json["meta"]!["resourceType"]!.GetValue<string>().Should().Be("ServiceProviderConfig");
        json["meta"]!.AsObject().ContainsKey("location").Should().BeFalse();
        json.ContainsKey("documentationUri").Should().BeFalse();
    }

    [Fact]
    public void ServiceProviderConfig_OptionsAndUris_AreUsed()
    {
        var json = Body(ScimDiscovery.ServiceProviderConfig(
            new ScimPagingOptions { MaxPageSize = 50 },
            new Uri("https://app.example.com/scim/v2"),
            new Uri("https://app.example.com/help/scim")));

        json["filter"]!["maxResults"]!.GetValue<int>().Should().Be(50);
        json["meta"]!["location"]!.GetValue<string>().Should().Be("https://app.example.com/scim/v2/ServiceProviderConfig");
        json["documentationUri"]!.GetValue<string>().Should().Be("https://app.example.com/help/scim");
    }

    [Theory]
    [InlineData("https://app.example.com/scim/v2")]
    [InlineData("https://app.example.com/scim/v2/")]
    public void ResourceTypes_AnyBaseUri_IsAListWithTheUserType(string baseUri)
    {
        var json = Body(ScimDiscovery.ResourceTypes(new Uri(baseUri)));

        json["schemas"]![0]!.GetValue<string>().Should().Be(ScimSchemaUris.ListResponse);
        json["totalResults"]!.GetValue<int>().Should().Be(1);
        json["itemsPerPage"]!.GetValue<int>().Should().Be(1);
        json["startIndex"]!.GetValue<int>().Should().Be(1);
        var user = json["Resources"]!.AsArray().Should().ContainSingle().Subject!;
        user["id"]!.GetValue<string>().Should().Be("User");
        user["name"]!.GetValue<string>().Should().Be("User");
        user["endpoint"]!.GetValue<string>().Should().Be("/Users");
        user["schema"]!.GetValue<string>().Should().Be(ScimSchemaUris.User);
        user["schemas"]![0]!.GetValue<string>().Should().Be(ScimSchemaUris.ResourceType);
        var extension = user["schemaExtensions"]!.AsArray().Should().ContainSingle().Subject!;
        extension["schema"]!.GetValue<string>().Should().Be(ScimSchemaUris.EnterpriseUser);
        extension["required"]!.GetValue<bool>().Should().BeFalse();
        user["meta"]!["location"]!.GetValue<string>().Should().Be("https://app.example.com/scim/v2/ResourceTypes/User");
        user["meta"]!["resourceType"]!.GetValue<string>().Should().Be("ResourceType");
    }

    [Theory]
    [InlineData("User")]
    [InlineData("user")]
    public void ResourceType_User_IsTheUserType(string id)
    {
        var response = ScimDiscovery.ResourceType(id);

        response.StatusCode.Should().Be(200);
        Body(response)["endpoint"]!.GetValue<string>().Should().Be("/Users");
    }

    [Fact]
    public void Schemas_BaseUri_IsAListOfTheUserAndEnterpriseSchemas()
    {
        var response = ScimDiscovery.Schemas(new Uri("https://app.example.com/scim/v2/"));

        response.StatusCode.Should().Be(200);
        response.ContentType.Should().Be(ScimResponse.ScimContentType);
        var json = Body(response);
        json["schemas"]![0]!.GetValue<string>().Should().Be(ScimSchemaUris.ListResponse);
        json["totalResults"]!.GetValue<int>().Should().Be(2);
        json["Resources"]!.AsArray().Select(schema => schema!["id"]!.GetValue<string>())
            .Should().Equal(ScimSchemaUris.User, ScimSchemaUris.EnterpriseUser);
        json["Resources"]![0]!["meta"]!["location"]!.GetValue<string>()
            .Should().Be($"https://app.example.com/scim/v2/Schemas/{ScimSchemaUris.User}");
    }

    [Theory]
    [InlineData(ScimSchemaUris.User)]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER")]
    public void Schema_KnownId_IsItsDocument(string id)
    {
        var response = ScimDiscovery.Schema(id);

        response.StatusCode.Should().Be(200);
        response.ContentType.Should().Be(ScimResponse.ScimContentType);
        var json = Body(response);
        json["id"]!.GetValue<string>().Should().BeEquivalentTo(id);
        JsonNode.DeepEquals(json, ScimSchemaDocuments.Render(id)).Should().BeTrue("the response is the rendered document, serialized once");
    }

    [Fact]
    public void ResourceTypes_WithGroups_ListsUserThenGroup()
    {
        var json = Body(ScimDiscovery.ResourceTypes(new Uri("https://app.example.com/scim/v2/"), includeGroups: true));

        json["totalResults"]!.GetValue<int>().Should().Be(2);
        var group = json["Resources"]![1]!;
        group["id"]!.GetValue<string>().Should().Be("Group");
        group["endpoint"]!.GetValue<string>().Should().Be("/Groups");
        group["schema"]!.GetValue<string>().Should().Be(ScimSchemaUris.Group);
        group["meta"]!["location"]!.GetValue<string>().Should().Be("https://app.example.com/scim/v2/ResourceTypes/Group");
    }

    [Theory]
    [InlineData("Group")]
    [InlineData("GROUP")]
    public void ResourceType_GroupWithGroups_IsTheGroupType(string id)
    {
        var response = ScimDiscovery.ResourceType(id, includeGroups: true);

        response.StatusCode.Should().Be(200);
        Body(response)["endpoint"]!.GetValue<string>().Should().Be("/Groups");
    }

    [Fact]
    public void Schemas_WithGroups_ListsTheGroupSchemaLast()
    {
        var json = Body(ScimDiscovery.Schemas(includeGroups: true));

        json["Resources"]!.AsArray().Select(schema => schema!["id"]!.GetValue<string>())
            .Should().Equal(ScimSchemaUris.User, ScimSchemaUris.EnterpriseUser, ScimSchemaUris.Group);
        ScimDiscovery.Schema(ScimSchemaUris.Group, includeGroups: true).StatusCode.Should().Be(200);
    }

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group")]
    [InlineData("")]
    [InlineData(null)]
    public void Schema_Other_Is404(string? id)
    {
        var response = ScimDiscovery.Schema(id);

        response.StatusCode.Should().Be(404);
        Body(response)["status"]!.GetValue<string>().Should().Be("404");
    }

    [Theory]
    [InlineData("Group")]
    [InlineData("")]
    [InlineData(null)]
    public void ResourceType_Other_Is404(string? id)
    {
        var response = ScimDiscovery.ResourceType(id);

        response.StatusCode.Should().Be(404);
        Body(response)["status"]!.GetValue<string>().Should().Be("404");
    }
}
