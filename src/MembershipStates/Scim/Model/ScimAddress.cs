using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// One entry of the <c>addresses</c> attribute of a SCIM User (RFC 7643 §4.1.2), as
/// <see cref="ScimUser.Addresses"/> holds it.
/// </summary>
/// <remarks>
/// <para>A wire type: every sub-attribute is optional and is written only when it is not <see langword="null"/>.
/// Sub-attributes this type does not know are kept in <see cref="AdditionalAttributes"/> and written back as sent.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimAddress
{
    /// <summary>Gets the full mailing address, formatted for display (<c>formatted</c>).</summary>
    [JsonPropertyName("formatted")]
    public string? Formatted { get; init; }

    /// <summary>Gets the street address: house number, street name, P.O. box (<c>streetAddress</c>).</summary>
    [JsonPropertyName("streetAddress")]
    public string? StreetAddress { get; init; }

    /// <summary>Gets the city or locality (<c>locality</c>).</summary>
    [JsonPropertyName("locality")]
    public string? Locality { get; init; }

    /// <summary>Gets the state or region (<c>region</c>).</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>Gets the zip code or postal code (<c>postalCode</c>).</summary>
    [JsonPropertyName("postalCode")]
    public string? PostalCode { get; init; }

    /// <summary>Gets the country, as an ISO 3166-1 alpha-2 code (<c>country</c>).</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>Gets the label of the address, such as <c>work</c> or <c>home</c> (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets a value indicating whether this is the primary address (<c>primary</c>); <see langword="null"/> when not sent.</summary>
    [JsonPropertyName("primary")]
    [JsonConverter(typeof(ScimBooleanConverter))]
    public bool? Primary { get; init; }

    /// <summary>Gets the sub-attributes this type does not know, keyed by name as sent.</summary>
    /// <remarks>They are written back after the known sub-attributes, in the order they were read.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
