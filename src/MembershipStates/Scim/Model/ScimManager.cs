using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// The <c>manager</c> attribute of the enterprise User extension (RFC 7643 §4.3), as
/// <see cref="ScimEnterpriseUser.Manager"/> holds it.
/// </summary>
/// <remarks>
/// <para>Read from an object (<c>{"value": "…"}</c>) or, as Microsoft Entra ID may send it, from a bare string
/// that is the manager's id; an empty string or <see langword="null"/> reads as no manager. Always written as an
/// object.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimManager
{
    /// <summary>Gets the <c>id</c> of the manager's SCIM User (<c>value</c>).</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Gets the URI of the manager's SCIM User (<c>$ref</c>).</summary>
    [JsonPropertyName("$ref")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A wire value is kept exactly as sent, even when it is not a valid URI.")]
    public string? Ref { get; init; }

    /// <summary>Gets the manager's display name (<c>displayName</c>); read-only in SCIM, kept as sent.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the sub-attributes this type does not know, keyed by name as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
