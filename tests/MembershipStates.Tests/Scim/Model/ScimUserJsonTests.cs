using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using Xunit;
using static MembershipStates.Tests.Scim.Model.ScimJsonComparison;

namespace MembershipStates.Tests.Scim.Model;

public sealed class ScimUserJsonTests
{
    [Theory]
    [InlineData("okta-create-user.json")]
    [InlineData("okta-replace-user.json")]
    [InlineData("okta-spec-test-create-user.json")]
    [InlineData("entra-create-user.json")]
    [InlineData("entra-create-user-enterprise.json")]
    [InlineData("unknown-attributes.json")]
    public void ParseUser_RecordedPayload_WritesBackEverythingButThePassword(string payload)
    {
        var sent = ReadPayload(payload);

        var result = ScimJson.ParseUser(sent);

        result.IsSuccess.Should().BeTrue(result.Error?.Detail);
        var written = Parse(ScimJson.ToUtf8Bytes(result.Value));
        var expected = Without(Parse(sent), "password");
        SameScimJson(expected, written).Should().BeTrue(
            "the round trip must keep every attribute; expected {0} but wrote {1}", expected.ToJsonString(), written.ToJsonString());
    }

    [Theory]
    [InlineData("okta-create-user.json")]
    [InlineData("okta-replace-user.json")]
    [InlineData("entra-create-user-enterprise.json")]
    public void ParseUser_RecordedPayload_WritesAgainTheSameBytes(string payload)
    {
        var first = ScimJson.ToUtf8Bytes(ScimJson.ParseUser(ReadPayload(payload)).Value);

        var second = ScimJson.ToUtf8Bytes(ScimJson.ParseUser(first).Value);

        Encoding.UTF8.GetString(second).Should().Be(Encoding.UTF8.GetString(first));
    }

    [Fact]
    public void ParseUser_OktaCreate_ReadsEveryAttributeAndDropsThePassword()
    {
        var user = ScimJson.ParseUser(ReadPayload("okta-create-user.json")).Value;

        user.UserName.Should().Be("test.user@okta.local");
        user.ExternalId.Should().Be("00ujl29u0le5T6Aj10h7");
        user.Name!.GivenName.Should().Be("Test");
        user.Name.FamilyName.Should().Be("User");
        user.DisplayName.Should().Be("Test User");
        user.Locale.Should().Be("en-US");
        user.Active.Should().BeTrue();
        user.IsActiveSpecified.Should().BeTrue();
        user.Groups.Should().NotBeNull().And.BeEmpty();
        user.Emails.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Value = "test.user@okta.local", Type = "work", Primary = (bool?)true });
        user.AdditionalAttributes.Should().BeNull("password is the only attribute the model does not know, and it is dropped");
        Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(user)).Should().NotContainEquivalentOf("password").And.NotContain("1mz050nq");
    }

    [Fact]
    public void ParseUser_OktaReplace_ReadsIdMetaAndEmptyMiddleName()
    {
        var user = ScimJson.ParseUser(ReadPayload("okta-replace-user.json")).Value;

        user.Id.Should().Be("23a35c27-23d3-4c03-b4c5-6443c09e7173");
        user.Meta!.ResourceType.Should().Be("User");
        user.Meta.Created.Should().Be(new DateTimeOffset(2019, 10, 21, 20, 43, 57, TimeSpan.Zero));
        user.Name!.MiddleName.Should().BeEmpty();
        user.Emails![0].Display.Should().Be("test.user@okta.local");
    }

    [Fact]
    public void ParseUser_EntraPascalCaseWithEnterpriseExtension_ReadsNamesInAnyCase()
    {
        var user = ScimJson.ParseUser(ReadPayload("entra-create-user-enterprise.json")).Value;

        user.UserName.Should().Be("UserName123");
        user.Active.Should().BeTrue();
        user.DisplayName.Should().Be("BobIsAmazing");
        user.Emails!.Select(email => email.Primary).Should().Equal(true, false);
        user.EnterpriseUser!.Department.Should().Be("bob");
        user.EnterpriseUser.Manager!.Value.Should().Be("SuzzyQ");
        user.AdditionalAttributes.Should().BeNull();
    }

    [Fact]
    public void ToUtf8Bytes_EntraPascalCase_WritesTheNamesRfc7643Spells()
    {
        var user = ScimJson.ParseUser(ReadPayload("entra-create-user-enterprise.json")).Value;

        var written = Parse(ScimJson.ToUtf8Bytes(user)).AsObject();

        written.Select(pair => pair.Key).Should().Contain(["userName", "active", "displayName", ScimSchemaUris.EnterpriseUser])
            .And.NotContain(["UserName", "Active", "DisplayName"]);
        written["emails"]![0]!.AsObject().Select(pair => pair.Key).Should().Contain("primary").And.NotContain("Primary");
        written[ScimSchemaUris.EnterpriseUser]!["manager"]!["value"]!.GetValue<string>().Should().Be("SuzzyQ");
    }

    [Fact]
    public void ParseUser_UnknownAttributes_KeepsThemAtEveryLevel()
    {
        var user = ScimJson.ParseUser(ReadPayload("unknown-attributes.json")).Value;

        user.AdditionalAttributes.Should().ContainKeys("favouriteColour", "badgeNumbers", "urn:example:params:scim:schemas:extension:acme:2.0:User");
        user.Name!.AdditionalAttributes.Should().ContainKey("phonetic");
        user.Emails![0].AdditionalAttributes!["verified"].GetBoolean().Should().BeTrue();
        user.Addresses![0].AdditionalAttributes!["floor"].GetInt32().Should().Be(3);
        user.EnterpriseUser!.AdditionalAttributes.Should().ContainKey("buildingCode");
        user.EnterpriseUser.Manager!.AdditionalAttributes.Should().ContainKey("reportsSince");
        user.UserName.Should().Be("Åsa.Öberg@Example.com");
    }

    [Fact]
    public void ToUtf8Bytes_NonAsciiAndPlus_WritesThemUnescaped()
    {
        var user = new ScimUser { UserName = "Åsa+test@Example.com", DisplayName = "Zoë 山田" };

        var text = Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(user));

        text.Should().Contain("\"userName\":\"Åsa+test@Example.com\"").And.Contain("Zoë 山田");
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void ToUtf8Bytes_Active_IsAlwaysWritten(bool active, string expected)
    {
        var text = Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(new ScimUser { UserName = "u", Active = active }));

        text.Should().Contain($"\"active\":{expected}");
    }

    [Fact]
    public void ToUtf8Bytes_NewUser_WritesActiveAndOmitsNullMembers()
    {
        var text = Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(new ScimUser()));

        text.Should().Be("{\"active\":true}");
    }

    [Theory]
    [InlineData("{\"userName\":\"u\",\"active\":false}", false)]
    [InlineData("{\"userName\":\"u\",\"active\":\"False\"}", false)]
    [InlineData("{\"userName\":\"u\",\"active\":\"True\"}", true)]
    [InlineData("{\"userName\":\"u\",\"active\":\"false\"}", false)]
    [InlineData("{\"userName\":\"u\",\"ACTIVE\":false}", false)]
    public void ParseUser_ActiveAsBooleanOrString_ReadsIt(string json, bool expected)
    {
        var user = ScimJson.ParseUser(json).Value;

        user.Active.Should().Be(expected);
        user.IsActiveSpecified.Should().BeTrue();
        Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(user)).Should().Contain($"\"active\":{(expected ? "true" : "false")}");
    }

    [Fact]
    public void ParseUser_NoActive_ReadsTrueButNotSpecified()
    {
        var user = ScimJson.ParseUser("{\"userName\":\"u\"}").Value;

        user.Active.Should().BeTrue();
        user.IsActiveSpecified.Should().BeFalse();
    }

    [Theory]
    [InlineData("\"password\"")]
    [InlineData("\"Password\"")]
    [InlineData("\"PASSWORD\"")]
    public void ParseUser_PasswordInAnyCase_IsNeverKept(string name)
    {
        var user = ScimJson.ParseUser($"{{\"userName\":\"u\",{name}:\"s3cr3t\",\"other\":1}}").Value;

        user.AdditionalAttributes.Should().ContainSingle().Which.Key.Should().Be("other");
        Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(user)).Should().NotContain("s3cr3t");
    }

    [Theory]
    [InlineData("\"26118915\"", "26118915")]
    [InlineData("{\"value\":\"26118915\"}", "26118915")]
    [InlineData("{\"Value\":\"26118915\",\"displayName\":\"John\"}", "26118915")]
    public void ParseUser_ManagerAsStringOrObject_ReadsTheId(string manager, string expected)
    {
        var user = ScimJson.ParseUser($"{{\"{ScimSchemaUris.EnterpriseUser}\":{{\"manager\":{manager}}}}}").Value;

        user.EnterpriseUser!.Manager!.Value.Should().Be(expected);
        Parse(ScimJson.ToUtf8Bytes(user))[ScimSchemaUris.EnterpriseUser]!["manager"]!["value"]!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void ParseUser_ManagerEmptyOrNull_ReadsNoManager(string manager)
    {
        var user = ScimJson.ParseUser($"{{\"{ScimSchemaUris.EnterpriseUser}\":{{\"manager\":{manager}}}}}").Value;

        user.EnterpriseUser!.Manager.Should().BeNull();
    }

    [Fact]
    public void ParseUser_MixedCaseUserName_KeepsTheCase()
    {
        var user = ScimJson.ParseUser(ReadPayload("okta-spec-test-create-user.json")).Value;

        user.UserName.Should().Be("Runscope300Hfluaklab151@atko.com");
        Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(user)).Should().Contain("\"userName\":\"Runscope300Hfluaklab151@atko.com\"");
    }

    [Fact]
    public void ParseUser_Utf8ByteOrderMark_IsSkipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"userName\":\"u\"}"u8];

        ScimJson.ParseUser(body).Value.UserName.Should().Be("u");
    }

    [Fact]
    public void ParseUser_UnparseableMetaTimestamp_ReadsNoTimestamp()
    {
        var user = ScimJson.ParseUser("{\"userName\":\"u\",\"meta\":{\"created\":\"yesterday\",\"lastModified\":5}}").Value;

        user.Meta!.Created.Should().BeNull();
        user.Meta.LastModified.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"userName\":\"u\",}")]
    [InlineData("{\"userName\":\"u\"} {}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"user\"")]
    [InlineData("{\"userName\":\"u\" /* comment */}")]
    public void ParseUser_NotOneJsonObject_IsInvalidSyntax(string body)
    {
        var result = ScimJson.ParseUser(body);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Status.Should().Be(400);
        result.Error.ScimType.Should().Be(ScimErrorTypes.InvalidSyntax);
        result.Error.Detail.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("{\"userName\":5}", "$.userName")]
    [InlineData("{\"userName\":\"u\",\"active\":\"maybe\"}", "$.active")]
    [InlineData("{\"userName\":\"u\",\"emails\":{\"value\":\"x\"}}", "$.emails")]
    [InlineData("{\"userName\":\"u\",\"name\":\"Ann\"}", "$.name")]
    [InlineData("{\"userName\":\"u\",\"emails\":[{\"primary\":1}]}", "$.emails[0].primary")]
    public void ParseUser_ValueOfTheWrongType_IsInvalidValueNamingThePath(string body, string path)
    {
        var result = ScimJson.ParseUser(body);

        result.IsSuccess.Should().BeFalse();
        result.Error!.Status.Should().Be(400);
        result.Error.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        result.Error.Detail.Should().Contain(path);
    }

    [Fact]
    public void Value_OfAFailedResult_Throws()
    {
        var result = ScimJson.ParseUser("{");

        var act = () => result.Value;

        act.Should().Throw<InvalidOperationException>().WithMessage("*invalidSyntax*");
        result.TryGetValue(out var user).Should().BeFalse();
        user.Should().BeNull();
    }

    [Fact]
    public void ToJsonObject_ThenFromJsonObject_KeepsTheUser()
    {
        var user = ScimJson.ParseUser(ReadPayload("unknown-attributes.json")).Value;

        var node = ScimJson.ToJsonObject(user);
        var back = ScimJson.FromJsonObject(node);

        back.IsSuccess.Should().BeTrue();
        SameScimJson(Parse(ScimJson.ToUtf8Bytes(user)), Parse(ScimJson.ToUtf8Bytes(back.Value))).Should().BeTrue();
    }

    [Fact]
    public void FromJsonObject_ValueOfTheWrongType_IsInvalidValue()
    {
        var node = new JsonObject { ["userName"] = new JsonArray(1, 2) };

        var result = ScimJson.FromJsonObject(node);

        result.Error!.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        result.Error.Detail.Should().Contain("$.userName");
    }

    [Fact]
    public void FromJsonObject_Password_IsDropped()
    {
        var node = new JsonObject { ["userName"] = "u", ["password"] = "x" };

        ScimJson.FromJsonObject(node).Value.AdditionalAttributes.Should().BeNullOrEmpty();
    }

    [Fact]
    public void ParseUser_EmptyLists_AreWrittenAsEmptyArrays()
    {
        var user = ScimJson.ParseUser("{\"userName\":\"u\",\"groups\":[],\"roles\":[]}").Value;

        var written = Parse(ScimJson.ToUtf8Bytes(user));

        written["groups"]!.AsArray().Should().BeEmpty();
        written["roles"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void ParseUser_UnknownValues_AreWrittenAsSent()
    {
        var user = ScimJson.ParseUser("{\"userName\":\"u\",\"x\":{\"deep\":[1,2.50,\"a\",null,true]}}").Value;

        Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(user)).Should().Contain("\"x\":{\"deep\":[1,2.50,\"a\",null,true]}");
        user.AdditionalAttributes!["x"].ValueKind.Should().Be(JsonValueKind.Object);
    }
}
