using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Patch;

/// <summary>Every PATCH shape Okta and Microsoft Entra ID document, applied to a stored user, with the decision and response each must give.</summary>
public sealed class ScimPatchFixtureTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static readonly Uri Users = new("https://app.example.com/scim/v2/organizations/acme/Users");
    private static readonly DateTimeOffset Then = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ScimUserOperations _operations = new(new MembershipLifecycle());

    public static TheoryData<string, MembershipState, MembershipOutcome, MembershipState, MembershipEffects> ActiveFixtures() => new()
    {
        { "okta-patch-deactivate.json", MembershipState.Active, MembershipOutcome.Updated, MembershipState.Inactive, MembershipEffects.ChangeState },
        { "okta-patch-deactivate.json", MembershipState.Inactive, MembershipOutcome.Unchanged, MembershipState.Inactive, MembershipEffects.None },
        { "okta-patch-reactivate.json", MembershipState.Inactive, MembershipOutcome.Updated, MembershipState.Active, MembershipEffects.ChangeState },
        { "okta-patch-reactivate.json", MembershipState.Active, MembershipOutcome.Unchanged, MembershipState.Active, MembershipEffects.None },
        { "entra-patch-disable.json", MembershipState.Active, MembershipOutcome.Updated, MembershipState.Inactive, MembershipEffects.ChangeState },
        { "entra-patch-enable.json", MembershipState.Inactive, MembershipOutcome.Updated, MembershipState.Active, MembershipEffects.ChangeState },
        { "entra-flag-patch-disable.json", MembershipState.Active, MembershipOutcome.Updated, MembershipState.Inactive, MembershipEffects.ChangeState },
        { "entra-flag-patch-enable.json", MembershipState.Inactive, MembershipOutcome.Updated, MembershipState.Active, MembershipEffects.ChangeState },
        { "entra-flag-patch-pathless.json", MembershipState.Active, MembershipOutcome.Updated, MembershipState.Inactive, MembershipEffects.ChangeState | MembershipEffects.WriteAttributes },
    };

    [Theory]
    [MemberData(nameof(ActiveFixtures))]
    public void Patch_ProviderActiveFixture_DecidesTheLifecycleCommand(
        string fixture, MembershipState from, MembershipOutcome outcome, MembershipState to, MembershipEffects effects)
    {
        var operation = Apply(fixture, Member(from));

        operation.Decision.Outcome.Should().Be(outcome);
        operation.Decision.Next.State.Should().Be(to);
        operation.Decision.Effects.Should().Be(effects);
        operation.Decision.Next.Id.Should().Be("m1");
        var response = operation.ToResponse(Users);
        response.StatusCode.Should().Be(200, "a PATCH answered 200 carries the full resource");
        var body = Json(response);
        body["active"]!.GetValue<bool>().Should().Be(to == MembershipState.Active);
        body["userName"]!.GetValue<string>().Should().Be("Ryan@Contoso.com");
        body["meta"]!["version"]!.GetValue<string>().Should().Be(response.ETag);
    }

    [Fact]
    public void Patch_EntraPathlessWithDottedKeys_ChangesNameAndDisplayNameInTheSameDecision()
    {
        var operation = Apply("entra-flag-patch-pathless.json", Member(MembershipState.Active));

        operation.Attributes!.Name!.GivenName.Should().Be("Ryan");
        operation.Attributes.Name.FamilyName.Should().Be("Leenay", "sub-attributes not sent are kept");
        operation.Attributes.DisplayName.Should().Be("Ryan L");
        operation.Decision.Next.Version.Should().Be(6, "one decision, one version step");
    }

    [Fact]
    public void Patch_EntraReplaceAttributesVerbose_AppliesEveryOperation()
    {
        var operation = Apply("entra-patch-replace-attributes.json", Member(MembershipState.Active));

        operation.Decision.Outcome.Should().Be(MembershipOutcome.Updated);
        operation.Decision.Effects.Should().Be(MembershipEffects.WriteAttributes);
        operation.Decision.Next.State.Should().Be(MembershipState.Active, "no operation touched active");
        var user = operation.Attributes!;
        user.DisplayName.Should().Be("Ryan Leenay");
        user.Name!.GivenName.Should().Be("Ryan");
        user.Name.FamilyName.Should().Be("Leenay");
        user.Emails!.Should().ContainSingle(e => e.Type == "work").Which.Value.Should().Be("Ryan@contoso.com");
        user.Emails.Should().Contain(e => e.Type == "home" && e.Value == "ryan@home.example", "other e-mails stay");
        user.EnterpriseUser!.EmployeeNumber.Should().Be("701984");
        user.EnterpriseUser.Department.Should().Be("Tour Operations");
    }

    [Fact]
    public void Patch_WorkEmailFilterWithoutAWorkEmail_AddsTheValueTheFilterDescribes()
    {
        var member = Member(MembershipState.Active, """[{"type":"home","value":"ryan@home.example"}]""");

        var operation = Apply("entra-patch-replace-attributes.json", member);

        operation.Attributes!.Emails.Should().Contain(e => e.Type == "work" && e.Value == "Ryan@contoso.com");
    }

    [Theory]
    [InlineData("entra-patch-manager-string.json")]
    [InlineData("entra-patch-manager-object.json")]
    public void Patch_EntraManagerAsStringOrObject_SetsTheManager(string fixture)
    {
        var operation = Apply(fixture, Member(MembershipState.Active));

        operation.Attributes!.EnterpriseUser!.Manager!.Value.Should().Be("2819c223-7f76-453a-919d-413861904646");
        Json(operation.ToResponse(Users))[Enterprise]!["manager"]!["value"]!.GetValue<string>()
            .Should().Be("2819c223-7f76-453a-919d-413861904646");
    }

    [Fact]
    public void Patch_EntraManagerAsEmptyString_RemovesTheManager()
    {
        var withManager = Apply("entra-patch-manager-string.json", Member(MembershipState.Active));
        var member = new ScimMember(withManager.Decision.Next, withManager.Attributes!);

        var operation = Apply("entra-patch-manager-empty.json", member);

        operation.Decision.Outcome.Should().Be(MembershipOutcome.Updated);
        operation.Attributes!.EnterpriseUser?.Manager.Should().BeNull();
    }

    [Fact]
    public void Patch_UnknownId_Is404()
    {
        var patch = ScimUserOperations.ParsePatch(Payload("okta-patch-deactivate.json")).Value;

        _operations.Patch(null, "nope", patch).Value.ToResponse(Users).StatusCode.Should().Be(404);
    }

    [Fact]
    public void Patch_StaleIfMatch_Is412AndChangesNothing()
    {
        var patch = ScimUserOperations.ParsePatch(Payload("okta-patch-deactivate.json")).Value;

        var operation = _operations.Patch(Member(MembershipState.Active), "m1", patch, ScimPrecondition.IfMatch("W/\"4\"")).Value;

        operation.RequiresCommit.Should().BeFalse();
        operation.ToResponse(Users).StatusCode.Should().Be(412);
    }

    internal static ScimMember Member(MembershipState state, string emails = """[{"type":"work","value":"ryan@old.example","primary":true},{"type":"home","value":"ryan@home.example"}]""")
    {
        var user = ScimJson.ParseUser($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Ryan@Contoso.com",
             "name":{"givenName":"R","familyName":"Leenay"},"displayName":"R L","emails":{{{emails}}},
             "{{{Enterprise}}}":{"department":"Sales"}}
            """).Value.ToHostAttributes();
        var snapshot = state == MembershipState.Active
            ? MembershipSnapshot.Active("m1", 5, Then, Then)
            : MembershipSnapshot.Inactive("m1", 5, Then, Then, Then);
        return new ScimMember(snapshot, user);
    }

    internal static byte[] Payload(string file) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", file));

    /// <summary>Patches <paramref name="member"/> with a fixture, which every provider sends as valid: it is decided, never refused.</summary>
    private ScimUserDecision Apply(string fixture, ScimMember member)
    {
        var parsed = ScimUserOperations.ParsePatch(Payload(fixture));
        parsed.Error.Should().BeNull();
        var decided = _operations.Patch(member, member.Id, parsed.Value);
        decided.Error.Should().BeNull();
        return decided.Value;
    }

    private static JsonObject Json(ScimResponse response) => JsonNode.Parse(response.Body.Span)!.AsObject();
}
