using System.Text.Json.Nodes;

namespace MembershipStates.Scim;

/// <summary>
/// A complete SCIM HTTP response as a value: status code, headers and UTF-8 JSON body, for any host framework to
/// write unchanged.
/// </summary>
/// <remarks>
/// <para>A body is present for every status but 204 and 304; then <c>Content-Type</c> is
/// <see cref="ScimContentType"/>. A response that carries a resource has an <c>ETag</c> equal to its
/// <c>meta.version</c>, and a 201 has a <c>Location</c> equal to its <c>meta.location</c>.</para>
/// <para><see cref="ForOutcome"/> is the one mapping from a lifecycle outcome to a response.</para>
/// <para>Immutable and thread-safe, provided the caller does not change the body bytes it reads.</para>
/// </remarks>
public sealed partial class ScimResponse
{
    /// <summary>The media type of every SCIM body (RFC 7644 §3.1), with the charset Okta's tests send.</summary>
    public const string ScimContentType = "application/scim+json; charset=utf-8";

    private const string ContentTypeHeader = "Content-Type";
    private const string ETagHeader = "ETag";
    private const string AllowHeader = "Allow";
    private const string LocationHeader = "Location";
    private const string WwwAuthenticateHeader = "WWW-Authenticate";

    private readonly KeyValuePair<string, string>[] _headers;

    private ScimResponse(int statusCode, KeyValuePair<string, string>[] headers, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        _headers = headers;
        Body = body;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the response headers, in the order to write them; names are spelled as HTTP/1.1 conventionally does.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>Gets the body as UTF-8 JSON; empty for 204 and 304.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the <c>Content-Type</c> header, or <see langword="null"/> when there is no body.</summary>
    public string? ContentType => GetHeader(ContentTypeHeader);

    /// <summary>Gets the <c>ETag</c> header, or <see langword="null"/> when the response carries no resource version.</summary>
    public string? ETag => GetHeader(ETagHeader);

    /// <summary>Gets the <c>Location</c> header, or <see langword="null"/> when there is none.</summary>
    public string? Location => GetHeader(LocationHeader);

    /// <summary>Gets the value of a header by name, compared case-insensitively.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/> when the response has no such header.</returns>
    public string? GetHeader(string name)
    {
        foreach (var (key, value) in _headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Creates a 200 response carrying a resource.</summary>
    /// <param name="resource">The resource, as built by <see cref="ScimUser.WithMembership"/>.</param>
    /// <returns>The response, with an <c>ETag</c> when the resource has a <c>meta.version</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    public static ScimResponse Ok(ScimUser resource) => WithResource(200, resource, withLocation: false);

    /// <summary>Creates a 201 response carrying a new resource.</summary>
    /// <param name="resource">The resource, as built by <see cref="ScimUser.WithMembership"/>.</param>
    /// <returns>The response, with a <c>Location</c> equal to <c>meta.location</c> and an <c>ETag</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The resource has no <c>meta.location</c>; RFC 7644 §3.3 requires the header.</exception>
    public static ScimResponse Created(ScimUser resource) => WithResource(201, resource, withLocation: true);

    /// <summary>Creates a 204 response with no body, the answer to a <c>DELETE</c>.</summary>
    /// <returns>The response.</returns>
    public static ScimResponse NoContent() => new(204, [], ReadOnlyMemory<byte>.Empty);

    /// <summary>Creates a 304 response with no body, the answer to a <c>GET</c> whose <c>If-None-Match</c> matched.</summary>
    /// <param name="version">The current version, at least 1.</param>
    /// <returns>The response, with the current <c>ETag</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static ScimResponse NotModified(long version) =>
        new(304, [new(ETagHeader, ScimETag.FromVersion(version))], ReadOnlyMemory<byte>.Empty);

    /// <summary>Creates the response of an error: its status and its body.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    /// <remarks>A 401 also carries <c>WWW-Authenticate: Bearer</c>, as RFC 6750 §3 requires of a resource
    /// protected by bearer tokens.</remarks>
    public static ScimResponse FromError(ScimError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = ScimJson.ToUtf8Bytes(error);
        return error.Status == 401
            ? new ScimResponse(401, [new(ContentTypeHeader, ScimContentType), new(WwwAuthenticateHeader, "Bearer")], body)
            : Json(error.Status, body);
    }

    /// <summary>Creates a 405 response: a SCIM error body and an <c>Allow</c> header listing the methods the resource accepts.</summary>
    /// <param name="allow">The methods the resource accepts, such as <c>GET</c>; written comma-separated in <c>Allow</c>.</param>
    /// <param name="detail">The message of the error; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allow"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="allow"/> is empty or holds a blank method.</exception>
    /// <remarks>RFC 9110 §15.5.6 requires the <c>Allow</c> header on a 405. The discovery endpoints
    /// (<c>/ServiceProviderConfig</c>, <c>/ResourceTypes</c>, <c>/Schemas</c>) are read-only (RFC 7644 §4) and answer
    /// any other method with it.</remarks>
    public static ScimResponse MethodNotAllowed(IReadOnlyList<string> allow, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(allow);
        if (allow.Count == 0 || allow.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one method, none of them blank.", nameof(allow));
        }

        var body = ScimJson.ToUtf8Bytes(ScimError.MethodNotAllowed(detail));
        return new ScimResponse(405, [new(ContentTypeHeader, ScimContentType), new(AllowHeader, string.Join(", ", allow))], body);
    }

    /// <summary>Creates a 200 response carrying a list of Users.</summary>
    /// <param name="list">The list response.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is <see langword="null"/>.</exception>
    public static ScimResponse List(ScimListResponse<ScimUser> list) => Json(200, ScimJson.ToUtf8Bytes(list));

    /// <summary>Creates a 200 response carrying a list of resources given as JSON objects.</summary>
    /// <param name="list">The list response.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is <see langword="null"/>.</exception>
    public static ScimResponse List(ScimListResponse<JsonObject> list) => Json(200, ScimJson.ToUtf8Bytes(list));

    /// <inheritdoc />
    public override string ToString() => $"{StatusCode} ({Body.Length} bytes)";

    /// <summary>Returns a response with this status and these headers and another body.</summary>
    internal ScimResponse WithBody(byte[] body) => new(StatusCode, [.. _headers], body);

    internal static ScimResponse Json(int statusCode, byte[] body) =>
        new(statusCode, [new(ContentTypeHeader, ScimContentType)], body);

    private static ScimResponse WithResource(int statusCode, ScimUser resource, bool withLocation)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (withLocation && string.IsNullOrEmpty(resource.Meta?.Location))
        {
            throw new ArgumentException("A created resource needs meta.location for the Location header; build it with ScimUser.WithMembership.", nameof(resource));
        }

        return WithResource(statusCode, resource.Meta, withLocation, ScimJson.ToUtf8Bytes(resource));
    }

    /// <summary>A 200 or 201 carrying a Group, with its <c>ETag</c> and, for a 201, its <c>Location</c>.</summary>
    internal static ScimResponse WithResource(int statusCode, ScimGroup resource, bool withLocation)
    {
        if (withLocation && string.IsNullOrEmpty(resource.Meta?.Location))
        {
            throw new ArgumentException("A created resource needs meta.location for the Location header; build it with ScimStoredGroup.ToResource.", nameof(resource));
        }

        return WithResource(statusCode, resource.Meta, withLocation, ScimJson.ToUtf8Bytes(resource));
    }

    /// <summary>A 200 carrying a list of Groups.</summary>
    internal static ScimResponse List(ScimListResponse<ScimGroup> list) => Json(200, ScimJson.ToUtf8Bytes(list));

    private static ScimResponse WithResource(int statusCode, ScimMeta? meta, bool withLocation, byte[] body)
    {
        var headers = new List<KeyValuePair<string, string>>(3) { new(ContentTypeHeader, ScimContentType) };
        if (withLocation)
        {
            headers.Add(new(LocationHeader, meta!.Location!));
        }

        if (meta?.Version is { Length: > 0 } version)
        {
            headers.Add(new(ETagHeader, version));
        }

        return new ScimResponse(statusCode, [.. headers], body);
    }
}
