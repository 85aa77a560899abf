using System.Text.Json;
using System.Text.Json.Nodes;

namespace MembershipStates.Testing.Http;

/// <summary>A response as a provider reads it: status, headers and the body.</summary>
internal sealed class KitAnswer
{
    private JsonNode? _json;

    public KitAnswer(int status, IReadOnlyDictionary<string, string> headers, string body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    public int Status { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    public string? ETag => Header("ETag");

    public string? Location => Header("Location");

    public string? ContentType => Header("Content-Type");

    /// <summary>Gets the body as JSON, or <see langword="null"/> when it is empty or not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            if (_json is null && Body.Length > 0)
            {
                try
                {
                    _json = JsonNode.Parse(Body);
                }
                catch (JsonException)
                {
                    return null;
                }
            }

            return _json;
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The answer in one line, for a failure message: status, ETag and body.</summary>
    public override string ToString() =>
        $"{Status}{(ETag is null ? string.Empty : " ETag " + ETag)}{(Body.Length == 0 ? " (no body)" : " " + Body)}";

    public static async Task<KitAnswer> ReadAsync(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        return new KitAnswer((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }
}
