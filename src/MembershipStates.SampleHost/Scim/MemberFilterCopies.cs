using System.Globalization;
using System.Text.Json;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;

namespace MembershipStates.SampleHost.Scim;

/// <summary>
/// Computes what filters compare from a member's attributes: the folded copies of its single-valued attributes
/// (<see cref="MemberFilterColumns"/>) and the rows of its multi-valued ones (<see cref="MemberValue"/>).
/// </summary>
internal static class MemberFilterCopies
{
    /// <summary>The multi-valued attributes of a SCIM User whose values are <see cref="ScimMultiValue"/>s, by name.</summary>
    private static readonly (string Name, Func<ScimUser, IReadOnlyList<ScimMultiValue>?> Values, bool CaseExact)[] MultiValued =
    [
        ("emails", u => u.Emails, false),
        ("phoneNumbers", u => u.PhoneNumbers, false),
        ("ims", u => u.Ims, false),
        ("photos", u => u.Photos, false),
        ("entitlements", u => u.Entitlements, false),
        ("roles", u => u.Roles, false),
        ("x509Certificates", u => u.X509Certificates, true),
    ];

    /// <summary>Writes the folded copies of the single-valued attributes.</summary>
    public static void Write(MemberFilterColumns columns, ScimUser attributes)
    {
        columns.DisplayName = Fold(attributes.DisplayName);
        columns.NickName = Fold(attributes.NickName);
        columns.ProfileUrl = Fold(attributes.ProfileUrl);
        columns.Title = Fold(attributes.Title);
        columns.UserType = Fold(attributes.UserType);
        columns.PreferredLanguage = Fold(attributes.PreferredLanguage);
        columns.Locale = Fold(attributes.Locale);
        columns.Timezone = Fold(attributes.Timezone);
        columns.FormattedName = Fold(attributes.Name?.Formatted);
        columns.GivenName = Fold(attributes.Name?.GivenName);
        columns.FamilyName = Fold(attributes.Name?.FamilyName);
        columns.MiddleName = Fold(attributes.Name?.MiddleName);
        columns.HonorificPrefix = Fold(attributes.Name?.HonorificPrefix);
        columns.HonorificSuffix = Fold(attributes.Name?.HonorificSuffix);
        var enterprise = attributes.EnterpriseUser;
        columns.EmployeeNumber = Fold(enterprise?.EmployeeNumber);
        columns.CostCenter = Fold(enterprise?.CostCenter);
        columns.EnterpriseOrganization = Fold(enterprise?.Organization);
        columns.Division = Fold(enterprise?.Division);
        columns.Department = Fold(enterprise?.Department);
        columns.ManagerId = Fold(enterprise?.Manager?.Value);
        columns.ManagerDisplayName = Fold(enterprise?.Manager?.DisplayName);
        columns.ManagerReference = Fold(enterprise?.Manager?.Ref);
    }

    /// <summary>Returns a row for each value of each multi-valued attribute, in the order sent; none for a null in a list.</summary>
    public static IEnumerable<MemberValue> Values(int organizationId, string scimId, ScimUser attributes)
    {
        foreach (var (name, read, caseExact) in MultiValued)
        {
            var values = read(attributes) ?? [];
            for (var position = 0; position < values.Count; position++)
            {
                if (values[position] is { } value)
                {
                    yield return new MemberValue
                    {
                        OrganizationId = organizationId,
                        ScimId = scimId,
                        Attribute = name,
                        Position = position,
                        Value = caseExact ? value.Value : Fold(value.Value),
                        Display = Fold(value.Display),
                        Type = Fold(value.Type),
                        Primary = value.Primary,
                    };
                }
            }
        }

        var addresses = attributes.Addresses ?? [];
        for (var position = 0; position < addresses.Count; position++)
        {
            if (addresses[position] is { } address)
            {
                yield return new MemberValue
                {
                    OrganizationId = organizationId,
                    ScimId = scimId,
                    Attribute = "addresses",
                    Position = position,
                    Type = Fold(address.Type),
                    Primary = address.Primary,
                    Formatted = Fold(address.Formatted),
                    StreetAddress = Fold(address.StreetAddress),
                    Locality = Fold(address.Locality),
                    Region = Fold(address.Region),
                    PostalCode = Fold(address.PostalCode),
                    Country = Fold(address.Country),
                };
            }
        }
    }

    /// <summary>
    /// Returns a row for each value of each declared extension attribute the store keeps (<see cref="ExtensionAttributes"/>),
    /// in its typed column; none for a null or a value of another type (the operations refuse those before a commit).
    /// </summary>
    public static IEnumerable<MemberValue> ExtensionValues(int organizationId, string scimId, ScimUser attributes, ExtensionAttributes extensions)
    {
        if (attributes.AdditionalAttributes is not { Count: > 0 } additional)
        {
            yield break;
        }

        foreach (var (id, kept) in extensions.Extensions)
        {
            if (Property(additional, id) is not { ValueKind: JsonValueKind.Object } values)
            {
                continue;
            }

            foreach (var attribute in kept)
            {
                var value = Property(values, attribute.Attribute);
                if (attribute.SubAttribute is { } sub)
                {
                    value = value is { ValueKind: JsonValueKind.Object } complex ? Property(complex, sub) : null;
                }

                if (value is not { } found)
                {
                    continue;
                }

                var items = attribute.Declaration.MultiValued && found.ValueKind == JsonValueKind.Array ? [.. found.EnumerateArray()] : new[] { found };
                for (var position = 0; position < items.Length; position++)
                {
                    var row = new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = attribute.Path, Position = position };
                    if (Typed(row, items[position], attribute.Declaration))
                    {
                        yield return row;
                    }
                }
            }
        }
    }

    private static bool Typed(MemberValue row, JsonElement value, ScimAttributeDeclaration declaration)
    {
        switch (declaration.Type)
        {
            case ScimAttributeType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                row.Boolean = value.GetBoolean();
                return true;
            case ScimAttributeType.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer):
                row.Integer = integer;
                return true;
            case ScimAttributeType.Decimal when value.ValueKind == JsonValueKind.Number:
                row.Number = value.GetDouble();
                return true;

            // The operations accept xsd:dateTime strings only, which this reads as filters do: without an offset, UTC.
            case ScimAttributeType.DateTime when value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant):
                row.Instant = instant;
                return true;
            case ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary when value.ValueKind == JsonValueKind.String:
                row.Value = declaration.CaseExact ? value.GetString() : Fold(value.GetString());
                return true;
            default:
                return false;
        }
    }

    // Names in SCIM JSON ignore case (RFC 7643 §2.1).
    private static JsonElement? Property(IDictionary<string, JsonElement> properties, string name)
    {
        foreach (var (key, value) in properties)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static JsonElement? Property(JsonElement json, string name)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Fold(string? value) => value is null ? null : Normalization.Normalize(value);
}
