using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;

namespace MembershipStates.Tests.Scim.Schema;

public sealed class ScimSchemaDocumentsTests
{
    private const string Core = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    [Fact]
    public void SchemaIds_ListsUserThenEnterpriseUserThenGroup()
    {
        ScimSchemaDocuments.SchemaIds.Should().Equal(Core, Enterprise, Group);
    }

    [Fact]
    public void Render_GroupSchema_HasDisplayNameRequiredAndMembersWithTheirSubAttributes()
    {
        var document = ScimSchemaDocuments.Render(Group)!;

        document["name"]!.GetValue<string>().Should().Be("Group");
        Attributes(document).Select(a => a["name"]!.GetValue<string>()).Should().Equal("displayName", "members");
        var displayName = Attribute(document, "displayName");
        displayName["required"]!.GetValue<bool>().Should().BeTrue();
        displayName["caseExact"]!.GetValue<bool>().Should().BeFalse("displayName is unique case-insensitively");
        displayName["uniqueness"]!.GetValue<string>().Should().Be("server");
        var members = Attribute(document, "members");
        members["multiValued"]!.GetValue<bool>().Should().BeTrue();
        members["subAttributes"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).Should().Equal("value", "$ref", "display", "type");
    }

    [Fact]
    public void Render_UserSchema_IsASchemaResource()
    {
        var document = ScimSchemaDocuments.Render(Core)!;

        document["schemas"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("urn:ietf:params:scim:schemas:core:2.0:Schema");
        document["id"]!.GetValue<string>().Should().Be(Core);
        document["name"]!.GetValue<string>().Should().Be("User");
        document["meta"]!["resourceType"]!.GetValue<string>().Should().Be("Schema");
        document["meta"]!["location"].Should().BeNull();
    }

    [Fact]
    public void Render_UserSchema_LeavesOutTheCommonAttributes()
    {
        var names = Attributes(ScimSchemaDocuments.Render(Core)!).Select(a => a["name"]!.GetValue<string>()).ToList();

        names.Should().NotContain(["id", "externalId", "meta"]);
        names.Should().Contain(["userName", "name", "active", "emails", "groups", "password"]);
    }

    [Fact]
    public void Render_UserName_HasEveryCharacteristic()
    {
        var userName = Attribute(ScimSchemaDocuments.Render(Core)!, "userName");

        userName.ToJsonString().Should().Be(
            """{"name":"userName","type":"string","multiValued":false,"description":"Unique identifier the User signs in with. Each User has a non-empty userName.","required":true,"caseExact":false,"mutability":"readWrite","returned":"default","uniqueness":"server"}""");
    }

    [Theory]
    [InlineData("password", "mutability", "writeOnly")]
    [InlineData("password", "returned", "never")]
    [InlineData("groups", "mutability", "readOnly")]
    [InlineData("active", "type", "boolean")]
    [InlineData("emails", "type", "complex")]
    [InlineData("profileUrl", "type", "reference")]
    public void Render_UserSchema_CarriesRfc7643Characteristics(string attribute, string characteristic, string value)
    {
        Attribute(ScimSchemaDocuments.Render(Core)!, attribute)[characteristic]!.GetValue<string>().Should().Be(value);
    }

    [Fact]
    public void Render_Emails_ListsSubAttributesWithCanonicalTypes()
    {
        var emails = Attribute(ScimSchemaDocuments.Render(Core)!, "emails");

        emails["multiValued"]!.GetValue<bool>().Should().BeTrue();
        var type = emails["subAttributes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "type")!;
        type["canonicalValues"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("work", "home", "other");
    }

    [Fact]
    public void Render_EnterpriseExtension_HasManagerWithReferenceToUser()
    {
        var document = ScimSchemaDocuments.Render(Enterprise.ToUpperInvariant())!;

        document["id"]!.GetValue<string>().Should().Be(Enterprise);
        var manager = Attribute(document, "manager");
        var reference = manager["subAttributes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "$ref")!;
        reference["referenceTypes"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("User");
        Attributes(document).Select(a => a["name"]!.GetValue<string>()).Should().Equal(
            "employeeNumber", "costCenter", "organization", "division", "department", "manager");
    }

    [Fact]
    public void Render_WithBaseUri_SetsMetaLocation()
    {
        var document = ScimSchemaDocuments.Render(Core, new Uri("https://example.com/scim/v2/"))!;

        document["meta"]!["location"]!.GetValue<string>().Should().Be("https://example.com/scim/v2/Schemas/" + Core);
    }

    [Fact]
    public void Render_UnknownSchema_ReturnsNull()
    {
        ScimSchemaDocuments.Render("urn:ietf:params:scim:schemas:core:2.0:Role").Should().BeNull();
    }

    [Fact]
    public void RenderAll_EveryAttribute_HasTheCharacteristicsRfc7643Requires()
    {
        ScimSchemaDocuments.RenderAll().Should().HaveCount(2, "without groups, the User schemas");
        var documents = ScimSchemaDocuments.RenderAll(includeGroups: true);

        documents.Should().HaveCount(3);
        foreach (var attribute in documents.SelectMany(d => Flatten(Attributes(d!.AsObject()))))
        {
            attribute.Select(p => p.Key).Should().Contain(["name", "type", "multiValued", "description", "required", "mutability", "returned", "uniqueness"]);
        }
    }

    [Fact]
    public void RenderAll_EachCall_ReturnsNewNodesTheCallerOwns()
    {
        var first = ScimSchemaDocuments.RenderAll();
        first[0]!["name"] = "Changed";

        ScimSchemaDocuments.RenderAll()[0]!["name"]!.GetValue<string>().Should().Be("User");
    }

    private static IEnumerable<JsonObject> Attributes(JsonObject document) =>
        document["attributes"]!.AsArray().Select(a => a!.AsObject());

    private static JsonObject Attribute(JsonObject document, string name) =>
        Attributes(document).Single(a => a["name"]!.GetValue<string>() == name);

    private static IEnumerable<JsonObject> Flatten(IEnumerable<JsonObject> attributes) =>
        attributes.SelectMany(a => a["subAttributes"] is JsonArray subs ? [a, .. Flatten(subs.Select(s => s!.AsObject()))] : new[] { a });
}
