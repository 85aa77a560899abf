using System.Text.Json.Nodes;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// Leaves out of a user what no schema of the server declares, so that what a host stores is exactly what
/// <c>/Schemas</c> describes.
/// </summary>
/// <remarks>
/// <para>A <c>POST</c> or <c>PUT</c> (and the values a <c>PATCH</c> sends) may carry attributes, sub-attributes and
/// extension schemas the server does not declare; RFC 7644 §3.3 lets a service provider ignore them, and Okta sends
/// the attributes of its own profile extensions to every app. They are dropped, not refused. A <c>PATCH</c>
/// <em>path</em> naming one is refused instead (400 <c>invalidPath</c>): the request asks for that attribute by name.</para>
/// <para>Thread-safe: pure functions.</para>
/// </remarks>
internal static class ScimUndeclaredAttributes
{
    /// <summary>Returns the user without the attributes no schema declares; the same instance when it has none.</summary>
    /// <param name="user">The user.</param>
    /// <param name="catalog">The schemas the server declares.</param>
    /// <returns>The user, or a copy without its undeclared attributes.</returns>
    public static ScimUser Drop(ScimUser user, ScimAttributeCatalog catalog)
    {
        if (!HasAny(user))
        {
            return user;
        }

        var json = ScimJson.ToJsonObject(user);
        foreach (var (key, value) in json.ToList())
        {
            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (catalog.ResourceSchema.FindAttribute(key) is { } attribute)
            {
                DropSubAttributes(attribute, value);
            }
            else if (catalog.FindSchema(key) is { } extension && !catalog.IsResourceSchema(extension.Id) && value is JsonObject attributes)
            {
                foreach (var (name, member) in attributes.ToList())
                {
                    if (extension.FindAttribute(name) is { } declared)
                    {
                        DropSubAttributes(declared, member);
                    }
                    else
                    {
                        attributes.Remove(name);
                    }
                }
            }
            else
            {
                json.Remove(key);
            }
        }

        // The JSON came from a valid user and lost members only: it reads back.
        return ScimJson.FromJsonObject(json).TryGetValue(out var dropped) ? dropped : user;
    }

    private static void DropSubAttributes(ScimAttributeDefinition attribute, JsonNode? value)
    {
        if (!attribute.IsComplex)
        {
            return;
        }

        foreach (var element in value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject single ? [single] : [])
        {
            foreach (var (name, _) in element.ToList())
            {
                if (attribute.FindSubAttribute(name) is null)
                {
                    element.Remove(name);
                }
            }
        }
    }

    // The typed model holds declared attributes only; anything else sits in an AdditionalAttributes bag.
    private static bool HasAny(ScimUser user) =>
        Any(user.AdditionalAttributes)
        || Any(user.Name?.AdditionalAttributes)
        || Any(user.EnterpriseUser?.AdditionalAttributes)
        || Any(user.EnterpriseUser?.Manager?.AdditionalAttributes)
        || (user.Addresses?.Any(a => Any(a.AdditionalAttributes)) ?? false)
        || Any(user.Emails) || Any(user.PhoneNumbers) || Any(user.Ims) || Any(user.Photos)
        || Any(user.Roles) || Any(user.Entitlements) || Any(user.X509Certificates);

    private static bool Any(IReadOnlyList<ScimMultiValue>? values) => values?.Any(v => Any(v.AdditionalAttributes)) ?? false;

    private static bool Any<T>(IDictionary<string, T>? bag) => bag is { Count: > 0 };
}
