using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// Writes a SCIM dateTime in UTC (<c>2026-03-01T12:00:00Z</c>, fractions only when present); reads any ISO 8601
/// date and time, and reads a value that is not one as <see langword="null"/>.
/// </summary>
/// <remarks>Only <c>meta</c> timestamps use it: they are read-only, ignored on input, so an odd value from a
/// client must not fail the request.</remarks>
internal sealed class ScimDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        if (reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        return DateTimeOffset.TryParse(
            reader.GetString(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value)
            ? value
            : null;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
