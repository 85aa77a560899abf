using System.Text.Json;
using System.Text.Json.Nodes;

namespace MembershipStates.Scim;

/// <summary>Reads the text of a JSON string value, for request members that must be strings.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class JsonStrings
{
    /// <summary>Returns the text of a JSON string.</summary>
    /// <param name="node">The value.</param>
    /// <returns>The text, or <see langword="null"/> when the value is absent or not a JSON string.</returns>
    public static string? ValueOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
