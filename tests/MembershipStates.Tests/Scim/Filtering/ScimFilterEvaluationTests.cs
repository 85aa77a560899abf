using System.Text.Json.Nodes;
using FluentAssertions;
using MembershipStates.Scim;
using MembershipStates.Scim.Filtering;
using Xunit;

namespace MembershipStates.Tests.Scim.Filtering;

public sealed class ScimFilterEvaluationTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string Acme = "urn:example:params:scim:schemas:extension:acme:2.0:User";

    private const string Barbara = """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "2819c223-7f76-453a-919d-413861904646",
          "externalId": "E-Bjensen",
          "userName": "Bjensen@Example.com",
          "name": { "familyName": "Jensen", "givenName": "Barbara", "formatted": "Ms. Barbara J Jensen III" },
          "displayName": "Babs Jensen",
          "title": "",
          "userType": "Employee",
          "active": true,
          "emails": [
            { "value": "bjensen@example.com", "type": "work", "primary": true },
            { "value": "babs@jensen.org", "type": "home" }
          ],
          "phoneNumbers": [],
          "meta": {
            "resourceType": "User",
            "created": "2010-01-23T04:56:22Z",
            "lastModified": "2011-05-13T04:42:34Z",
            "version": "W/\"3694e05e9dff591\""
          },
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "employeeNumber": "701984",
            "costCenter": "4130",
            "manager": { "value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith" }
          },
          "urn:example:params:scim:schemas:extension:acme:2.0:User": {
            "loginCount": 42,
            "vip": false,
            "tags": ["Blue", "green"]
          }
        }
        """;

    [Theory]
    [InlineData("userName eq \"bjensen@example.com\"", true)]
    [InlineData("userName eq \"BJENSEN@EXAMPLE.COM\"", true)]
    [InlineData("userName eq \"bjensen\"", false)]
    [InlineData("userName ne \"bjensen@example.com\"", false)]
    [InlineData("userName ne \"someone@example.com\"", true)]
    [InlineData("userName co \"JENSEN@\"", true)]
    [InlineData("userName co \"jansen\"", false)]
    [InlineData("userName co \"\"", true)]
    [InlineData("userName sw \"bj\"", true)]
    [InlineData("userName sw \"example\"", false)]
    [InlineData("userName ew \".COM\"", true)]
    [InlineData("userName ew \"bjensen\"", false)]
    [InlineData("userName gt \"a\"", true)]
    [InlineData("userName gt \"bjensen@example.com\"", false)]
    [InlineData("userName ge \"BJENSEN@example.com\"", true)]
    [InlineData("userName lt \"c\"", true)]
    [InlineData("userName lt \"bjensen@example.com\"", false)]
    [InlineData("userName le \"bjensen@example.com\"", true)]
    public void Evaluate_EachOperatorOnCaseInsensitiveString_FoldsCase(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData("id eq \"2819c223-7f76-453a-919d-413861904646\"", true)]
    [InlineData("id eq \"2819C223-7F76-453A-919D-413861904646\"", false)]
    [InlineData("externalId eq \"E-Bjensen\"", true)]
    [InlineData("externalId eq \"e-bjensen\"", false)]
    [InlineData("externalId co \"Bjensen\"", true)]
    [InlineData("externalId co \"bjensen\"", false)]
    [InlineData("externalId sw \"e-\"", false)]
    [InlineData("externalId gt \"E\"", true)]
    [InlineData("externalId gt \"e\"", false)]
    [InlineData("meta.version eq \"W/\\\"3694e05e9dff591\\\"\"", true)]
    [InlineData("meta.resourceType eq \"user\"", false)]
    public void Evaluate_CaseExactAttributes_CompareCase(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData("name.givenName eq \"barbara\"", true)]
    [InlineData("NAME.GIVENNAME eq \"Barbara\"", true)]
    [InlineData("name.familyName co \"ENS\"", true)]
    [InlineData("displayName sw \"babs\"", true)]
    [InlineData("userType eq \"employee\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"B\"", true)]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME sw \"b\"", true)]
    public void Evaluate_AttributeNamesAndCoreUrn_IgnoreCase(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData("emails.value eq \"BABS@jensen.org\"", true)]
    [InlineData("emails co \"jensen.org\"", true)]
    [InlineData("emails eq \"bjensen@example.com\"", true)]
    [InlineData("emails.type eq \"home\"", true)]
    [InlineData("emails.type ne \"home\"", true)]
    [InlineData("emails.type eq \"other\"", false)]
    [InlineData("emails.primary eq true", true)]
    [InlineData("emails.primary eq false", false)]
    [InlineData("emails[type eq \"work\"].value eq \"bjensen@example.com\"", true)]
    [InlineData("emails[type eq \"home\"].value eq \"bjensen@example.com\"", false)]
    [InlineData("emails[type eq \"work\" and primary eq true]", true)]
    [InlineData("emails[type eq \"home\" and primary eq true]", false)]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"]", true)]
    [InlineData("emails[not (type eq \"work\")]", true)]
    [InlineData("emails[type eq \"other\"]", false)]
    [InlineData("emails[type eq \"home\"].primary pr", false)]
    [InlineData("emails[type eq \"work\"].primary pr", true)]
    [InlineData("phoneNumbers[type eq \"work\"]", false)]
    [InlineData("urn:example:params:scim:schemas:extension:acme:2.0:User:tags eq \"blue\"", true)]
    [InlineData("urn:example:params:scim:schemas:extension:acme:2.0:User:tags eq \"red\"", false)]
    public void Evaluate_MultiValuedAttributes_MatchWhenAnyValueMatches(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData("title pr", false)]
    [InlineData("nickName pr", false)]
    [InlineData("phoneNumbers pr", false)]
    [InlineData("emails pr", true)]
    [InlineData("name pr", true)]
    [InlineData("active pr", true)]
    [InlineData("userName pr", true)]
    [InlineData("meta.lastModified pr", true)]
    [InlineData("urn:example:params:scim:schemas:extension:acme:2.0:User:vip pr", true)]
    [InlineData("title eq null", true)]
    [InlineData("nickName eq null", true)]
    [InlineData("userName eq null", false)]
    [InlineData("userName ne null", true)]
    [InlineData("title ne null", false)]
    [InlineData("foo pr", false)]
    [InlineData("not (foo pr)", true)]
    [InlineData("foo eq \"x\"", false)]
    [InlineData("foo ne \"x\"", false)]
    public void Evaluate_Present_NeedsNonEmptyValue(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData("{\"a\":null}", false)]
    [InlineData("{\"a\":\"\"}", false)]
    [InlineData("{\"a\":[]}", false)]
    [InlineData("{\"a\":[null,\"\"]}", false)]
    [InlineData("{\"a\":{}}", false)]
    [InlineData("{\"a\":{\"b\":null}}", false)]
    [InlineData("{\"a\":{\"b\":\"x\"}}", true)]
    [InlineData("{\"a\":[\"\",\"x\"]}", true)]
    [InlineData("{\"a\":0}", true)]
    [InlineData("{\"a\":false}", true)]
    [InlineData("{\"A\":\" \"}", true)]
    public void Evaluate_PresentOnShapesOfValues_FollowsRfc7643EmptyValues(string json, bool expected)
    {
        Evaluate("a pr", json).Should().Be(expected);
    }

    [Theory]
    [InlineData("active eq true", true)]
    [InlineData("active eq false", false)]
    [InlineData("active ne true", false)]
    [InlineData("active ne false", true)]
    [InlineData("urn:example:params:scim:schemas:extension:acme:2.0:User:vip eq false", true)]
    public void Evaluate_Booleans_CompareWithEqAndNe(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:33Z\"", true)]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"", false)]
    [InlineData("meta.lastModified ge \"2011-05-13T04:42:34Z\"", true)]
    [InlineData("meta.lastModified lt \"2011-05-13T04:42:34Z\"", false)]
    [InlineData("meta.lastModified le \"2011-05-13T04:42:34Z\"", true)]
    [InlineData("meta.lastModified eq \"2011-05-13T06:42:34+02:00\"", true)]
    [InlineData("meta.lastModified eq \"2011-05-13T04:42:34.000Z\"", true)]
    [InlineData("meta.lastModified ne \"2011-05-13T04:42:34Z\"", false)]
    [InlineData("meta.lastModified lt \"2011-05-13T00:42:35-04:00\"", true)]
    [InlineData("meta.created ge \"2010-01-23T04:56:22\"", true)]
    public void Evaluate_DateTimes_CompareAsInstants(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData(Acme + ":loginCount eq 42", true)]
    [InlineData(Acme + ":loginCount eq 42.0", true)]
    [InlineData(Acme + ":loginCount ne 42", false)]
    [InlineData(Acme + ":loginCount gt 41.5", true)]
    [InlineData(Acme + ":loginCount ge 42", true)]
    [InlineData(Acme + ":loginCount lt 42", false)]
    [InlineData(Acme + ":loginCount le 4.2e1", true)]
    [InlineData(Acme + ":loginCount eq \"42\"", false)]
    public void Evaluate_Numbers_CompareByValue(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData(Enterprise + ":employeeNumber eq \"701984\"", true)]
    [InlineData(Enterprise + ":manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true)]
    [InlineData(Enterprise + ":manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true)]
    [InlineData(Enterprise + ":manager.displayName sw \"john\"", true)]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:costcenter eq \"4130\"", true)]
    [InlineData(Enterprise + ":department pr", false)]
    [InlineData("employeeNumber eq \"701984\"", false)]
    [InlineData("urn:example:unknown:1.0:employeeNumber eq \"701984\"", false)]
    public void Evaluate_EnterpriseExtension_LivesUnderItsUrn(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData("not (userName eq \"x\")", true)]
    [InlineData("userName eq \"x\" or active eq true", true)]
    [InlineData("userName eq \"x\" and active eq true", false)]
    [InlineData("userName eq \"x\" and active eq true or title eq null", true)]
    [InlineData("userName eq \"x\" and (active eq true or title eq null)", false)]
    [InlineData("active eq true or userName eq \"x\" and title pr", true)]
    [InlineData("(active eq true or userName eq \"x\") and title pr", false)]
    [InlineData("not (active eq true) or not (title pr)", true)]
    [InlineData("not (active eq true or title eq null)", false)]
    [InlineData("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", true)]
    [InlineData("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")", true)]
    [InlineData("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")", false)]
    public void Evaluate_LogicalOperators_FollowPrecedence(string filter, bool expected)
    {
        Evaluate(filter, Barbara).Should().Be(expected);
    }

    [Theory]
    [InlineData("userName eq \"Runscope300Hfluaklab151@atko.com\"", true)]
    [InlineData("userName eq \"RUNSCOPE300HFLUAKLAB151@ATKO.COM\"", true)]
    [InlineData("userName eq \"runscope300hfluaklab151@atko.com\"", true)]
    [InlineData("userName eq \"abcdefgh@atko.com\"", false)]
    [InlineData("externalId eq \"00u1ab2cd3EF4gh5i6j7\"", true)]
    [InlineData("externalId eq \"00U1AB2CD3EF4GH5I6J7\"", false)]
    public void Evaluate_OktaFilters_FindUsersWhateverTheCaseOfUserName(string filter, bool expected)
    {
        const string user = """
            {"id":"a1","externalId":"00u1ab2cd3EF4gh5i6j7","userName":"Runscope300Hfluaklab151@atko.com","active":false,
             "name":{"givenName":"Runscope","familyName":"Test"},"emails":[{"primary":true,"value":"Runscope300Hfluaklab151@atko.com","type":"work"}]}
            """;

        Evaluate(filter, user).Should().Be(expected);
    }

    [Theory]
    [InlineData("emails[type eq \"work\"].value eq \"user@contoso.com\"", true)]
    [InlineData("emails[type eq \"work\"].value eq \"USER@CONTOSO.COM\"", true)]
    [InlineData("userName eq \"user@contoso.com\"", true)]
    [InlineData("emails[type eq \"home\"].value eq \"user@contoso.com\"", false)]
    [InlineData("externalId eq \"9d1c3f5e-0b7a-4e2f-8c6d-1a2b3c4d5e6f\"", false)]
    [InlineData("userName eq \"9d1c3f5e-0b7a-4e2f-8c6d-1a2b3c4d5e6f\"", false)]
    public void Evaluate_EntraFilters_MatchWorkEmailAndAnswerEmptyForRandomGuids(string filter, bool expected)
    {
        const string user = """
            {"id":"b2","externalId":"ryan","userName":"User@contoso.com","active":true,
             "emails":[{"type":"work","value":"user@contoso.com","primary":true},{"type":"home","value":"ryan@home.example"}]}
            """;

        Evaluate(filter, user).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_InactiveUser_IsStillFoundByUserName()
    {
        Evaluate("userName eq \"bob\"", """{"userName":"Bob","active":false}""").Should().BeTrue();
    }

    [Theory]
    [InlineData("userName eq \"bjensen@example.com\"")]
    [InlineData("emails[type eq \"work\"].value eq \"bjensen@example.com\"")]
    public void Evaluate_JsonWithUpperCaseNames_MatchesIgnoringCase(string filter)
    {
        Evaluate(filter, """{"USERNAME":"bjensen@example.com","Emails":[{"TYPE":"work","Value":"bjensen@example.com"}]}""").Should().BeTrue();
    }

    [Fact]
    public void Evaluate_ValuesBuiltInCode_AreReadLikeParsedJson()
    {
        var user = new JsonObject
        {
            ["userName"] = "Bjensen",
            ["active"] = true,
            ["meta"] = new JsonObject { ["lastModified"] = new DateTimeOffset(2011, 5, 13, 4, 42, 34, TimeSpan.Zero) },
            ["urn:example:params:scim:schemas:extension:acme:2.0:User"] = new JsonObject { ["loginCount"] = 42L, ["ratio"] = 0.5 },
        };

        EvaluateJson("userName eq \"bjensen\" and active eq true", user).Should().BeTrue();
        EvaluateJson("meta.lastModified eq \"2011-05-13T04:42:34Z\"", user).Should().BeTrue();
        EvaluateJson(Acme + ":loginCount gt 41", user).Should().BeTrue();
        EvaluateJson(Acme + ":ratio lt 1", user).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_OrderingAnUnknownAttributeHoldingABoolean_IsInvalidFilter()
    {
        var filter = ScimFilter.Parse(Acme + ":vip gt \"a\"").Value;

        var error = filter.Evaluate(Json(Barbara)).ShouldFail();

        error.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        error.Detail.Should().Contain("holds a Boolean");
        error.Detail.Should().NotContain("at position");
    }

    [Fact]
    public void Evaluate_TreeThatSkippedParsing_StillRejectsOrderingOnBooleans()
    {
        var filter = new ScimFilter(new ComparisonNode(new AttributePath(null, "active", null, null), ComparisonOperator.GreaterThan, FilterValue.True));

        var error = filter.Evaluate(Json(Barbara)).ShouldFail();

        error.Detail.Should().Contain("cannot be ordered");
    }

    [Theory]
    [InlineData("value ew \"@CONTOSO.COM\"", "{\"value\":\"a@contoso.com\"}", true)]
    [InlineData("type eq \"work\" and primary eq true", "{\"type\":\"WORK\",\"primary\":true}", true)]
    [InlineData("type eq \"work\" and primary eq true", "{\"type\":\"work\"}", false)]
    [InlineData("display pr", "{\"display\":\"\"}", false)]
    public void EvaluateElement_ValueOfEmails_UsesSubAttributeCharacteristics(string filter, string element, bool expected)
    {
        var parsed = ScimFilter.Parse(filter).Value;
        var emails = AttributePath.Parse("emails").Value;

        var matches = parsed.EvaluateElement(Json(element), emails).Value;

        matches.Should().Be(expected);
    }

    [Fact]
    public void EvaluateElement_ValueOfCaseExactSubAttribute_ComparesCase()
    {
        var parsed = ScimFilter.Parse("value eq \"abc\"").Value;
        var certificates = AttributePath.Parse("x509Certificates").Value;
        var emails = AttributePath.Parse("emails").Value;

        var certificate = parsed.EvaluateElement(Json("{\"value\":\"ABC\"}"), certificates).Value;
        var email = parsed.EvaluateElement(Json("{\"value\":\"ABC\"}"), emails).Value;

        certificate.Should().BeFalse();
        email.Should().BeTrue();
    }

    private static bool Evaluate(string filter, string json) => EvaluateJson(filter, Json(json));

    private static bool EvaluateJson(string filter, JsonObject json)
    {
        var parsed = ScimFilter.Parse(filter).Value;
        var matches = parsed.Evaluate(json).Value;
        return matches;
    }

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
