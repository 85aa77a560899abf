using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// What an endpoint writes: a <see cref="ScimResponse"/> from the package, or one of the few errors only HTTP knows
/// (415, a 409 that is no uniqueness error).
/// </summary>
internal readonly struct ScimReply
{
    private static readonly KeyValuePair<string, string>[] ErrorHeaders = [new("Content-Type", ScimResponse.ScimContentType)];

    private ScimReply(int statusCode, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    public int StatusCode { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public static implicit operator ScimReply(ScimResponse response) => From(response);

    public static implicit operator ScimReply(ScimError error) => From(error.ToResponse());

    public static ScimReply From(ScimResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ScimReply(response.StatusCode, response.Headers, response.Body);
    }

    /// <summary>A SCIM error (RFC 7644 §3.12) with a status the package's <see cref="ScimError"/> does not offer.</summary>
    public static ScimReply Error(int statusCode, string detail)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("schemas");
            writer.WriteStringValue(ScimSchemaUris.Error);
            writer.WriteEndArray();
            writer.WriteString("status", statusCode.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("detail", detail);
            writer.WriteEndObject();
        }

        return new ScimReply(statusCode, ErrorHeaders, buffer.WrittenMemory.ToArray());
    }

    /// <summary>A 200 with a JSON document the package does not build itself.</summary>
    public static ScimReply Json(int statusCode, byte[] body) => new(statusCode, ErrorHeaders, body);
}
