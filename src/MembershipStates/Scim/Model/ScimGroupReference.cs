using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// One entry of the read-only <c>groups</c> attribute of a SCIM User (RFC 7643 §4.1.2): what a group store returns
/// for a member, and what <see cref="ScimUser.Groups"/> holds.
/// </summary>
/// <remarks>
/// <para><c>groups</c> is read-only: a provider may send it (Okta sends <c>"groups": []</c> on create and replace),
/// and it is read so the request can be parsed, but group membership is never changed through a User.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimGroupReference
{
    /// <summary>Gets the <c>id</c> of the Group (<c>value</c>).</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Gets the URI of the Group resource (<c>$ref</c>).</summary>
    [JsonPropertyName("$ref")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A wire value is kept exactly as sent, even when it is not a valid URI.")]
    public string? Ref { get; init; }

    /// <summary>Gets the display name of the Group (<c>display</c>).</summary>
    [JsonPropertyName("display")]
    public string? Display { get; init; }

    /// <summary>Gets how the membership is held: <c>direct</c> or <c>indirect</c> (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the sub-attributes this type does not know, keyed by name as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
