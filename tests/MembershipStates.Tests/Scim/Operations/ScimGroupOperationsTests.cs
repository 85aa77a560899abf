using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Tests.Scim.Model;
using Microsoft.Extensions.Time.Testing;

namespace MembershipStates.Tests.Scim.Operations;

public sealed class ScimGroupOperationsTests
{
    private const string GroupId = "abf4dd94-a4c0-4f67-89c9-76b03340cb9b";
    private static readonly Uri Groups = new("https://app.example.com/scim/v2/organizations/acme/Groups");
    private static readonly Uri Users = new("https://app.example.com/scim/v2/organizations/acme/Users");
    private static readonly DateTimeOffset Then = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScimGroupOperations _operations;

    public ScimGroupOperationsTests() => _operations = new ScimGroupOperations(_clock);

    [Fact]
    public void ParseGroup_OktaGroupPush_ReadsDisplayNameAndNoMembers()
    {
        var group = ScimGroupOperations.ParseGroup(ScimJsonComparison.ReadPayload("okta-group-create.json")).Value;

        group.DisplayName.Should().Be("Test SCIMv2");
        group.Members.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void ParseGroup_EntraWithItsExtensionSchema_IsAcceptedAndTheExtensionIgnored()
    {
        var group = ScimGroupOperations.ParseGroup(ScimJsonComparison.ReadPayload("entra-group-create.json")).Value;

        group.ExternalId.Should().Be("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");
        group.DisplayName.Should().Be("displayName");
        var response = _operations.Create(group, GroupId).Value.ToResponse(Groups, Users);
        Json(response)["schemas"]!.AsArray().Select(s => (string?)s).Should().Equal(ScimSchemaUris.Group);
    }

    [Theory]
    [InlineData("""{"displayName":"x"}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"  "}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":5}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"x","externalId":""}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"x","members":[{"display":"no value"}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"x","members":[{"value":"g","type":"Group"}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"x","members":{"value":"u"}}""", "invalidValue")]
    [InlineData("""[]""", "invalidSyntax")]
    [InlineData("""{"schemas":""", "invalidSyntax")]
    public void ParseGroup_Malformed_IsA400WithTheRightScimType(string body, string scimType)
    {
        var error = ScimGroupOperations.ParseGroup(Encoding.UTF8.GetBytes(body)).Error;

        error.Should().NotBeNull();
        error!.Status.Should().Be(400);
        error.ScimType.Should().Be(scimType, error.Detail);
    }

    [Fact]
    public void Create_WithMembers_Answers201AndCommitsTheGroupWithItsMembers()
    {
        var group = Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ünïcode Team","members":[{"value":"u1","display":"ignored"},{"value":"u2"},{"value":"u1"}]}""");

        var operation = _operations.Create(group, GroupId).Value;
        var response = operation.ToResponse(Groups, Users);

        operation.RequiresCommit.Should().BeTrue();
        var change = operation.Change!;
        change.Kind.Should().Be(ScimGroupChangeKind.Create);
        change.PreviousVersion.Should().Be(0);
        change.ReplacesMembers.Should().BeTrue();
        change.AddedMembers.Should().Equal("u1", "u2");
        change.Group!.Members.Should().BeNull("the store is given ids, not a member list to rewrite");
        change.Group.Version.Should().Be(1);
        response.StatusCode.Should().Be(201);
        response.Location.Should().Be($"{Groups}/{GroupId}");
        response.ETag.Should().Be("W/\"1\"");
        var json = Json(response);
        json["displayName"]!.GetValue<string>().Should().Be("Ünïcode Team");
        json["meta"]!["resourceType"]!.GetValue<string>().Should().Be("Group");
        json["meta"]!["created"]!.GetValue<string>().Should().Be("2026-04-01T12:00:00Z");
        json["meta"]!["location"]!.GetValue<string>().Should().Be(response.Location);
        var first = json["members"]![0]!;
        first["value"]!.GetValue<string>().Should().Be("u1");
        first["$ref"]!.GetValue<string>().Should().Be($"{Users}/u1");
        first["type"]!.GetValue<string>().Should().Be("User");
        first["display"].Should().BeNull("display is the server's to say, not the request's");
    }

    [Fact]
    public void Read_Missing_Is404()
    {
        var result = _operations.Read(null, "nope");

        result.IsSuccess.Should().BeFalse();
        var response = result.Error!.ToResponse();
        response.StatusCode.Should().Be(404);
        Json(response)["detail"]!.GetValue<string>().Should().Contain("nope");
    }

    [Fact]
    public void Read_WithoutMembersRead_AnswersTheGroupWithoutMembers()
    {
        var response = _operations.Read(Stored(members: null), GroupId).Value.ToResponse(Groups, Users);

        response.StatusCode.Should().Be(200);
        response.ETag.Should().Be("W/\"3\"");
        Json(response).ContainsKey("members").Should().BeFalse("excludedAttributes=members: the store never read them");
    }

    [Fact]
    public void Read_WithMembers_ListsThemWithTheirDisplay()
    {
        var response = _operations.Read(Stored(members: [new ScimGroupMember { Value = "u1", Display = "ann@example.com" }]), GroupId).Value.ToResponse(Groups, Users);

        var member = Json(response)["members"]!.AsArray().Should().ContainSingle().Subject!;
        member["display"]!.GetValue<string>().Should().Be("ann@example.com");
    }

    [Theory]
    [InlineData("W/\"3\"", 304)]
    [InlineData("W/\"2\"", 200)]
    [InlineData("*", 304)]
    public void Read_IfNoneMatch_Is304WhenItMatches(string header, int status)
    {
        var response = _operations.Read(Stored(), GroupId, ScimPrecondition.IfNoneMatch(header)).Value.ToResponse(Groups, Users);

        response.StatusCode.Should().Be(status);
    }

    [Fact]
    public void Replace_OktaWizardPut_ReplacesNamesAndMembers()
    {
        var group = Parse($$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"{{{GroupId}}}","displayName":"Renamed","members":[{"value":"u9"}],"meta":{"resourceType":"Group"}}""");

        var operation = _operations.Replace(Stored(), GroupId, group, ScimPrecondition.IfMatch("W/\"3\"")).Value;
        var response = operation.ToResponse(Groups, Users);

        response.StatusCode.Should().Be(200);
        response.ETag.Should().Be("W/\"4\"");
        operation.Change!.Kind.Should().Be(ScimGroupChangeKind.Update);
        operation.Change.PreviousVersion.Should().Be(3);
        operation.Change.ReplacesMembers.Should().BeTrue();
        operation.Change.AddedMembers.Should().Equal("u9");
        operation.Change.Group!.DisplayName.Should().Be("Renamed");
        operation.Change.Group.ExternalId.Should().BeNull("what a PUT leaves out is unassigned");
        operation.Change.Group.Created.Should().Be(Then);
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"other","displayName":"x"}""", 400, "mutability")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"x","meta":{"resourceType":"User"}}""", 400, "mutability")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":""}""", 400, "invalidValue")]
    public void Replace_Refused_ChangesNothing(string body, int status, string scimType)
    {
        var result = _operations.Replace(Stored(), GroupId, Parse(body, validate: false));

        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
        result.Error!.Status.Should().Be(status);
        result.Error.ScimType.Should().Be(scimType);
    }

    [Fact]
    public void Patch_OktaPushUpdate_Is204WithTheDeltasAndTheNextVersion()
    {
        var patch = ScimGroupOperations.ParsePatch(ScimJsonComparison.ReadPayload("okta-group-push-update.json"), GroupId).Value;

        var operation = _operations.Patch(Stored(), GroupId, patch).Value;
        var response = operation.ToResponse(Groups, Users);

        response.StatusCode.Should().Be(204);
        response.Body.IsEmpty.Should().BeTrue("Entra advises against returning members, and a 204 never reads them");
        var change = operation.Change!;
        change.Group!.DisplayName.Should().Be("Test SCIMv2");
        change.Group.Version.Should().Be(4);
        change.Group.LastModified.Should().Be(_clock.GetUtcNow());
        change.ReplacesMembers.Should().BeFalse();
        change.AddedMembers.Should().Equal("89bb1940-b905-4575-9e7f-6f887cfb368e");
        change.RemovedMembers.Should().Equal("23a35c27-23d3-4c03-b4c5-6443c09e7173");
    }

    [Fact]
    public void Patch_TheSameNameAgain_Is204WithNothingToCommit()
    {
        var patch = ScimGroupOperations.ParsePatch(
            Encoding.UTF8.GetBytes($$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"{{{GroupId}}}","displayName":"Engineering"}}]}"""),
            GroupId).Value;

        var operation = _operations.Patch(Stored(), GroupId, patch).Value;

        operation.RequiresCommit.Should().BeFalse();
        operation.ToResponse(Groups, Users).StatusCode.Should().Be(204);
    }

    [Fact]
    public void Patch_AnotherGroupsId_IsMutability()
    {
        var parsed = ScimGroupOperations.ParsePatch(ScimJsonComparison.ReadPayload("okta-group-rename.json"), "some-other-group");

        parsed.Error!.ScimType.Should().Be("mutability");
    }

    [Theory]
    [InlineData("W/\"2\"")]
    [InlineData("\"nonsense\"")]
    public void PatchReplaceDelete_StaleIfMatch_Is412AndCommitsNothing(string header)
    {
        var patch = ScimGroupOperations.ParsePatch(ScimJsonComparison.ReadPayload("entra-group-add-members.json"), GroupId).Value;
        var ifMatch = ScimPrecondition.IfMatch(header);

        var results = new[]
        {
            _operations.Patch(Stored(), GroupId, patch, ifMatch),
            _operations.Replace(Stored(), GroupId, Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"x"}"""), ifMatch),
            _operations.Delete(Stored(), GroupId, ifMatch),
        };

        results.Should().AllSatisfy(result =>
        {
            result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
            result.Error!.ToResponse().StatusCode.Should().Be(412);
        });
    }

    [Fact]
    public void PatchReplaceDelete_Missing_Is404()
    {
        var patch = ScimGroupOperations.ParsePatch(ScimJsonComparison.ReadPayload("entra-group-rename.json"), GroupId).Value;

        _operations.Patch(null, GroupId, patch).Error!.Status.Should().Be(404);
        _operations.Replace(null, GroupId, Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"x"}""")).Error!.Status.Should().Be(404);
        _operations.Delete(null, GroupId).Error!.Status.Should().Be(404);
    }

    [Fact]
    public void Delete_Existing_Is204AndDeletesTheGroupOnly()
    {
        var operation = _operations.Delete(Stored(), GroupId, ScimPrecondition.IfMatch("W/\"3\"")).Value;

        operation.ToResponse(Groups, Users).StatusCode.Should().Be(204);
        operation.Change!.Kind.Should().Be(ScimGroupChangeKind.Delete);
        operation.Change.PreviousVersion.Should().Be(3);
        operation.Change.Group.Should().BeNull();
        operation.Change.AddedMembers.Should().BeEmpty();
    }

    [Fact]
    public void List_Page_IsAListResponseOfGroups()
    {
        var response = ScimGroupOperations.List([Stored(members: null)], 7, ScimPage.Of(3, 1), Groups, Users);

        var json = Json(response);
        json["totalResults"]!.GetValue<int>().Should().Be(7);
        json["startIndex"]!.GetValue<int>().Should().Be(3);
        json["Resources"]![0]!["id"]!.GetValue<string>().Should().Be(GroupId);
        json["Resources"]![0]!.AsObject().ContainsKey("members").Should().BeFalse();
    }

    [Fact]
    public void StoredGroup_InvalidFacts_Throw()
    {
        var noName = () => new ScimStoredGroup("g", " ", null, 1, Then, Then);
        var noVersion = () => new ScimStoredGroup("g", "n", null, 0, Then, Then);

        noName.Should().Throw<ArgumentException>();
        noVersion.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static ScimStoredGroup Stored(IReadOnlyList<ScimGroupMember>? members = null) =>
        new(GroupId, "Engineering", "ext-1", 3, Then, Then, members);

    private static ScimGroup Parse(string json, bool validate = true) =>
        validate ? ScimGroupOperations.ParseGroup(Encoding.UTF8.GetBytes(json)).Value : ScimJson.ParseGroup(Encoding.UTF8.GetBytes(json)).Value;

    private static JsonObject Json(ScimResponse response) => JsonNode.Parse(response.Body.Span)!.AsObject();
}
