using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MembershipStates.Scim;

/// <summary>
/// A SCIM User (RFC 7643 §4.1) with the enterprise extension (§4.3), as it travels on the wire.
/// </summary>
/// <remarks>
/// <para><b>A wire type.</b> Every attribute but <see cref="Active"/> is optional and is written only when it is not
/// <see langword="null"/>; an empty list is written as <c>[]</c>. Attribute names are read in any case (Entra and
/// Okta vary it) and written as RFC 7643 spells them. <see cref="UserName"/> and every other value keep their case.
/// Attributes this type does not know, at the top level (including extension schemas other than the enterprise one)
/// and inside complex attributes, are kept in <c>AdditionalAttributes</c> and written back as sent. Read and write
/// it with <see cref="ScimJson"/>.</para>
/// <para><b>password</b> is accepted on input (Okta sends a placeholder) and discarded while reading: it is never
/// held by this type and never written.</para>
/// <para><b>active</b> is always written, as <see langword="true"/> or <see langword="false"/>. A request that does
/// not send it reads as <see langword="true"/>, and <see cref="IsActiveSpecified"/> tells the two apart.</para>
/// <para><b>Relation to the lifecycle.</b> The lifecycle owns <c>id</c>, <c>active</c> and <c>meta</c>; the host
/// owns every other attribute. <see cref="WithMembership"/> is the one place where they meet: it copies the
/// attributes and takes <c>id</c> from <see cref="MembershipSnapshot.Id"/>, <c>active</c> from
/// <see cref="MembershipSnapshot.State"/> (<see cref="MembershipState.Active"/> is <see langword="true"/>,
/// <see cref="MembershipState.Inactive"/> is <see langword="false"/>), and <c>meta.version</c>, <c>meta.created</c>
/// and <c>meta.lastModified</c> from the snapshot's version and timestamps. What a request sends for <c>id</c>,
/// <c>meta</c> or <c>groups</c> is read but decides nothing; a <see cref="MembershipState.NotMember"/> has no
/// resource at all.</para>
/// <para>Not thread-safe while being initialized; safe to share once built and no longer changed.</para>
/// </remarks>
public sealed partial class ScimUser : ScimResource, IJsonOnDeserialized
{
    private const string PasswordAttribute = "password";

    private bool? _active;

    /// <summary>Initializes a new instance of the <see cref="ScimUser"/> class with no attributes.</summary>
    public ScimUser()
    {
    }

    private ScimUser(ScimUser other)
    {
        Schemas = other.Schemas;
        Id = other.Id;
        ExternalId = other.ExternalId;
        UserName = other.UserName;
        Name = other.Name;
        DisplayName = other.DisplayName;
        NickName = other.NickName;
        ProfileUrl = other.ProfileUrl;
        Title = other.Title;
        UserType = other.UserType;
        PreferredLanguage = other.PreferredLanguage;
        Locale = other.Locale;
        Timezone = other.Timezone;
        _active = other._active;
        Emails = other.Emails;
        PhoneNumbers = other.PhoneNumbers;
        Ims = other.Ims;
        Photos = other.Photos;
        Addresses = other.Addresses;
        Groups = other.Groups;
        Roles = other.Roles;
        Entitlements = other.Entitlements;
        X509Certificates = other.X509Certificates;
        EnterpriseUser = other.EnterpriseUser;
        Meta = other.Meta;
        AdditionalAttributes = other.AdditionalAttributes is null
            ? null
            : new Dictionary<string, JsonElement>(other.AdditionalAttributes, StringComparer.Ordinal);
    }

    /// <summary>Gets the unique user name (<c>userName</c>), kept exactly as sent.</summary>
    /// <remarks>Unique per organization and compared case-insensitively (<c>caseExact: false</c>); never changed in case.</remarks>
    [JsonPropertyName("userName")]
    [JsonPropertyOrder(-7)]
    public string? UserName { get; init; }

    /// <summary>Gets the components of the user's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public ScimName? Name { get; init; }

    /// <summary>Gets the name to display (<c>displayName</c>).</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the casual name (<c>nickName</c>).</summary>
    [JsonPropertyName("nickName")]
    public string? NickName { get; init; }

    /// <summary>Gets the URL of the user's online profile (<c>profileUrl</c>).</summary>
    [JsonPropertyName("profileUrl")]
    [SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "A wire value is kept exactly as sent, even when it is not a valid URI.")]
    public string? ProfileUrl { get; init; }

    /// <summary>Gets the user's title, such as "Vice President" (<c>title</c>).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Gets the relationship to the organization, such as "Employee" (<c>userType</c>).</summary>
    [JsonPropertyName("userType")]
    public string? UserType { get; init; }

    /// <summary>Gets the preferred written or spoken language, such as <c>en-US</c> (<c>preferredLanguage</c>).</summary>
    [JsonPropertyName("preferredLanguage")]
    public string? PreferredLanguage { get; init; }

    /// <summary>Gets the default location for localization, such as <c>en-US</c> (<c>locale</c>).</summary>
    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    /// <summary>Gets the time zone, as an IANA name such as <c>America/Los_Angeles</c> (<c>timezone</c>).</summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; init; }

    /// <summary>Gets the administrative status (<c>active</c>), always written; <see langword="true"/> when a request did not send it.</summary>
    /// <remarks>Read from a JSON boolean or from the strings <c>"true"</c> and <c>"false"</c> in any case, as
    /// Microsoft Entra ID sends them; always written as a JSON boolean.</remarks>
    [JsonIgnore]
    public bool Active
    {
        get => _active ?? true;
        init => _active = value;
    }

    /// <summary>Gets a value indicating whether <see cref="Active"/> was set, by a request or in code.</summary>
    /// <remarks>A replace (<c>PUT</c>) that leaves <c>active</c> out changes only the profile; this tells it apart from one that sends <c>true</c>.</remarks>
    [JsonIgnore]
    public bool IsActiveSpecified => _active.HasValue;

    // The serializer's view of `active`: a plain setter, called only when the member is present. An init-only
    // property would be filled through the generated constructor call, with false when the member is absent.
    [JsonInclude]
    [JsonPropertyName("active")]
    [JsonConverter(typeof(ScimBooleanConverter))]
    internal bool ActiveMember
    {
        get => Active;
        set => _active = value;
    }

    /// <summary>Gets the e-mail addresses (<c>emails</c>).</summary>
    [JsonPropertyName("emails")]
    public IReadOnlyList<ScimMultiValue>? Emails { get; init; }

    /// <summary>Gets the phone numbers (<c>phoneNumbers</c>).</summary>
    [JsonPropertyName("phoneNumbers")]
    public IReadOnlyList<ScimMultiValue>? PhoneNumbers { get; init; }

    /// <summary>Gets the instant messaging addresses (<c>ims</c>).</summary>
    [JsonPropertyName("ims")]
    public IReadOnlyList<ScimMultiValue>? Ims { get; init; }

    /// <summary>Gets the URLs of photos of the user (<c>photos</c>).</summary>
    [JsonPropertyName("photos")]
    public IReadOnlyList<ScimMultiValue>? Photos { get; init; }

    /// <summary>Gets the physical mailing addresses (<c>addresses</c>).</summary>
    [JsonPropertyName("addresses")]
    public IReadOnlyList<ScimAddress>? Addresses { get; init; }

    /// <summary>Gets the groups the user belongs to (<c>groups</c>); read-only, never changed through a User.</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<ScimGroupReference>? Groups { get; init; }

    /// <summary>Gets the roles (<c>roles</c>).</summary>
    [JsonPropertyName("roles")]
    public IReadOnlyList<ScimMultiValue>? Roles { get; init; }

    /// <summary>Gets the entitlements (<c>entitlements</c>).</summary>
    [JsonPropertyName("entitlements")]
    public IReadOnlyList<ScimMultiValue>? Entitlements { get; init; }

    /// <summary>Gets the base64-encoded DER X.509 certificates (<c>x509Certificates</c>).</summary>
    [JsonPropertyName("x509Certificates")]
    public IReadOnlyList<ScimMultiValue>? X509Certificates { get; init; }

    /// <summary>Gets the enterprise extension attributes, under the key <see cref="ScimSchemaUris.EnterpriseUser"/>.</summary>
    [JsonPropertyName(ScimSchemaUris.EnterpriseUser)]
    public ScimEnterpriseUser? EnterpriseUser { get; init; }

    /// <summary>Gets the top-level attributes this type does not know, including unknown extension schemas, keyed by name as sent.</summary>
    /// <remarks>They are written back after the known attributes, in the order they were read. <c>password</c> is
    /// never among them.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }

    /// <inheritdoc />
    void IJsonOnDeserialized.OnDeserialized() => RemovePassword();

    internal void RemovePassword()
    {
        if (AdditionalAttributes is not { Count: > 0 } attributes)
        {
            return;
        }

        List<string>? passwords = null;
        foreach (var key in attributes.Keys)
        {
            if (string.Equals(key, PasswordAttribute, StringComparison.OrdinalIgnoreCase))
            {
                (passwords ??= []).Add(key);
            }
        }

        if (passwords is not null)
        {
            foreach (var key in passwords)
            {
                attributes.Remove(key);
            }

            if (attributes.Count == 0)
            {
                AdditionalAttributes = null;
            }
        }
    }
}
