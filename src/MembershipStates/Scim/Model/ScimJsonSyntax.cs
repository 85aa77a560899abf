using System.Text.Json;
using System.Text.Unicode;

namespace MembershipStates.Scim;

/// <summary>
/// Checks a request body before it is read: valid UTF-8, well-formed JSON, no object that repeats a member name,
/// and no string or name that does not decode to Unicode text.
/// </summary>
/// <remarks>
/// <para>System.Text.Json reads all of these leniently or lazily: invalid UTF-8 inside a string becomes replacement
/// characters when stored, a repeated name makes <c>JsonObject</c> throw on first access (a 500 instead of a 400),
/// and an escaped lone surrogate (<c>"\ud800"</c>) throws when the string is decoded. One pass over the body answers
/// all of them as 400 <c>invalidSyntax</c> before anything else looks at it.</para>
/// <para>SCIM attribute names are case-insensitive (RFC 7643 §2.1), so <c>userName</c> and <c>USERNAME</c> in one
/// object are the same member repeated: which of the two would win is undefined, so neither does.</para>
/// <para>Thread-safe: a pure function.</para>
/// </remarks>
internal static class ScimJsonSyntax
{
    /// <summary>The nesting depth beyond which a body is refused; System.Text.Json's default.</summary>
    internal const int MaxDepth = 64;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Checks a body.</summary>
    /// <param name="utf8Json">The body, with or without a byte-order mark.</param>
    /// <returns>A 400 <c>invalidSyntax</c> error, or <see langword="null"/> when the body has none of these faults.
    /// JSON that is otherwise malformed is left to the caller's reader, which says where it fails.</returns>
    internal static ScimError? Check(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(utf8Json))
        {
            return ScimError.InvalidSyntax("The request body is not valid UTF-8.");
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var names = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!names.Peek().Add(name))
                        {
                            return ScimError.InvalidSyntax($"An object repeats the member \"{Printable(name)}\"; each name may appear once (names compare case-insensitively, RFC 7643 §2.1).");
                        }

                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null; // malformed JSON: the caller's reader says where, in its own words
        }
        catch (InvalidOperationException)
        {
            // GetString refuses an escaped lone surrogate: the text is not Unicode.
            return ScimError.InvalidSyntax("The request body has a string that is not valid Unicode (an unpaired surrogate).");
        }

        return null;
    }

    // A name goes back into the detail; keep it short and free of control characters.
    private static string Printable(string name)
    {
        var shown = name.Length > 64 ? name[..64] + "…" : name;
        return string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c));
    }
}
