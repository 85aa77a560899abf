using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// A SCIM error response body (RFC 7644 §3.12): HTTP status, optional <c>scimType</c> and a detail message.
/// </summary>
/// <remarks>
/// <para>Written as <c>{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404","detail":"…"}</c>:
/// <c>status</c> is a JSON <b>string</b>, as the RFC's examples, Okta's test suites and Microsoft's validator
/// require; <c>scimType</c> appears only when set.</para>
/// <para>Build one with the factories; each has a default detail, so <see cref="Detail"/> is never empty. The
/// status is always one of 400, 401, 403, 404, 405, 409, 412, 413, 415, 500 and 501. A detail is shown to the provider's
/// administrators: never put secrets, stack traces or attribute values such as passwords in it.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimError
{
    private static readonly string[] ErrorSchemas = [ScimSchemaUris.Error];

    private ScimError(int status, string? scimType, string? detail, string defaultDetail)
    {
        Status = status;
        ScimType = scimType;
        Detail = string.IsNullOrWhiteSpace(detail) ? defaultDetail : detail;
    }

    /// <summary>Gets the schema URIs of the message: only <see cref="ScimSchemaUris.Error"/>.</summary>
    [JsonPropertyName("schemas")]
    [JsonPropertyOrder(0)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A wire member: the serializer writes instance properties only.")]
    public IReadOnlyList<string> Schemas => ErrorSchemas;

    /// <summary>Gets the HTTP status code, written as a JSON string (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    [JsonPropertyOrder(1)]
    [JsonConverter(typeof(ScimStatusConverter))]
    public int Status { get; }

    /// <summary>Gets the SCIM detail error keyword, one of <see cref="ScimErrorTypes"/>, or <see langword="null"/> (<c>scimType</c>).</summary>
    [JsonPropertyName("scimType")]
    [JsonPropertyOrder(2)]
    public string? ScimType { get; }

    /// <summary>Gets the human-readable message (<c>detail</c>); never empty.</summary>
    [JsonPropertyName("detail")]
    [JsonPropertyOrder(3)]
    public string Detail { get; }

    /// <summary>Creates a 400 <c>invalidFilter</c> error: the filter is malformed or uses what is not supported.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError InvalidFilter(string? detail = null) =>
        new(400, ScimErrorTypes.InvalidFilter, detail, "The filter is not valid or not supported.");

    /// <summary>Creates a 400 <c>tooMany</c> error: the query would return more results than allowed.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError TooMany(string? detail = null) =>
        new(400, ScimErrorTypes.TooMany, detail, "The query yields more results than the service provider returns.");

    /// <summary>Creates a 409 <c>uniqueness</c> error: a unique value, such as the <c>userName</c>, is already in use.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError Uniqueness(string? detail = null) =>
        new(409, ScimErrorTypes.Uniqueness, detail, "A resource with the same unique attribute value already exists.");

    /// <summary>Creates a 400 <c>mutability</c> error: the request changes an immutable or read-only attribute.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError Mutability(string? detail = null) =>
        new(400, ScimErrorTypes.Mutability, detail, "The request changes an attribute that cannot be changed.");

    /// <summary>Creates a 400 <c>invalidSyntax</c> error: the body is not valid JSON or not the expected message.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError InvalidSyntax(string? detail = null) =>
        new(400, ScimErrorTypes.InvalidSyntax, detail, "The request body is not a valid SCIM message.");

    /// <summary>Creates a 400 <c>invalidPath</c> error: a PATCH path is malformed or names an unsupported attribute.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError InvalidPath(string? detail = null) =>
        new(400, ScimErrorTypes.InvalidPath, detail, "The attribute path is not valid or not supported.");

    /// <summary>Creates a 400 <c>noTarget</c> error: a PATCH path matched nothing it could act on.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError NoTarget(string? detail = null) =>
        new(400, ScimErrorTypes.NoTarget, detail, "The attribute path matched no value.");

    /// <summary>Creates a 400 <c>invalidValue</c> error: a value is missing, of the wrong type, or not allowed.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError InvalidValue(string? detail = null) =>
        new(400, ScimErrorTypes.InvalidValue, detail, "A value is missing or not valid for its attribute.");

    /// <summary>Creates a 400 <c>invalidVers</c> error: the protocol version is not supported.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError InvalidVersion(string? detail = null) =>
        new(400, ScimErrorTypes.InvalidVersion, detail, "The SCIM protocol version is not supported.");

    /// <summary>Creates a 403 <c>sensitive</c> error: the request put sensitive information in the URI.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError Sensitive(string? detail = null) =>
        new(403, ScimErrorTypes.Sensitive, detail, "The request carries sensitive information in its URI.");

    /// <summary>Creates a 400 error without a <c>scimType</c>, for a bad request no keyword describes.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError BadRequest(string? detail = null) =>
        new(400, null, detail, "The request is not valid.");

    /// <summary>Creates a 401 error: the request has no valid credentials.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError Unauthorized(string? detail = null) =>
        new(401, null, detail, "Authorization failure: the bearer token is missing or not valid.");

    /// <summary>Creates a 403 error: the credentials do not allow the operation.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError Forbidden(string? detail = null) =>
        new(403, null, detail, "The operation is not allowed.");

    /// <summary>Creates a 404 error: the resource does not exist, or no longer does.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError NotFound(string? detail = null) =>
        new(404, null, detail, "Resource not found.");

    /// <summary>Creates a 404 error for the resource with the given id.</summary>
    /// <param name="id">The id the request named; <see langword="null"/> for the default detail.</param>
    /// <returns>The error, with a detail that names the id.</returns>
    public static ScimError ResourceNotFound(string? id) =>
        NotFound(string.IsNullOrEmpty(id) ? null : $"Resource {id} not found.");

    /// <summary>
    /// Creates a 409 error without a <c>scimType</c>: the request conflicts with the resource's current state in a
    /// way that is no uniqueness violation, such as concurrent changes that kept winning every retry.
    /// </summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    /// <remarks>A 409 that a unique value causes is <see cref="Uniqueness"/>: RFC 7644 §3.12 gives it its
    /// <c>scimType</c>, and providers act on it (Okta then looks the user up and links it).</remarks>
    public static ScimError Conflict(string? detail = null) =>
        new(409, null, detail, "The request conflicts with the current state of the resource; nothing was changed. Read it and retry.");

    /// <summary>Creates a 412 error: the <c>If-Match</c> or <c>If-None-Match</c> precondition failed; nothing was changed.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError PreconditionFailed(string? detail = null) =>
        new(412, null, detail, "The resource version does not match the precondition; nothing was changed.");

    /// <summary>Creates a 413 error: the request body is larger than the service provider accepts.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError PayloadTooLarge(string? detail = null) =>
        new(413, null, detail, "The request body is too large.");

    /// <summary>Creates a 415 error: the request body is not JSON (RFC 7644 §3.1 and §3.8).</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError UnsupportedMediaType(string? detail = null) =>
        new(415, null, detail, "The request body must be 'application/scim+json' or 'application/json'.");

    /// <summary>Creates a 405 error: the resource exists but does not allow the request's method.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    /// <remarks>Internal: its response must carry an <c>Allow</c> header (RFC 9110 §15.5.6), so callers build it
    /// with <see cref="ScimResponse.MethodNotAllowed"/>.</remarks>
    internal static ScimError MethodNotAllowed(string? detail = null) =>
        new(405, null, detail, "The resource does not allow this method.");

    /// <summary>Creates a 500 error: the service provider failed. Never put exception details in it.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError InternalServerError(string? detail = null) =>
        new(500, null, detail, "The service provider failed to process the request.");

    /// <summary>Creates a 501 error: the operation or feature is not implemented, such as bulk or sorting.</summary>
    /// <param name="detail">The message; a default one when <see langword="null"/> or blank.</param>
    /// <returns>The error.</returns>
    public static ScimError NotImplemented(string? detail = null) =>
        new(501, null, detail, "The operation is not supported by this service provider.");

    /// <summary>Returns the response that answers the request with this error.</summary>
    /// <returns>The response: this status, the SCIM content type and this body.</returns>
    public ScimResponse ToResponse() => ScimResponse.FromError(this);

    /// <inheritdoc />
    public override string ToString() =>
        ScimType is null ? $"{Status}: {Detail}" : $"{Status} {ScimType}: {Detail}";
}
