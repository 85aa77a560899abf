using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// The attributes every SCIM resource has (RFC 7643 §3, §3.1): <c>schemas</c>, <c>id</c>, <c>externalId</c> and
/// <c>meta</c>, shared by <see cref="ScimUser"/> and <see cref="ScimGroup"/> so that code handling either reads
/// them alike.
/// </summary>
/// <remarks>On the wire <c>schemas</c>, <c>id</c> and <c>externalId</c> come first and <c>meta</c> after the
/// resource's own attributes.</remarks>
public abstract class ScimResource
{
    /// <summary>Initializes a resource with no attributes set.</summary>
    private protected ScimResource()
    {
    }

    /// <summary>Gets the schema URIs the representation uses (<c>schemas</c>).</summary>
    /// <remarks>A response lists the schemas of the attributes it holds; a request's list is kept as sent.</remarks>
    [JsonPropertyName("schemas")]
    [JsonPropertyOrder(-10)]
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>Gets the SCIM id the service provider assigned (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-9)]
    public string? Id { get; init; }

    /// <summary>Gets the identifier the provisioning client assigned (<c>externalId</c>); kept as sent, case included.</summary>
    [JsonPropertyName("externalId")]
    [JsonPropertyOrder(-8)]
    public string? ExternalId { get; init; }

    /// <summary>Gets the resource metadata (<c>meta</c>); owned by the service provider.</summary>
    [JsonPropertyName("meta")]
    [JsonPropertyOrder(100)]
    public ScimMeta? Meta { get; init; }
}
