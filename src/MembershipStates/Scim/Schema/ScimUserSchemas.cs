using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// The definitions of the core User schema (RFC 7643 §3.1, §4.1, §8.7.1) and the enterprise User extension
/// (RFC 7643 §4.3, §8.7.1), with the characteristics the RFC gives each attribute.
/// </summary>
internal static class ScimUserSchemas
{
    /// <summary>Gets the core User schema, common attributes included.</summary>
    public static ScimSchemaDefinition User { get; } = new(
        ScimSchemaIds.User,
        "User",
        "User Account",
        [
            .. ScimCommonAttributes.Of("User"),
            new()
            {
                Name = "userName",
                Description = "Unique identifier the User signs in with. Each User has a non-empty userName.",
                Required = true,
                Uniqueness = ScimUniqueness.Server,
            },
            new()
            {
                Name = "name",
                Type = ScimAttributeType.Complex,
                Description = "The components of the User's real name.",
                SubAttributes =
                [
                    Text("formatted", "The full name, formatted for display."),
                    Text("familyName", "The family name (last name in most Western languages)."),
                    Text("givenName", "The given name (first name in most Western languages)."),
                    Text("middleName", "The middle name(s)."),
                    Text("honorificPrefix", "The honorific prefix(es), such as 'Ms.'."),
                    Text("honorificSuffix", "The honorific suffix(es), such as 'III'."),
                ],
            },
            Text("displayName", "The name of the User, suitable for display."),
            Text("nickName", "The casual way to address the User."),
            new()
            {
                Name = "profileUrl",
                Type = ScimAttributeType.Reference,
                ReferenceTypes = ["external"],
                Description = "URI of the User's online profile.",
            },
            Text("title", "The User's title, such as 'Vice President'."),
            Text("userType", "The relationship between the organization and the User, such as 'Employee' or 'Contractor'."),
            Text("preferredLanguage", "The User's preferred written or spoken language, as an Accept-Language value."),
            Text("locale", "The User's default location for localization, such as 'en-US'."),
            Text("timezone", "The User's time zone, in the IANA database format, such as 'America/Los_Angeles'."),
            new()
            {
                Name = "active",
                Type = ScimAttributeType.Boolean,
                Description = "The User's administrative status.",
            },
            new()
            {
                Name = "password",
                Description = "The User's cleartext password, used to set or compare it; never returned.",
                Mutability = ScimMutability.WriteOnly,
                Returned = ScimReturned.Never,
            },
            MultiValued(
                "emails",
                "Email addresses of the User.",
                Text("value", "Email address, canonicalized as RFC 5321 specifies."),
                ["work", "home", "other"]),
            MultiValued(
                "phoneNumbers",
                "Phone numbers of the User.",
                Text("value", "Phone number, canonicalized as RFC 3966 specifies."),
                ["work", "home", "mobile", "fax", "pager", "other"]),
            MultiValued(
                "ims",
                "Instant messaging addresses of the User.",
                Text("value", "Instant messaging address."),
                ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
            MultiValued(
                "photos",
                "URLs of images of the User.",
                new() { Name = "value", Type = ScimAttributeType.Reference, ReferenceTypes = ["external"], Description = "URL of a photo of the User." },
                ["photo", "thumbnail"]),
            new()
            {
                Name = "addresses",
                Type = ScimAttributeType.Complex,
                MultiValued = true,
                Description = "Physical mailing addresses of the User.",
                SubAttributes =
                [
                    Text("formatted", "The full mailing address, formatted for display."),
                    Text("streetAddress", "The street address."),
                    Text("locality", "The city or locality."),
                    Text("region", "The state or region."),
                    Text("postalCode", "The zip or postal code."),
                    Text("country", "The country, as an ISO 3166-1 alpha-2 code."),
                    new() { Name = "type", Description = "A label indicating the address's function.", CanonicalValues = ["work", "home", "other"] },
                    Primary(),
                ],
            },
            new()
            {
                Name = "groups",
                Type = ScimAttributeType.Complex,
                MultiValued = true,
                Description = "Groups the User belongs to, directly or indirectly; managed through the Group resource.",
                Mutability = ScimMutability.ReadOnly,
                SubAttributes =
                [
                    ScimAttributeDefinition.ReadOnly("value", "The identifier of the Group."),
                    ScimAttributeDefinition.ReadOnly("$ref", "The URI of the Group.", type: ScimAttributeType.Reference, referenceTypes: ["User", "Group"]),
                    ScimAttributeDefinition.ReadOnly("display", "A human-readable name of the Group."),
                    new()
                    {
                        Name = "type",
                        Description = "How the User belongs to the Group.",
                        CanonicalValues = ["direct", "indirect"],
                        Mutability = ScimMutability.ReadOnly,
                    },
                ],
            },
            MultiValued("entitlements", "Entitlements of the User.", Text("value", "The value of an entitlement."), []),
            MultiValued("roles", "Roles of the User.", Text("value", "The value of a role."), []),
            MultiValued(
                "x509Certificates",
                "X.509 certificates issued to the User.",
                new() { Name = "value", Type = ScimAttributeType.Binary, CaseExact = true, Description = "The DER-encoded certificate, base64-encoded." },
                []),
        ]);

    /// <summary>Gets the enterprise User extension.</summary>
    public static ScimSchemaDefinition EnterpriseUser { get; } = new(
        ScimSchemaIds.EnterpriseUser,
        "EnterpriseUser",
        "Enterprise User",
        [
            Text("employeeNumber", "Identifier of the User, typically assigned by the organization."),
            Text("costCenter", "The name of a cost center."),
            Text("organization", "The name of an organization."),
            Text("division", "The name of a division."),
            Text("department", "The name of a department."),
            new()
            {
                Name = "manager",
                Type = ScimAttributeType.Complex,
                Description = "The User's manager.",
                SubAttributes =
                [
                    Text("value", "The id of the manager's SCIM resource."),
                    new()
                    {
                        Name = "$ref",
                        Type = ScimAttributeType.Reference,
                        ReferenceTypes = ["User"],
                        Description = "The URI of the manager's SCIM resource.",
                    },
                    ScimAttributeDefinition.ReadOnly("displayName", "The display name of the manager."),
                ],
            },
        ]);

    private static ScimAttributeDefinition Text(string name, string description) =>
        new() { Name = name, Description = description };

    private static ScimAttributeDefinition Primary() =>
        new()
        {
            Name = "primary",
            Type = ScimAttributeType.Boolean,
            Description = "Whether this is the preferred value; at most one value is primary.",
        };

    /// <summary>The multi-valued complex pattern of RFC 7643 §2.4: value, display, type and primary.</summary>
    private static ScimAttributeDefinition MultiValued(
        string name,
        string description,
        ScimAttributeDefinition value,
        ImmutableArray<string> canonicalTypes) =>
        new()
        {
            Name = name,
            Type = ScimAttributeType.Complex,
            MultiValued = true,
            Description = description,
            SubAttributes =
            [
                value,
                Text("display", "A human-readable name, primarily used for display."),
                new() { Name = "type", Description = "A label indicating the value's function.", CanonicalValues = canonicalTypes },
                Primary(),
            ],
        };
}
