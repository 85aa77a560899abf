using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// The <c>meta</c> attribute of a SCIM resource (RFC 7643 §3.1): its type, timestamps, version and location, as
/// <see cref="ScimResource.Meta"/> holds it.
/// </summary>
/// <remarks>
/// <para><c>meta</c> is read-only and belongs to the service provider: what a request sends is read (Okta echoes it
/// on a replace) and then ignored. <see cref="ScimUser.WithMembership"/> builds it from the lifecycle's
/// <see cref="MembershipSnapshot"/>.</para>
/// <para>Timestamps are written in UTC as <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c> (RFC 3339). When read, any
/// ISO 8601 date and time is accepted and a value that is not one reads as <see langword="null"/> rather than failing the
/// request, since the attribute is ignored anyway.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimMeta
{
    /// <summary>Gets the name of the resource type, such as <c>User</c> (<c>resourceType</c>).</summary>
    [JsonPropertyName("resourceType")]
    public string? ResourceType { get; init; }

    /// <summary>Gets when the resource was added to the service provider (<c>created</c>).</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(ScimDateTimeConverter))]
    public DateTimeOffset? Created { get; init; }

    /// <summary>Gets when the resource last changed (<c>lastModified</c>).</summary>
    [JsonPropertyName("lastModified")]
    [JsonConverter(typeof(ScimDateTimeConverter))]
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Gets the version of the resource, exactly its ETag, such as <c>W/"7"</c> (<c>version</c>).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>Gets the URI of the resource, the same as the <c>Location</c> header (<c>location</c>).</summary>
    [JsonPropertyName("location")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A wire value is kept exactly as sent, even when it is not a valid URI.")]
    public string? Location { get; init; }
}
