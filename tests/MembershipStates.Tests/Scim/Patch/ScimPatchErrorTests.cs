using System.Text;
using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Scim.Patching;

namespace MembershipStates.Tests.Scim.Patch;

/// <summary>Malformed or forbidden PATCH requests: a SCIM error with the right scimType, and nothing changes.</summary>
public sealed class ScimPatchErrorTests
{
    private const string Schemas = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private readonly ScimUserOperations _operations = new(new MembershipLifecycle());

    [Theory]
    [InlineData("not json", "invalidSyntax")]
    [InlineData("[]", "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"replace","path":"active","value":false}]}""", "invalidSyntax")]
    [InlineData("{" + Schemas + "}", "invalidSyntax")]
    [InlineData("{" + Schemas + ""","Operations":[]}""", "invalidSyntax")]
    [InlineData("{" + Schemas + ""","Operations":[{"op":"merge","path":"active","value":false}]}""", "invalidSyntax")]
    [InlineData("{" + Schemas + ""","Operations":[{"path":"active","value":false}]}""", "invalidSyntax")]
    [InlineData("{" + Schemas + ""","Operations":[{"op":"remove"}]}""", "noTarget")]
    [InlineData("{" + Schemas + ""","Operations":[{"op":"replace","path":"active"}]}""", "invalidValue")]
    [InlineData("{" + Schemas + ""","Operations":[{"op":"replace","value":false}]}""", "invalidValue")]
    [InlineData("{" + Schemas + ""","Operations":[{"op":"replace","path":"emails[type eq","value":"x"}]}""", "invalidPath")]
    [InlineData("{" + Schemas + ""","Operations":[{"op":"replace","path":"","value":"x"}]}""", "invalidPath")]
    [InlineData("{" + Schemas + ""","Operations":[{"op":"replace","path":7,"value":"x"}]}""", "invalidPath")]
    public void ParsePatch_MalformedRequest_Is400WithScimType(string body, string scimType)
    {
        var result = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes(body));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Status.Should().Be(400);
        result.Error.ScimType.Should().Be(scimType);
        result.Error.Detail.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"active","value":"maybe"}""", "invalidValue")]
    [InlineData("""{"op":"replace","path":"active","value":1}""", "invalidValue")]
    [InlineData("""{"op":"remove","path":"active"}""", "invalidValue")]
    [InlineData("""{"op":"replace","path":"id","value":"other"}""", "mutability")]
    [InlineData("""{"op":"replace","path":"meta.version","value":"W/\"1\""}""", "mutability")]
    [InlineData("""{"op":"add","path":"groups","value":[{"value":"g1"}]}""", "mutability")]
    [InlineData("""{"op":"replace","path":"groups","value":[]}""", "mutability")]
    [InlineData("""{"op":"remove","path":"groups"}""", "mutability")]
    [InlineData("""{"op":"remove","path":"groups[value eq \"g1\"]"}""", "mutability")]
    [InlineData("""{"op":"replace","path":"groups.display","value":"x"}""", "mutability")]
    [InlineData("""{"op":"replace","value":{"displayName":"x","groups":[{"value":"g1"}]}}""", "mutability")]
    [InlineData("""{"op":"replace","path":"userName.first","value":"x"}""", "invalidPath")]
    [InlineData("""{"op":"replace","path":"emails[type eq \"work\" or type eq \"home\"].value","value":"x@y.z"}""", "noTarget")]
    [InlineData("""{"op":"replace","path":"emails[type eq \"work\"].primary","value":"sometimes"}""", "invalidValue")]
    [InlineData("""{"op":"replace","path":"userName","value":""}""", "invalidValue")]
    [InlineData("""{"op":"remove","path":"userName"}""", "invalidValue")]
    [InlineData("""{"op":"replace","path":"userName","value":42}""", "invalidValue")]
    public void Patch_ForbiddenOrInvalidOperation_IsRefusedWithScimType(string operationJson, string scimType)
    {
        var member = ScimPatchFixtureTests.Member(MembershipState.Active, """[]""");
        var patch = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes($$"""{{{Schemas}},"Operations":[{{operationJson}}]}"""));
        patch.Error.Should().BeNull();

        var result = _operations.Patch(member, "m1", patch.Value);

        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
        result.Error.Should().NotBeNull();
        result.Error!.ScimType.Should().Be(scimType);
        result.Error.ToResponse().StatusCode.Should().Be(400);
    }

    [Fact]
    public void Patch_SecondOperationFails_NothingOfTheFirstIsApplied()
    {
        var member = ScimPatchFixtureTests.Member(MembershipState.Active);
        var patch = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes($$"""
            {{{Schemas}},"Operations":[
              {"op":"replace","path":"displayName","value":"Changed"},
              {"op":"replace","path":"active","value":false},
              {"op":"replace","path":"id","value":"x"}]}
            """)).Value;

        var result = _operations.Patch(member, "m1", patch);

        result.Error!.ScimType.Should().Be("mutability");
        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
        member.Attributes.DisplayName.Should().Be("R L", "the stored attributes are never touched");
    }

    [Fact]
    public void Patch_OpInAnyCase_IsAccepted()
    {
        var patch = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes($$"""
            {{{Schemas}},"operations":[{"op":"REPLACE","path":"displayName","value":"A"},{"op":"Add","path":"title","value":"B"},{"op":"rEmOvE","path":"nickName"}]}
            """));

        patch.Value.Operations.Select(o => o.Type).Should().Equal(
            PatchOperationType.Replace, PatchOperationType.Add, PatchOperationType.Remove);
    }

    [Fact]
    public void Patch_RemoveWithValueFilter_RemovesTheSelectedValues()
    {
        var member = ScimPatchFixtureTests.Member(MembershipState.Active);
        var patch = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes($$"""
            {{{Schemas}},"Operations":[{"op":"remove","path":"emails[type eq \"home\"]"}]}
            """)).Value;

        var operation = _operations.Patch(member, "m1", patch).Value;

        operation.Attributes!.Emails.Should().ContainSingle().Which.Type.Should().Be("work");
    }

    [Theory]
    [InlineData("""{"op":"add","path":"frobnicateAttribute","value":"x"}""")]
    [InlineData("""{"op":"replace","path":"name.frobnicate","value":"x"}""")]
    [InlineData("""{"op":"remove","path":"frobnicateAttribute"}""")]
    [InlineData("""{"op":"replace","path":"emails[type eq \"work\"].frobnicate","value":"x"}""")]
    [InlineData("""{"op":"add","path":"urn:example:custom:1.0:User:badge","value":"B-7"}""")]
    [InlineData("""{"op":"add","path":"urn:example:ext:1.0:Custom","value":{"badge":"B-7"}}""")]
    [InlineData("""{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:frobnicate","value":"x"}""")]
    [InlineData("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.frobnicate","value":"x"}""")]
    [InlineData("""{"op":"replace","value":{"frobnicateAttribute":"x"}}""")]
    [InlineData("""{"op":"replace","value":{"name.frobnicate":"x"}}""")]
    [InlineData("""{"op":"add","value":{"urn:example:ext:1.0:Custom":{"badge":"B-7"}}}""")]
    [InlineData("""{"op":"add","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"frobnicate":"x"}}}""")]
    public void Patch_PathNamingAnUndeclaredAttribute_IsInvalidPath(string operationJson)
    {
        var member = ScimPatchFixtureTests.Member(MembershipState.Active);
        var patch = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes($$"""{{{Schemas}},"Operations":[{{operationJson}}]}""")).Value;

        var result = _operations.Patch(member, "m1", patch);

        result.Error!.ScimType.Should().Be("invalidPath");
        result.Error.Detail.Should().Contain("/Schemas");
        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"active","value":false},{"op":"add","path":"frobnicateAttribute","value":"x"}""")]
    [InlineData("""{"op":"add","path":"frobnicateAttribute","value":"x"},{"op":"replace","path":"active","value":false}""")]
    [InlineData("""{"op":"replace","value":{"active":false,"frobnicateAttribute":"x"}}""")]
    [InlineData("""{"op":"Replace","path":"active","value":"False"},{"op":"replace","path":"name.frobnicate","value":"x"}""")]
    public void Patch_UndeclaredPathBesideAValidDeactivation_ChangesNothing(string operationsJson)
    {
        var member = ScimPatchFixtureTests.Member(MembershipState.Active);
        var patch = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes($$"""{{{Schemas}},"Operations":[{{operationsJson}}]}""")).Value;

        var result = _operations.Patch(member, "m1", patch);

        result.Error!.ScimType.Should().Be("invalidPath");
        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
        result.Error.ToResponse().StatusCode.Should().Be(400);
    }

    [Fact]
    public void Patch_ValueWithUndeclaredSubAttributes_StoresOnlyTheDeclaredOnes()
    {
        var member = ScimPatchFixtureTests.Member(MembershipState.Active);
        var patch = ScimUserOperations.ParsePatch(Encoding.UTF8.GetBytes(
            "{" + Schemas + ""","Operations":[{"op":"replace","path":"name","value":{"givenName":"Ada","frobnicate":"x"}}]}""")).Value;

        var result = _operations.Patch(member, "m1", patch);

        result.Error.Should().BeNull();
        var operation = result.Value;
        operation.Attributes!.Name!.GivenName.Should().Be("Ada");
        operation.Attributes.Name.AdditionalAttributes.Should().BeNull("a value's undeclared sub-attributes are ignored, as in a PUT");
    }
}
