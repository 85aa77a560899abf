using System.Text.Json;
using System.Text.Json.Nodes;

namespace MembershipStates.Scim;

/// <summary>
/// Reads a SCIM boolean the way the providers send it: a JSON <c>true</c>/<c>false</c>, or the strings
/// <c>"true"</c>/<c>"false"</c> in any case (Microsoft Entra ID sends <c>"True"</c> and <c>"False"</c>).
/// </summary>
/// <remarks>The typed model's converter, the PATCH engine and the extension values check read booleans through it.
/// Sorting by a multi-valued attribute reads <c>primary</c> more strictly (<c>SortKeys</c>: JSON <c>true</c>, or the
/// text <c>"true"</c> in any case without surrounding white space). Stateless and thread-safe.</remarks>
internal static class ScimBoolean
{
    /// <summary>Reads a boolean sent as text: <c>true</c> or <c>false</c> in any case, white space around it ignored.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The boolean, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a boolean.</returns>
    public static bool TryParse(string? text, out bool value) => bool.TryParse(text, out value);

    /// <summary>Reads a boolean from a JSON value: a JSON boolean, or a string <see cref="TryParse"/> reads.</summary>
    /// <param name="node">The value.</param>
    /// <param name="value">The boolean, when the node is one.</param>
    /// <returns><see langword="true"/> when the node is a boolean.</returns>
    public static bool TryRead(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue json)
        {
            return false;
        }

        switch (json.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return TryParse(json.GetValue<string>(), out value);
            default:
                return false;
        }
    }
}
