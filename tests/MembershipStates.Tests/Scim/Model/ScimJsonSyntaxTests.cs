using System.Text;
using FluentAssertions;
using MembershipStates.Scim;

namespace MembershipStates.Tests.Scim.Model;

/// <summary>Bodies System.Text.Json would read leniently or fail on late: each is a 400 invalidSyntax from every reader.</summary>
public sealed class ScimJsonSyntaxTests
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public static TheoryData<string, byte[]> Faulty => new()
    {
        { "repeated schemas", Utf8($$"""{"schemas":1,"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"active","value":false}],"userName":"a","displayName":"g"}""") },
        { "repeated name in another case", Utf8($$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"active","value":false}],"userName":"a","USERNAME":"b","displayName":"g","DisplayName":"h"}""") },
        { "repeated name in a nested object", Utf8($$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","op":"add","path":"active","value":false}],"userName":"a","displayName":"g","name":{"givenName":"x","givenName":"y"},"members":[{"value":"1","value":"2"}]}""") },
        { "escaped lone high surrogate in a name", Utf8($$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"active","value":false}],"userName":"a","displayName":"g","\ud800":1}""") },
        { "escaped lone low surrogate in a value", Utf8($$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"displayName","value":"\udc00"}],"userName":"\udc00","displayName":"\udc00"}""") },
        { "invalid UTF-8 in a value", [.. Utf8($$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"displayName","value":"a"""), 0xC3, 0x28, .. Utf8("\"}],\"userName\":\"a\",\"displayName\":\"g\"}")] },
        { "invalid UTF-8 in a name", [.. Utf8("{\"userName\":\"a\",\"displayName\":\"g\",\""), 0xFF, .. Utf8("\":1}")] },
        { "overlong UTF-8", [.. Utf8("{\"userName\":\""), 0xC0, 0xAF, .. Utf8("\"}")] },
    };

    [Theory]
    [MemberData(nameof(Faulty))]
    public void ParsePatch_FaultyBody_IsInvalidSyntax(string fault, byte[] body) =>
        ScimUserOperations.ParsePatch(body).Error.Should().Match<ScimError>(e => e.Status == 400 && e.ScimType == "invalidSyntax", fault);

    [Theory]
    [MemberData(nameof(Faulty))]
    public void ParseUser_FaultyBody_IsInvalidSyntax(string fault, byte[] body) =>
        ScimUserOperations.ParseUser(body).Error.Should().Match<ScimError>(e => e.Status == 400 && e.ScimType == "invalidSyntax", fault);

    [Theory]
    [MemberData(nameof(Faulty))]
    public void ParseGroup_FaultyBody_IsInvalidSyntax(string fault, byte[] body) =>
        ScimGroupOperations.ParseGroup(body).Error.Should().Match<ScimError>(e => e.Status == 400 && e.ScimType == "invalidSyntax", fault);

    [Fact]
    public void ParseUser_SurrogatePairAndNonAsciiNames_AreAccepted()
    {
        var user = ScimUserOperations.ParseUser(Utf8("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jos\u00e9\ud83d\ude00","displayName":"José 😀","nämé":"kept by the wire type"}"""));

        user.Error.Should().BeNull();
        user.Value.UserName.Should().Be("josé😀");
    }

    [Fact]
    public void ParsePatch_ByteOrderMark_IsAccepted()
    {
        var patch = ScimUserOperations.ParsePatch([0xEF, 0xBB, 0xBF, .. Utf8($$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"active","value":false}]}""")]);

        patch.Error.Should().BeNull();
    }

    [Fact]
    public void ParsePatch_NestingBeyondTheLimit_IsInvalidSyntaxNotAnException()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));

        var patch = ScimUserOperations.ParsePatch(Utf8($$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"add","path":"title","value":{{deep}}}]}"""));

        patch.Error!.ScimType.Should().Be("invalidSyntax");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
