using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace MembershipStates.Scim;

/// <summary>
/// Reads and writes SCIM messages as UTF-8 JSON with the source-generated metadata of this package.
/// </summary>
/// <remarks>
/// <para>Reading: property names match in any case; <c>password</c> is dropped; unknown attributes are kept. A body
/// that is not JSON, not valid UTF-8, whose root is not an object, with an object that repeats a member name (in any
/// case) or with an escaped unpaired surrogate, is a 400 <c>invalidSyntax</c>; a value of the wrong type for a
/// known attribute (for example <c>"userName": 5</c>) is a 400 <c>invalidValue</c> that names the attribute's path
/// and never echoes the value. Required attributes such as <c>userName</c> are checked when the request is mapped,
/// not here.</para>
/// <para>Writing: compact, <see langword="null"/> members omitted, <c>active</c> always present, only what JSON
/// requires escaped.</para>
/// <para>Thread-safe: all members are pure functions.</para>
/// </remarks>
public static class ScimJson
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads a User from a request body.</summary>
    /// <param name="utf8Json">The body as UTF-8 JSON.</param>
    /// <returns>The user, or the error that answers the request.</returns>
    public static ScimResult<ScimUser> ParseUser(ReadOnlySpan<byte> utf8Json) =>
        Parse(utf8Json, ScimJsonContext.Scim.ScimUser);

    /// <summary>Reads a User from a request body given as text.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The user, or the error that answers the request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ScimResult<ScimUser> ParseUser(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseUser(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a Group from a request body.</summary>
    /// <param name="utf8Json">The body as UTF-8 JSON.</param>
    /// <returns>The group, or the error that answers the request.</returns>
    /// <remarks>Attributes a Group does not have, extension schemas included, are skipped.</remarks>
    public static ScimResult<ScimGroup> ParseGroup(ReadOnlySpan<byte> utf8Json) =>
        Parse(utf8Json, ScimJsonContext.Scim.ScimGroup);

    /// <summary>Writes a Group as UTF-8 JSON.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is <see langword="null"/>.</exception>
    public static byte[] ToUtf8Bytes(ScimGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return JsonSerializer.SerializeToUtf8Bytes(group, ScimJsonContext.Scim.ScimGroup);
    }

    /// <summary>Writes a list of Groups as UTF-8 JSON.</summary>
    /// <param name="list">The list response.</param>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is <see langword="null"/>.</exception>
    public static byte[] ToUtf8Bytes(ScimListResponse<ScimGroup> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return JsonSerializer.SerializeToUtf8Bytes(list, ScimJsonContext.Scim.ScimListResponseScimGroup);
    }

    /// <summary>Writes a User as UTF-8 JSON.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
    public static byte[] ToUtf8Bytes(ScimUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return JsonSerializer.SerializeToUtf8Bytes(user, ScimJsonContext.Scim.ScimUser);
    }

    /// <summary>Writes an error as UTF-8 JSON.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static byte[] ToUtf8Bytes(ScimError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return JsonSerializer.SerializeToUtf8Bytes(error, ScimJsonContext.Scim.ScimError);
    }

    /// <summary>Writes a list of Users as UTF-8 JSON.</summary>
    /// <param name="list">The list response.</param>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is <see langword="null"/>.</exception>
    public static byte[] ToUtf8Bytes(ScimListResponse<ScimUser> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return JsonSerializer.SerializeToUtf8Bytes(list, ScimJsonContext.Scim.ScimListResponseScimUser);
    }

    /// <summary>Writes a list of resources given as JSON objects (projected with <c>attributes</c>, or discovery documents) as UTF-8 JSON.</summary>
    /// <param name="list">The list response.</param>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is <see langword="null"/>.</exception>
    public static byte[] ToUtf8Bytes(ScimListResponse<JsonObject> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return JsonSerializer.SerializeToUtf8Bytes(list, ScimJsonContext.Scim.ScimListResponseJsonObject);
    }

    /// <summary>Converts a User to a mutable JSON object, the form a PATCH is applied to.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The object, with the attribute names this package writes.</returns>
    internal static JsonObject ToJsonObject(ScimUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (JsonObject)JsonSerializer.SerializeToNode(user, ScimJsonContext.Scim.ScimUser)!;
    }

    /// <summary>Reads a User back from a JSON object, such as the result of a PATCH.</summary>
    /// <param name="json">The object.</param>
    /// <returns>The user, or the <c>invalidValue</c> error of an attribute whose value has the wrong type.</returns>
    internal static ScimResult<ScimUser> FromJsonObject(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var user = json.Deserialize(ScimJsonContext.Scim.ScimUser);
            return user is null
                ? ScimResult<ScimUser>.Failure(ScimError.InvalidSyntax("The resource must be a JSON object."))
                : ScimResult<ScimUser>.Success(user);
        }
        catch (JsonException exception)
        {
            return ScimResult<ScimUser>.Failure(WrongType(exception));
        }
    }

    internal static byte[] ToUtf8Bytes(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ScimJsonContext.Scim.Options.Encoder }))
        {
            node.WriteTo(writer, ScimJsonContext.Scim.Options);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static ScimResult<T> Parse<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        if (ScimJsonSyntax.Check(utf8Json) is { } syntax)
        {
            return ScimResult<T>.Failure(syntax);
        }

        if (!IsObject(utf8Json))
        {
            return ScimResult<T>.Failure(ScimError.InvalidSyntax("The request body must be one JSON object."));
        }

        try
        {
            var value = JsonSerializer.Deserialize(utf8Json, typeInfo);
            return value is null
                ? ScimResult<T>.Failure(ScimError.InvalidSyntax("The request body must be one JSON object."))
                : ScimResult<T>.Success(value);
        }
        catch (JsonException exception)
        {
            return ScimResult<T>.Failure(WrongType(exception));
        }
    }

    // Checks that the body is well-formed JSON whose root is an object, so that a JsonException from the
    // serializer afterwards can only mean a value of the wrong type.
    private static bool IsObject(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ScimError WrongType(JsonException exception) =>
        ScimError.InvalidValue(
            string.IsNullOrEmpty(exception.Path)
                ? "A value does not have the type its attribute requires."
                : $"The value at '{exception.Path}' does not have the type its attribute requires.");
}
