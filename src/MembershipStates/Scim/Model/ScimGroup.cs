using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// A SCIM Group (RFC 7643 §4.2) as it travels on the wire: a named set of the organization's users.
/// </summary>
/// <remarks>
/// <para><b>A wire type.</b> Every attribute is optional on the wire and written only when it is not
/// <see langword="null"/>; <see cref="DisplayName"/> is required in a request and checked when the request is read
/// (<c>ScimGroupOperations.ParseGroup</c>). Attribute names are read in any case and written as RFC 7643
/// spells them; values keep their case. Read and write it with <see cref="ScimJson"/>.</para>
/// <para><b>What a service provider keeps.</b> <c>displayName</c> (unique within the organization, compared
/// case-insensitively), <c>externalId</c> and the <c>members</c>; <c>id</c> and <c>meta</c> are its own. Other
/// attributes a request sends, such as Microsoft Entra ID's
/// <c>urn:ietf:params:scim:schemas:extension:Microsoft:AzureADSCIM:2.0:Group</c> extension, are read and
/// ignored.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimGroup : ScimResource
{
    /// <summary>Gets the name of the group (<c>displayName</c>), kept exactly as sent.</summary>
    /// <remarks>Required; unique within the organization, compared case-insensitively (<c>caseExact: false</c>).</remarks>
    [JsonPropertyName("displayName")]
    [JsonPropertyOrder(-7)]
    public string? DisplayName { get; init; }

    /// <summary>Gets the members of the group (<c>members</c>): users of the same organization, Active or Inactive.</summary>
    /// <remarks>Absent from a response when the request excludes it (<c>excludedAttributes=members</c>).</remarks>
    [JsonPropertyName("members")]
    public IReadOnlyList<ScimGroupMember>? Members { get; init; }
}
