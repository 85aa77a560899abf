using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// One value of a multi-valued attribute of a SCIM User: an entry of <c>emails</c>, <c>phoneNumbers</c>,
/// <c>ims</c>, <c>photos</c>, <c>roles</c>, <c>entitlements</c> or <c>x509Certificates</c> (RFC 7643 §2.4, §4.1.2), as
/// the lists of <see cref="ScimUser"/> hold them.
/// </summary>
/// <remarks>
/// <para>A wire type holding the standard sub-attributes <c>value</c>, <c>display</c>, <c>type</c>, <c>primary</c>
/// and <c>$ref</c>; each is written only when it is not <see langword="null"/>. Other sub-attributes are kept in
/// <see cref="AdditionalAttributes"/> and written back as sent.</para>
/// <para><c>primary</c> is read from a JSON boolean or from the strings <c>"true"</c> and <c>"false"</c> in any
/// case, as some providers send it, and always written as a JSON boolean.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimMultiValue
{
    /// <summary>Gets the value: an address, a number, a handle, a URL or a certificate, as the attribute defines (<c>value</c>).</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Gets a human-readable form of the value (<c>display</c>).</summary>
    [JsonPropertyName("display")]
    public string? Display { get; init; }

    /// <summary>Gets the label of the value's function, such as <c>work</c> or <c>home</c> (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets a value indicating whether this is the primary value of the attribute (<c>primary</c>); <see langword="null"/> when not sent.</summary>
    [JsonPropertyName("primary")]
    [JsonConverter(typeof(ScimBooleanConverter))]
    public bool? Primary { get; init; }

    /// <summary>Gets the URI of a SCIM resource the value refers to (<c>$ref</c>).</summary>
    [JsonPropertyName("$ref")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A wire value is kept exactly as sent, even when it is not a valid URI.")]
    public string? Ref { get; init; }

    /// <summary>Gets the sub-attributes this type does not know, keyed by name as sent.</summary>
    /// <remarks>They are written back after the known sub-attributes, in the order they were read.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
