using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// The enterprise User extension (RFC 7643 §4.3), found in a User under the key
/// <see cref="ScimSchemaUris.EnterpriseUser"/>.
/// </summary>
/// <remarks>
/// <para>A wire type: every attribute is optional and is written only when it is not <see langword="null"/>.
/// Attributes this type does not know are kept in <see cref="AdditionalAttributes"/> and written back as sent.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimEnterpriseUser
{
    /// <summary>Gets the identifier the organization assigned to the user (<c>employeeNumber</c>).</summary>
    [JsonPropertyName("employeeNumber")]
    public string? EmployeeNumber { get; init; }

    /// <summary>Gets the name of the cost center (<c>costCenter</c>).</summary>
    [JsonPropertyName("costCenter")]
    public string? CostCenter { get; init; }

    /// <summary>Gets the name of the organization (<c>organization</c>).</summary>
    [JsonPropertyName("organization")]
    public string? Organization { get; init; }

    /// <summary>Gets the name of the division (<c>division</c>).</summary>
    [JsonPropertyName("division")]
    public string? Division { get; init; }

    /// <summary>Gets the name of the department (<c>department</c>).</summary>
    [JsonPropertyName("department")]
    public string? Department { get; init; }

    /// <summary>Gets the user's manager (<c>manager</c>).</summary>
    [JsonPropertyName("manager")]
    [JsonConverter(typeof(ScimManagerConverter))]
    public ScimManager? Manager { get; init; }

    /// <summary>Gets the attributes this type does not know, keyed by name as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
