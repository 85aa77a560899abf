using System.Globalization;
using System.Text.Json.Nodes;

namespace MembershipStates.Tests.Scim.Model;

/// <summary>
/// Reads recorded payloads and compares JSON the way SCIM does: attribute names in any case, members in any order,
/// timestamps by the instant they denote; values exactly.
/// </summary>
internal static class ScimJsonComparison
{
    public static byte[] ReadPayload(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", name));

    public static JsonNode Parse(byte[] utf8) => JsonNode.Parse(utf8)!;

    /// <summary>Returns the JSON with member names lower-cased, members sorted and meta timestamps in UTC ticks.</summary>
    public static JsonNode? Canonical(JsonNode? node, string? name = null)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
                {
                    result[key.ToLowerInvariant()] = Canonical(value, key.ToLowerInvariant());
                }

                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Canonical(item))]);
            case JsonValue value when name is "created" or "lastmodified" && value.TryGetValue<string>(out var text):
                return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcTicks;
            default:
                return node?.DeepClone();
        }
    }

    public static bool SameScimJson(JsonNode? expected, JsonNode? actual) =>
        JsonNode.DeepEquals(Canonical(expected), Canonical(actual));

    public static JsonObject Without(JsonNode node, string member)
    {
        var copy = (JsonObject)node.DeepClone();
        foreach (var key in copy.Select(pair => pair.Key).Where(key => string.Equals(key, member, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            copy.Remove(key);
        }

        return copy;
    }
}
