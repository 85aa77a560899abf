using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// The <c>name</c> complex attribute of a SCIM User (RFC 7643 §4.1.1), as <see cref="ScimUser.Name"/> holds it.
/// </summary>
/// <remarks>
/// <para>A wire type: every sub-attribute is optional and is written only when it is not <see langword="null"/>.
/// Sub-attributes this type does not know are kept in <see cref="AdditionalAttributes"/> and written back as sent.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimName
{
    /// <summary>Gets the full name, formatted for display (<c>formatted</c>).</summary>
    [JsonPropertyName("formatted")]
    public string? Formatted { get; init; }

    /// <summary>Gets the family name, or last name (<c>familyName</c>).</summary>
    [JsonPropertyName("familyName")]
    public string? FamilyName { get; init; }

    /// <summary>Gets the given name, or first name (<c>givenName</c>).</summary>
    [JsonPropertyName("givenName")]
    public string? GivenName { get; init; }

    /// <summary>Gets the middle name or names (<c>middleName</c>).</summary>
    [JsonPropertyName("middleName")]
    public string? MiddleName { get; init; }

    /// <summary>Gets the honorific prefix, or title, such as "Ms." (<c>honorificPrefix</c>).</summary>
    [JsonPropertyName("honorificPrefix")]
    public string? HonorificPrefix { get; init; }

    /// <summary>Gets the honorific suffix, such as "III" (<c>honorificSuffix</c>).</summary>
    [JsonPropertyName("honorificSuffix")]
    public string? HonorificSuffix { get; init; }

    /// <summary>Gets the sub-attributes this type does not know, keyed by name as sent.</summary>
    /// <remarks>They are written back after the known sub-attributes, in the order they were read.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
