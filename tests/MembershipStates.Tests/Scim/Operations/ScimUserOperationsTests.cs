using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using Microsoft.Extensions.Time.Testing;

namespace MembershipStates.Tests.Scim.Operations;

public sealed class ScimUserOperationsTests
{
    private static readonly Uri Users = new("https://app.example.com/scim/v2/organizations/acme/Users");

    // Okta's "SCIM 2.0 CRUD Test" assignment POST (developer.okta.com/docs/reference/scim/scim-20/): externalId,
    // a placeholder password, active true, mixed-case userName.
    private const string OktaCreate = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Runscope300Hfluaklab151@atko.com",
         "name":{"givenName":"Runscope300","familyName":"Hfluaklab151"},
         "emails":[{"primary":true,"value":"Runscope300Hfluaklab151@atko.com","type":"work"}],
         "displayName":"Runscope300 Hfluaklab151","externalId":"00u1dhhb1fkIGP7RL1d8","locale":"en-US",
         "groups":[],"password":"1mz050nq","active":true}
        """;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScimUserOperations _operations;

    public ScimUserOperationsTests() => _operations = new ScimUserOperations(new MembershipLifecycle(timeProvider: _clock));

    [Fact]
    public void Create_OktaAssignment_Answers201WithTheUserAsSentAndNoPassword()
    {
        var user = Parse(OktaCreate);

        var operation = _operations.Create(user, existing: null, newId: "a1").Value;
        var response = operation.ToResponse(Users);

        operation.RequiresCommit.Should().BeTrue();
        operation.Decision.Outcome.Should().Be(MembershipOutcome.Created);
        response.StatusCode.Should().Be(201);
        response.Location.Should().Be("https://app.example.com/scim/v2/organizations/acme/Users/a1");
        response.ETag.Should().Be("W/\"1\"");
        var body = Json(response);
        body["id"]!.GetValue<string>().Should().Be("a1");
        body["userName"]!.GetValue<string>().Should().Be("Runscope300Hfluaklab151@atko.com");
        body["active"]!.GetValue<bool>().Should().BeTrue();
        body["meta"]!["version"]!.GetValue<string>().Should().Be("W/\"1\"");
        body.ContainsKey("password").Should().BeFalse();
        operation.Attributes!.Id.Should().BeNull("the host keeps attributes; the id comes from the membership");
    }

    [Fact]
    public void Create_SameUserNameAsActiveMember_Is409Uniqueness()
    {
        var existing = Member(MembershipState.Active, Parse(OktaCreate));

        var response = _operations.Create(Parse(OktaCreate), existing, "a2").Value.ToResponse(Users);

        response.StatusCode.Should().Be(409);
        Json(response)["scimType"]!.GetValue<string>().Should().Be("uniqueness");
        Json(response)["status"]!.GetValue<string>().Should().Be("409");
    }

    [Fact]
    public void Create_SameUserNameAsInactiveMember_RevivesWithTheSameId()
    {
        var existing = Member(MembershipState.Inactive, Parse(OktaCreate));

        var operation = _operations.Create(Parse(OktaCreate), existing, "a2").Value;
        var response = operation.ToResponse(Users);

        operation.Decision.Outcome.Should().Be(MembershipOutcome.Revived);
        response.StatusCode.Should().Be(201);
        Json(response)["id"]!.GetValue<string>().Should().Be("m1");
        Json(response)["active"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Create_InactiveMemberUnderRejectPolicy_Is409()
    {
        var operations = new ScimUserOperations(new MembershipLifecycle(InactiveProvisionPolicy.Reject));

        var response = operations.Create(Parse(OktaCreate), Member(MembershipState.Inactive, Parse(OktaCreate)), "a2").Value.ToResponse(Users);

        response.StatusCode.Should().Be(409);
    }

    [Fact]
    public void Read_InactiveMember_Answers200WithActiveFalse()
    {
        var member = Member(MembershipState.Inactive, Parse(OktaCreate));

        var response = _operations.Read(member, "m1").ToResponse(Users);

        response.StatusCode.Should().Be(200);
        Json(response)["active"]!.GetValue<bool>().Should().BeFalse("Okta's CRUD test reads a deactivated user and expects 200 with active false");
    }

    [Fact]
    public void Read_Unknown_Is404ErrorWithDetail()
    {
        var response = _operations.Read(null, "010101001010101011001010101011").ToResponse(Users);

        response.StatusCode.Should().Be(404);
        Json(response)["status"]!.GetValue<string>().Should().Be("404");
        Json(response)["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Read_IfNoneMatchCurrentVersion_Is304()
    {
        var member = Member(MembershipState.Active, Parse(OktaCreate));

        var operation = _operations.Read(member, "m1", ScimPrecondition.IfNoneMatch("W/\"5\""));

        operation.IsNotModified.Should().BeTrue();
        operation.ToResponse(Users).StatusCode.Should().Be(304);
        _operations.Read(member, "m1", ScimPrecondition.IfNoneMatch("W/\"4\"")).ToResponse(Users).StatusCode.Should().Be(200);
    }

    [Fact]
    public void Replace_OktaProfileUpdateWithIdMetaAndGroups_UpdatesOnlyTheProfile()
    {
        var member = Member(MembershipState.Active, Parse(OktaCreate));
        var put = Parse(OktaCreate.Replace("\"givenName\":\"Runscope300\"", "\"givenName\":\"Another\"", StringComparison.Ordinal)
            .Replace("\"schemas\":", "\"id\":\"m1\",\"meta\":{\"resourceType\":\"User\",\"version\":\"W/\\\"5\\\"\"},\"schemas\":", StringComparison.Ordinal));

        var operation = _operations.Replace(member, "m1", put).Value;

        operation.Decision.Outcome.Should().Be(MembershipOutcome.Updated);
        operation.Decision.Effects.Should().Be(MembershipEffects.WriteAttributes);
        operation.Attributes!.Name!.GivenName.Should().Be("Another");
        Json(operation.ToResponse(Users))["meta"]!["version"]!.GetValue<string>().Should().Be("W/\"6\"");
    }

    [Fact]
    public void Replace_WizardDeactivateWithActiveFalse_DeactivatesInOneDecision()
    {
        var member = Member(MembershipState.Active, Parse(OktaCreate));
        var put = Parse(OktaCreate.Replace("\"active\":true", "\"active\":false", StringComparison.Ordinal));

        var operation = _operations.Replace(member, "m1", put).Value;

        operation.Decision.Outcome.Should().Be(MembershipOutcome.Updated);
        operation.Decision.Next.State.Should().Be(MembershipState.Inactive);
        operation.Decision.Effects.Should().Be(MembershipEffects.ChangeState, "nothing but active changed");
        Json(operation.ToResponse(Users))["active"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void Replace_SameUserAgain_IsUnchangedAndKeepsTheVersion()
    {
        var member = Member(MembershipState.Active, Parse(OktaCreate));

        var operation = _operations.Replace(member, "m1", Parse(OktaCreate)).Value;

        operation.Decision.Outcome.Should().Be(MembershipOutcome.Unchanged);
        operation.RequiresCommit.Should().BeFalse();
        operation.ToResponse(Users).ETag.Should().Be("W/\"5\"");
    }

    [Fact]
    public void Replace_WithoutActive_KeepsTheInactiveState()
    {
        var member = Member(MembershipState.Inactive, Parse(OktaCreate));
        var put = Parse(OktaCreate.Replace(",\"active\":true", "", StringComparison.Ordinal).Replace("en-US", "fr-FR", StringComparison.Ordinal));

        var operation = _operations.Replace(member, "m1", put).Value;

        operation.Decision.Next.State.Should().Be(MembershipState.Inactive);
        operation.Decision.Outcome.Should().Be(MembershipOutcome.Updated);
    }

    [Fact]
    public void Replace_DifferentId_Is400MutabilityAndDecidesNothing()
    {
        var member = Member(MembershipState.Active, Parse(OktaCreate));
        var put = Parse(OktaCreate.Replace("\"schemas\":", "\"id\":\"other\",\"schemas\":", StringComparison.Ordinal));

        var result = _operations.Replace(member, "m1", put);

        result.IsSuccess.Should().BeFalse("a refusal is no decision, so nothing is committed");
        var response = result.Error!.ToResponse();
        response.StatusCode.Should().Be(400);
        Json(response)["scimType"]!.GetValue<string>().Should().Be("mutability");
    }

    [Fact]
    public void Replace_StaleIfMatch_Is412AndChangesNothing()
    {
        var member = Member(MembershipState.Active, Parse(OktaCreate));
        var put = Parse(OktaCreate.Replace("\"active\":true", "\"active\":false", StringComparison.Ordinal));

        var operation = _operations.Replace(member, "m1", put, ScimPrecondition.IfMatch("W/\"4\"")).Value;

        operation.RequiresCommit.Should().BeFalse();
        operation.ToResponse(Users).StatusCode.Should().Be(412);
    }

    [Fact]
    public void Replace_MatchingIfMatch_ProceedsExpectingThatVersion()
    {
        var member = Member(MembershipState.Active, Parse(OktaCreate));
        var put = Parse(OktaCreate.Replace("\"active\":true", "\"active\":false", StringComparison.Ordinal));

        var operation = _operations.Replace(member, "m1", put, ScimPrecondition.IfMatch("W/\"5\"")).Value;

        operation.Decision.Outcome.Should().Be(MembershipOutcome.Updated);
    }

    [Fact]
    public void Replace_Unknown_Is404()
    {
        _operations.Replace(null, "nope", Parse(OktaCreate)).Value.ToResponse(Users).StatusCode.Should().Be(404);
    }

    [Fact]
    public void Delete_ThenDeleteAgain_Is204Then404()
    {
        var member = Member(MembershipState.Inactive, Parse(OktaCreate));

        var first = _operations.Delete(member, "m1");
        var second = _operations.Delete(null, "m1");

        first.ToResponse(Users).StatusCode.Should().Be(204);
        first.ToResponse(Users).Body.Length.Should().Be(0);
        first.Decision.Effects.Should().Be(MembershipEffects.Delete);
        second.ToResponse(Users).StatusCode.Should().Be(404);
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"  "}""", "invalidValue", "userName")]
    [InlineData("""{"userName":"a@b.c"}""", "invalidSyntax", "schemas")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","emails":[{"value":""}]}""", "invalidValue", "emails")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","emails":[{"value":"x","primary":true},{"value":"y","primary":true}]}""", "invalidValue", "primary")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","externalId":""}""", "invalidValue", "externalId")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","emails":[null,{"value":"x"}]}""", "invalidValue", "emails")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","phoneNumbers":[null]}""", "invalidValue", "phoneNumbers")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","addresses":[null]}""", "invalidValue", "addresses")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","roles":[{"value":"r"},null]}""", "invalidValue", "roles")]
    public void ParseUser_InvalidUser_Is400WithAnActionableDetail(string json, string scimType, string mentions)
    {
        var result = ScimUserOperations.ParseUser(Encoding.UTF8.GetBytes(json));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Status.Should().Be(400);
        result.Error.ScimType.Should().Be(scimType);
        result.Error.Detail.Should().Contain(mentions);
    }

    [Fact]
    public void List_InactiveMembersAppearWithActiveFalse_AndEmptyPagesHaveResources()
    {
        var page = ScimPage.Of(1, 10);
        var members = new[] { Member(MembershipState.Active, Parse(OktaCreate)), Member(MembershipState.Inactive, Parse(OktaCreate), "m2") };

        var full = Json(ScimUserOperations.List(members, 2, page, Users));
        var empty = Json(ScimUserOperations.List([], 0, page, Users));

        full["totalResults"]!.GetValue<int>().Should().Be(2);
        full["Resources"]!.AsArray().Select(r => r!["active"]!.GetValue<bool>()).Should().Equal(true, false);
        empty["Resources"]!.AsArray().Should().BeEmpty();
        empty["totalResults"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public void Create_AttributesNoSchemaDeclares_AreLeftOutOfWhatIsStoredAndAnswered()
    {
        var user = ScimUserOperations.ParseUser(Model.ScimJsonComparison.ReadPayload("unknown-attributes.json")).Value;

        var result = _operations.Create(user, existing: null, newId: "a1");

        AssertOnlyDeclared(result);
    }

    [Fact]
    public void Replace_AttributesNoSchemaDeclares_AreLeftOutOfWhatIsStoredAndAnswered()
    {
        var member = Member(MembershipState.Active, Parse(OktaCreate));
        var user = ScimUserOperations.ParseUser(Model.ScimJsonComparison.ReadPayload("unknown-attributes.json")).Value;

        var result = _operations.Replace(member, "m1", user);

        AssertOnlyDeclared(result);
    }

    private static void AssertOnlyDeclared(ScimResult<ScimUserDecision> result)
    {
        result.Error.Should().BeNull();
        var operation = result.Value;
        var stored = operation.Attributes!;
        stored.AdditionalAttributes.Should().BeNull();
        stored.Name!.AdditionalAttributes.Should().BeNull();
        stored.Emails!.Single().AdditionalAttributes.Should().BeNull();
        stored.Addresses!.Single().AdditionalAttributes.Should().BeNull();
        stored.EnterpriseUser!.AdditionalAttributes.Should().BeNull();
        stored.EnterpriseUser.Manager!.AdditionalAttributes.Should().BeNull();

        // The declared attributes are all kept.
        stored.UserName.Should().Be("Åsa.Öberg@Example.com");
        stored.Name.GivenName.Should().Be("Åsa");
        stored.Emails!.Single().Value.Should().Be("asa@example.com");
        stored.Addresses!.Single().Locality.Should().Be("Malmö");
        stored.EnterpriseUser.EmployeeNumber.Should().Be("701984");
        stored.EnterpriseUser.Manager.DisplayName.Should().Be("John Smith");

        var answered = JsonNode.Parse(operation.ToResponse(Users).Body.Span)!.AsObject();
        answered["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal(ScimSchemaUris.User, ScimSchemaUris.EnterpriseUser);
        answered.ContainsKey("favouriteColour").Should().BeFalse();
        answered.ContainsKey("urn:example:params:scim:schemas:extension:acme:2.0:User").Should().BeFalse();
    }

    private static ScimUser Parse(string json) =>
        ScimUserOperations.ParseUser(Encoding.UTF8.GetBytes(json)).Value;

    private ScimMember Member(MembershipState state, ScimUser user, string id = "m1")
    {
        var at = _clock.GetUtcNow().AddDays(-1);
        var snapshot = state == MembershipState.Active
            ? MembershipSnapshot.Active(id, 5, at, at)
            : MembershipSnapshot.Inactive(id, 5, at, at, at);
        return new ScimMember(snapshot, user.ToHostAttributes());
    }

    private static JsonObject Json(ScimResponse response) => JsonNode.Parse(response.Body.Span)!.AsObject();
}
