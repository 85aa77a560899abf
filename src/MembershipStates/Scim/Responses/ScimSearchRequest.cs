using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MembershipStates.Scim;

/// <summary>
/// A SCIM <c>SearchRequest</c> (RFC 7644 §3.4.3), the body of <c>POST /Users/.search</c> and
/// <c>POST /Groups/.search</c>, read as the query parameters of the equivalent <c>GET</c>.
/// </summary>
/// <remarks>
/// <para>Members, in any case: <c>filter</c> (a string), <c>startIndex</c> and <c>count</c> (numbers),
/// <c>attributes</c> and <c>excludedAttributes</c> (arrays of strings, or one comma-separated string), <c>sortBy</c>
/// and <c>sortOrder</c> (strings). Each becomes the query parameter of the same name, so a search answers exactly as
/// the <c>GET</c> with those parameters, errors included (a bad filter is 400 <c>invalidFilter</c> either way). Other
/// members are ignored.</para>
/// <para>A body that is not a JSON object listing the <see cref="Schema"/> in <c>schemas</c> is 400
/// <c>invalidSyntax</c>; a member of the wrong type is 400 <c>invalidValue</c>. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimSearchRequest
{
    /// <summary>The schema URI of a search request.</summary>
    public const string Schema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 64 };

    // The members read, in the order they are checked (the first of several errors is the one answered).
    private static readonly (string Name, ParameterKind Kind)[] Parameters =
    [
        ("filter", ParameterKind.Text),
        ("sortBy", ParameterKind.Text),
        ("sortOrder", ParameterKind.Text),
        ("startIndex", ParameterKind.Number),
        ("count", ParameterKind.Number),
        ("attributes", ParameterKind.Names),
        ("excludedAttributes", ParameterKind.Names),
    ];

    private ScimSearchRequest(IReadOnlyDictionary<string, string> queryParameters) => QueryParameters = queryParameters;

    /// <summary>Gets the query parameters of the equivalent <c>GET</c>, keyed by their names as RFC 7644 spells them (<c>filter</c>, <c>startIndex</c>, …).</summary>
    /// <value>Only the members the body sends; an empty body of parameters is the unfiltered first page.</value>
    public IReadOnlyDictionary<string, string> QueryParameters { get; }

    /// <summary>Reads a search request body.</summary>
    /// <param name="body">The request body, UTF-8 JSON.</param>
    /// <returns>The request, or a 400 error that says what to fix.</returns>
    /// <remarks>Never throws for any input.</remarks>
    public static ScimResult<ScimSearchRequest> Parse(ReadOnlySpan<byte> body)
    {
        if (ScimJsonSyntax.Check(body) is { } syntax)
        {
            return Fail(syntax);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.StartsWith("\uFEFF"u8) ? body[3..] : body, documentOptions: ReadOptions);
        }
        catch (JsonException)
        {
            return Fail(ScimError.InvalidSyntax("The body is not valid JSON."));
        }

        if (root is not JsonObject request || !ListsSchema(JsonMembers.Find(request, "schemas")))
        {
            return Fail(ScimError.InvalidSyntax($"A search body is a JSON object whose 'schemas' lists \"{Schema}\" (RFC 7644 §3.4.3)."));
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, kind) in Parameters)
        {
            switch (JsonMembers.Find(request, name))
            {
                case null:
                    break;
                case { } node when ReadParameter(node, kind) is { } text:
                    query[name] = text;
                    break;
                default:
                    return Fail(ScimError.InvalidValue(kind switch
                    {
                        ParameterKind.Text => $"'{name}' must be a string.",
                        ParameterKind.Number => $"'{name}' must be a number.",
                        _ => $"'{name}' must be an array of attribute names.",
                    }));
            }
        }

        return ScimResult<ScimSearchRequest>.Success(new ScimSearchRequest(query.ToFrozenDictionary(StringComparer.Ordinal)));
    }

    /// <summary>Reads a member as the text of its query parameter, or <see langword="null"/> when it has the wrong type.</summary>
    private static string? ReadParameter(JsonNode node, ParameterKind kind) => (kind, node) switch
    {
        // The number's text, as a query string would carry it, so ScimPage decides as for a GET.
        (ParameterKind.Number, JsonValue value) when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        (ParameterKind.Text or ParameterKind.Names, _) when JsonStrings.ValueOf(node) is { } text => text,
        (ParameterKind.Names, JsonArray names) when names.All(name => JsonStrings.ValueOf(name) is not null) => string.Join(",", names.Select(JsonStrings.ValueOf)),
        _ => null,
    };

    private static bool ListsSchema(JsonNode? schemas) =>
        schemas is JsonArray array
        && array.Any(s => s is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.Equals(v.GetValue<string>(), Schema, StringComparison.OrdinalIgnoreCase));

    private static ScimResult<ScimSearchRequest> Fail(ScimError error) => ScimResult<ScimSearchRequest>.Failure(error);

    private enum ParameterKind
    {
        /// <summary>A string.</summary>
        Text,

        /// <summary>A number.</summary>
        Number,

        /// <summary>An array of attribute names, or one comma-separated string of them.</summary>
        Names,
    }
}
