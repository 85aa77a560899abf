using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// Reads a SCIM boolean from a JSON boolean or from the strings <c>"true"</c> and <c>"false"</c> in any case
/// (Microsoft Entra ID sends <c>"True"</c> and <c>"False"</c>); writes a JSON boolean.
/// </summary>
internal sealed class ScimBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String when ScimBoolean.TryParse(reader.GetString(), out var value) => value,
            _ => throw new JsonException("A boolean is expected."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        writer.WriteBooleanValue(value);
}
