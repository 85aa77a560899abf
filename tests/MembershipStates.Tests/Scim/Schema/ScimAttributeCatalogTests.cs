using FluentAssertions;
using MembershipStates.Scim.Schema;
using Xunit;

namespace MembershipStates.Tests.Scim.Schema;

public sealed class ScimAttributeCatalogTests
{
    private const string Core = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static readonly ScimAttributeCatalog Catalog = ScimAttributeCatalog.Default;

    [Theory]
    [InlineData("id", true)]
    [InlineData("externalId", true)]
    [InlineData("userName", false)]
    [InlineData("emails.value", false)]
    [InlineData("name.givenName", false)]
    [InlineData("meta.version", true)]
    [InlineData("meta.resourceType", true)]
    [InlineData("x509Certificates.value", true)]
    [InlineData(Enterprise + ":employeeNumber", false)]
    [InlineData(Enterprise + ":manager.value", false)]
    public void Resolve_KnownAttribute_HasTheCaseExactnessOfRfc7643(string path, bool caseExact)
    {
        Resolve(path).CaseExact.Should().Be(caseExact);
    }

    [Fact]
    public void Resolve_UnknownAttribute_IsCaseInsensitiveAsRfc7643Defaults()
    {
        var resolution = Resolve("favouriteColour");

        resolution.IsKnown.Should().BeFalse();
        resolution.Target.Should().BeNull();
        resolution.CaseExact.Should().BeFalse();
    }

    [Fact]
    public void Resolve_Id_IsReadOnlyAlwaysReturnedAndUnique()
    {
        var id = Resolve("id").Target!;

        id.Mutability.Should().Be(ScimMutability.ReadOnly);
        id.Returned.Should().Be(ScimReturned.Always);
        id.Uniqueness.Should().Be(ScimUniqueness.Server);
        id.IsCommon.Should().BeTrue();
    }

    [Fact]
    public void Resolve_UserName_IsRequiredAndUniqueOnTheServer()
    {
        var userName = Resolve("userName").Target!;

        userName.Required.Should().BeTrue();
        userName.Uniqueness.Should().Be(ScimUniqueness.Server);
        userName.Type.Should().Be(ScimAttributeType.String);
        userName.Mutability.Should().Be(ScimMutability.ReadWrite);
    }

    [Fact]
    public void Resolve_Password_IsWriteOnlyAndNeverReturned()
    {
        var password = Resolve("password").Target!;

        password.Mutability.Should().Be(ScimMutability.WriteOnly);
        password.Returned.Should().Be(ScimReturned.Never);
    }

    [Theory]
    [InlineData("groups")]
    [InlineData("groups.value")]
    [InlineData("groups.$ref")]
    [InlineData("groups.display")]
    [InlineData("groups.type")]
    [InlineData("meta")]
    [InlineData("meta.created")]
    [InlineData("meta.lastModified")]
    [InlineData(Enterprise + ":manager.displayName")]
    public void Resolve_ProviderManagedAttributes_AreReadOnly(string path)
    {
        Resolve(path).Target!.Mutability.Should().Be(ScimMutability.ReadOnly);
    }

    [Theory]
    [InlineData("active", "Boolean", false)]
    [InlineData("emails", "Complex", true)]
    [InlineData("emails.primary", "Boolean", false)]
    [InlineData("meta.created", "DateTime", false)]
    [InlineData("meta.location", "Reference", false)]
    [InlineData("profileUrl", "Reference", false)]
    [InlineData("photos.value", "Reference", false)]
    [InlineData("x509Certificates.value", "Binary", false)]
    [InlineData("addresses", "Complex", true)]
    [InlineData("name", "Complex", false)]
    [InlineData(Enterprise + ":manager", "Complex", false)]
    [InlineData(Enterprise + ":manager.$ref", "Reference", false)]
    public void Resolve_Attribute_HasItsTypeAndPlurality(string path, string type, bool multiValued)
    {
        var target = Resolve(path).Target!;

        target.Type.ToString().Should().Be(type);
        target.MultiValued.Should().Be(multiValued);
    }

    [Theory]
    [InlineData("emails.type", new[] { "work", "home", "other" })]
    [InlineData("phoneNumbers.type", new[] { "work", "home", "mobile", "fax", "pager", "other" })]
    [InlineData("groups.type", new[] { "direct", "indirect" })]
    [InlineData("photos.type", new[] { "photo", "thumbnail" })]
    public void Resolve_TypeSubAttribute_HasCanonicalValues(string path, string[] values)
    {
        Resolve(path).Target!.CanonicalValues.Should().Equal(values);
    }

    [Theory]
    [InlineData("USERNAME", Core, "userName")]
    [InlineData("Name.GivenName", Core, "name.givenName")]
    [InlineData(Core + ":userName", Core, "userName")]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:name.familyName", Core, "name.familyName")]
    [InlineData(Enterprise + ":employeeNumber", Enterprise, "employeeNumber")]
    [InlineData(Enterprise + ":manager.value", Enterprise, "manager.value")]
    [InlineData(Enterprise + ":MANAGER.$REF", Enterprise, "manager.$ref")]
    [InlineData("emails[type eq \"work\"].value", Core, "emails.value")]
    [InlineData("meta.lastModified", Core, "meta.lastModified")]
    public void TryResolve_PathInAnyCaseOrQualified_FindsTheAttribute(string path, string schema, string canonical)
    {
        Catalog.TryResolve(path, out var resolution).Should().BeTrue();

        resolution.IsKnown.Should().BeTrue();
        resolution.Target!.SchemaId.Should().Be(schema);
        resolution.Target.Path.Should().Be(canonical);
    }

    [Theory]
    [InlineData("employeeNumber")]
    [InlineData("name.nickName")]
    [InlineData("userName.value")]
    [InlineData("urn:example:unknown:2.0:User:userName")]
    [InlineData(Enterprise + ":userName")]
    public void TryResolve_UnknownOrMisplacedAttribute_IsUnknown(string path)
    {
        Catalog.TryResolve(path, out var resolution).Should().BeTrue();

        resolution.IsKnown.Should().BeFalse();
    }

    [Fact]
    public void TryResolve_InvalidPath_ReturnsFalse()
    {
        Catalog.TryResolve("emails[type eq", out var resolution).Should().BeFalse();

        resolution.IsKnown.Should().BeFalse();
    }

    [Fact]
    public void ResolveSubAttribute_OfEmails_FindsValueIgnoringCase()
    {
        var emails = Resolve("emails").Target;

        var value = ScimAttributeCatalog.ResolveSubAttribute(emails, "VALUE");

        value.Target!.Path.Should().Be("emails.value");
        ScimAttributeCatalog.ResolveSubAttribute(null, "value").IsKnown.Should().BeFalse();
    }

    [Fact]
    public void Default_EnterpriseExtension_HasTheRfc7643Attributes()
    {
        Catalog.FindSchema(Enterprise)!.Attributes.Select(a => a.Name).Should().Equal(
            "employeeNumber", "costCenter", "organization", "division", "department", "manager");
        Catalog.Resolve(Enterprise, "manager", null).Target!.SubAttributes.Select(a => a.Name).Should().Equal("value", "$ref", "displayName");
        Catalog.Extensions.Should().ContainSingle().Which.Id.Should().Be(Enterprise);
    }

    [Fact]
    public void Default_CoreSchema_HasTheRfc7643UserAttributes()
    {
        Catalog.ResourceSchema.Attributes.Select(a => a.Name).Should().BeEquivalentTo(
            "id", "externalId", "meta", "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType",
            "preferredLanguage", "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos",
            "addresses", "groups", "entitlements", "roles", "x509Certificates");
    }

    [Fact]
    public void Default_EverySubAttribute_KnowsItsParentAndSchema()
    {
        foreach (var schema in Catalog.Schemas)
        {
            foreach (var attribute in schema.Attributes)
            {
                attribute.SchemaId.Should().Be(schema.Id);
                attribute.Parent.Should().BeNull();
                foreach (var sub in attribute.SubAttributes)
                {
                    sub.Parent.Should().BeSameAs(attribute);
                    sub.SchemaId.Should().Be(schema.Id);
                    sub.Path.Should().Be($"{attribute.Name}.{sub.Name}");
                }

                attribute.IsComplex.Should().Be(!attribute.SubAttributes.IsEmpty);
            }
        }
    }

    [Fact]
    public void IsResourceSchema_CoreUrnInAnyCaseOrNone_IsTheResource()
    {
        Catalog.IsResourceSchema(null).Should().BeTrue();
        Catalog.IsResourceSchema(Core.ToUpperInvariant()).Should().BeTrue();
        Catalog.IsResourceSchema(Enterprise).Should().BeFalse();
    }

    private static ScimAttributeResolution Resolve(string path)
    {
        Catalog.TryResolve(path, out var resolution).Should().BeTrue();
        return resolution;
    }
}
