using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// Writes an HTTP status as a JSON string (<c>"404"</c>), as RFC 7644 §3.12 and both providers require; reads a
/// string or a number.
/// </summary>
internal sealed class ScimStatusConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetInt32(),
            JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var status) => status,
            _ => throw new JsonException("An HTTP status is expected."),
        };

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
