using System.Text.Json.Nodes;
using MembershipStates.AspNetCore.Tests.Infrastructure;

namespace MembershipStates.AspNetCore.Tests.Groups;

/// <summary>
/// The group requests both group test classes send (over the in-memory store and against the sample host), and the
/// recorded provider payloads with the ids they carry.
/// </summary>
internal static class GroupRequests
{
    // The ids the recorded payloads carry (tests/MembershipStates.Tests/Payloads/README.md).
    public const string OktaGroupId = "abf4dd94-a4c0-4f67-89c9-76b03340cb9b";
    public const string OktaUser1 = "23a35c27-23d3-4c03-b4c5-6443c09e7173";
    public const string OktaUser2 = "89bb1940-b905-4575-9e7f-6f887cfb368e";
    public const string EntraUser1 = "f648f8d5ea4e4cd38e9c";
    public const string EntraUser2 = "0a7d2b1e6e7c4f2a9b1c";

    /// <summary>Okta's deactivate: a path-less replace with an object value.</summary>
    public const string Deactivate = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""";

    /// <summary>Entra ID's default enable: a capitalised op and a string value.</summary>
    public const string Reactivate = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"True"}]}""";

    public static string GroupBody(string displayName, string[] members, string? id = null, string? externalId = null)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = displayName,
            ["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["value"] = m })]),
        };
        if (id is not null)
        {
            body["id"] = id;
        }

        if (externalId is not null)
        {
            body["externalId"] = externalId;
        }

        return body.ToJsonString();
    }

    public static string AddMembers(params string[] ids) => Patch(new JsonObject
    {
        ["op"] = "add",
        ["path"] = "members",
        ["value"] = new JsonArray([.. ids.Select(m => (JsonNode)new JsonObject { ["value"] = m })]),
    }.ToJsonString());

    public static string RemoveMember(string id) => Patch($$"""{"op":"remove","path":"members[value eq \"{{id}}\"]"}""");

    public static string Patch(params string[] operations) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{string.Join(",", operations)}}]}""";

    /// <summary>A recorded payload, copied to the test output from tests/MembershipStates.Tests/Payloads.</summary>
    public static string Payload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name));

    public static string Filter(string filter) => Uri.EscapeDataString(filter);

    /// <summary>The <c>value</c>s of a group's <c>members</c>, in the order answered; empty when it has none.</summary>
    public static List<string?> Members(ScimAnswer answer) =>
        answer.ShouldBe(200).Json["members"]?.AsArray().Select(m => (string?)m!["value"]).ToList() ?? [];

    /// <summary>The <c>value</c>s of a user's read-only <c>groups</c>; empty when it has none.</summary>
    public static List<string?> GroupsOf(ScimAnswer user) =>
        user.Json["groups"]?.AsArray().Select(g => (string?)g!["value"]).ToList() ?? [];
}
