using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MembershipStates.Testing.Http;

/// <summary>
/// Checks answers as a provider would, and fails with a <see cref="ScimConformanceException"/> that names the rule,
/// the requests sent so far, what was expected and what was answered.
/// </summary>
internal sealed class Checker(Transcript transcript)
{
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";

    public Transcript Transcript => transcript;

    public ScimConformanceException Failure(string rule, string expected, string actual) =>
        new(rule, transcript.ToString(), expected, actual);

    public void That(bool condition, string rule, string expected, Func<string> actual)
    {
        if (!condition)
        {
            throw Failure(rule, expected, actual());
        }
    }

    public void That(bool condition, string rule, string expected, JsonNode? actual)
    {
        if (!condition)
        {
            throw Failure(rule, expected, actual?.ToJsonString() ?? "nothing");
        }
    }

    /// <summary>Checks the status and, for a body, that it is SCIM JSON.</summary>
    public KitAnswer Status(KitAnswer answer, int status, string rule)
    {
        That(answer.Status == status, rule, $"{status}", answer.ToString);
        if (answer.Body.Length > 0)
        {
            That(answer.ContentType?.StartsWith("application/scim+json", StringComparison.OrdinalIgnoreCase) == true, rule,
                "Content-Type application/scim+json", () => $"Content-Type {answer.ContentType}");
            That(answer.Json is not null, rule, "a JSON body", answer.ToString);
        }

        return answer;
    }

    /// <summary>Checks an RFC 7644 §3.12 error: the Error schema, <c>status</c> as a string equal to the HTTP status, a <c>detail</c>, the <c>scimType</c>.</summary>
    public KitAnswer Error(KitAnswer answer, int status, string? scimType, string rule)
    {
        var expected = scimType is null ? $"{status} SCIM error" : $"{status} SCIM error with scimType \"{scimType}\"";
        That(answer.Status == status, rule, expected, answer.ToString);
        Status(answer, status, rule);
        var json = answer.Json!;
        That(Strings(json["schemas"]).Contains(ErrorSchema), rule, expected + " (Error schema)", answer.ToString);
        That(json["status"] is JsonValue s && s.GetValueKind() == JsonValueKind.String && (string?)s == status.ToString(CultureInfo.InvariantCulture),
            rule, expected + " (status as a string)", answer.ToString);
        That(!string.IsNullOrWhiteSpace((string?)json["detail"]), rule, expected + " (a detail)", answer.ToString);
        if (scimType is not null)
        {
            That((string?)json["scimType"] == scimType, rule, expected, answer.ToString);
        }

        return answer;
    }

    /// <summary>Checks a user answer: status, the User schema, an id, <c>active</c> a boolean, <c>meta.version</c> equal to the ETag, no password.</summary>
    public JsonObject User(KitAnswer answer, int status, string rule)
    {
        Status(answer, status, rule);
        var json = answer.Json as JsonObject;
        That(json is not null, rule, $"{status} with a user", answer.ToString);
        That(Strings(json!["schemas"]).Contains(UserSchema), rule, "the User schema in schemas", answer.ToString);
        That(!string.IsNullOrEmpty((string?)json["id"]), rule, "an id", answer.ToString);
        That(json["active"]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False, rule, "active as a JSON boolean, written even when false", answer.ToString);
        That((string?)json["meta"]?["version"] == answer.ETag, rule, "meta.version equal to the ETag header", answer.ToString);
        That(json["password"] is null, rule, "no password in the answer", answer.ToString);
        return json;
    }

    /// <summary>Checks a ListResponse: numbers as numbers, <c>Resources</c> present, <c>itemsPerPage</c> its length, and the total.</summary>
    public JsonArray List(KitAnswer answer, int? totalResults, string rule)
    {
        var expected = totalResults is null ? "200 ListResponse" : $"200 ListResponse with totalResults {totalResults}";
        That(answer.Status == 200, rule, expected, answer.ToString);
        Status(answer, 200, rule);
        var json = answer.Json!;
        That(Strings(json["schemas"]).Contains(ListSchema), rule, expected + " (ListResponse schema)", answer.ToString);
        foreach (var number in new[] { "totalResults", "startIndex", "itemsPerPage" })
        {
            That(json[number]?.GetValueKind() == JsonValueKind.Number, rule, $"{number} as a JSON number", answer.ToString);
        }

        That(totalResults is null || (int)json["totalResults"]! == totalResults, rule, expected, answer.ToString);
        That(json["Resources"] is JsonArray, rule, expected + " (Resources present, even when empty)", answer.ToString);
        var resources = json["Resources"]!.AsArray();
        That((int)json["itemsPerPage"]! == resources.Count, rule, "itemsPerPage equal to the number of Resources", answer.ToString);
        return resources;
    }

    public static List<string?> Strings(JsonNode? array) =>
        array is JsonArray items ? [.. items.Select(item => item is JsonValue ? (string?)item : null)] : [];
}
