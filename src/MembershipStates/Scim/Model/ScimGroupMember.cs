using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// One entry of the <c>members</c> attribute of a SCIM Group (RFC 7643 §4.2): a user of the same organization, as
/// <see cref="ScimGroup.Members"/> and a stored group's members hold it.
/// </summary>
/// <remarks>
/// <para>A request needs only <c>value</c>, the user's SCIM id; Okta adds <c>display</c> and Microsoft Entra ID sends
/// <c>"$ref": null</c>, both read and ignored. A response carries <c>value</c>, <c>display</c>, <c>$ref</c> (the user's
/// URI) and <c>type</c> <c>User</c>.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed class ScimGroupMember
{
    /// <summary>Gets the SCIM <c>id</c> of the member's User (<c>value</c>).</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Gets a human-readable name of the member, such as its <c>userName</c> (<c>display</c>); read-only.</summary>
    [JsonPropertyName("display")]
    public string? Display { get; init; }

    /// <summary>Gets the URI of the member's User resource (<c>$ref</c>).</summary>
    [JsonPropertyName("$ref")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A wire value is kept exactly as sent, even when it is not a valid URI.")]
    public string? Ref { get; init; }

    /// <summary>Gets the kind of the member (<c>type</c>): <c>User</c>; groups of groups are not supported.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }
}
