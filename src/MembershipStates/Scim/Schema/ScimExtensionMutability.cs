using System.Text.Json;
using System.Text.Json.Nodes;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// Enforces the <c>mutability</c> of the attributes of the extensions a host declares (RFC 7643 §2.2, RFC 7644
/// §3.5.1, §3.5.2): <c>readOnly</c> values are the server's, <c>immutable</c> ones are set once.
/// </summary>
/// <remarks>
/// The guarded values are an extension's top-level attributes declared <c>readOnly</c> or <c>immutable</c>, and such
/// sub-attributes of its single-valued complex attributes (a multi-valued one's sub-attributes take the attribute's
/// mutability, <see cref="ScimSchemaExtensionCheck"/>). A value is unassigned when it is absent, <c>null</c>, or an
/// empty list or object (RFC 7643 §2.5). Thread-safe: pure functions.
/// </remarks>
internal static class ScimExtensionMutability
{
    /// <summary>
    /// Applies a <c>POST</c> or <c>PUT</c>: a <c>readOnly</c> value sent is ignored and the stored one kept; an
    /// <c>immutable</c> value left out is kept, and one sent must equal the stored one if there is one.
    /// </summary>
    /// <param name="sent">The attributes to store, the caller's own copy (from <see cref="ScimUser.ToHostAttributes"/>); changed in place.</param>
    /// <param name="stored">The attributes the member has, or <see langword="null"/> for a new member.</param>
    /// <param name="catalog">The schemas the server declares.</param>
    /// <returns>The attributes to store, or a 400 <c>mutability</c> naming the attribute.</returns>
    public static ScimResult<ScimUser> Replace(ScimUser sent, ScimUser? stored, ScimAttributeCatalog catalog)
    {
        foreach (var schema in HostExtensions(catalog))
        {
            JsonObject? sentValues = Values(sent, schema.Id);
            var storedValues = stored is null ? null : Values(stored, schema.Id);
            var changed = false;
            foreach (var (attribute, sub) in Guarded(schema))
            {
                var sentValue = Read(sentValues, attribute, sub);
                var storedValue = Read(storedValues, attribute, sub);
                var mutability = (sub ?? attribute).Mutability;
                if (mutability == ScimMutability.Immutable && IsAssigned(storedValue) && IsAssigned(sentValue) && !JsonNode.DeepEquals(sentValue, storedValue))
                {
                    return ScimResult<ScimUser>.Failure(ImmutableChanged(schema, attribute, sub));
                }

                var keep = mutability == ScimMutability.ReadOnly || !IsAssigned(sentValue);
                if (keep && !JsonNode.DeepEquals(sentValue, storedValue))
                {
                    sentValues ??= [];
                    Write(sentValues, attribute, sub, storedValue);
                    changed = true;
                }
            }

            if (changed)
            {
                Store(sent, schema.Id, sentValues!);
            }
        }

        return ScimResult<ScimUser>.Success(sent);
    }

    /// <summary>
    /// Checks the result of a <c>PATCH</c>: a <c>readOnly</c> value changed, or an assigned <c>immutable</c> one changed
    /// or removed, refuses it. The PATCH engine already refuses a path naming a <c>readOnly</c> attribute; this catches
    /// what reaches one through its complex parent or a path-less value.
    /// </summary>
    /// <param name="patched">The attributes after the operations.</param>
    /// <param name="stored">The attributes the member has.</param>
    /// <param name="catalog">The schemas the server declares.</param>
    /// <returns>A 400 <c>mutability</c>, or <see langword="null"/>.</returns>
    public static ScimError? CheckPatch(ScimUser patched, ScimUser stored, ScimAttributeCatalog catalog)
    {
        foreach (var schema in HostExtensions(catalog))
        {
            var patchedValues = Values(patched, schema.Id);
            var storedValues = Values(stored, schema.Id);
            foreach (var (attribute, sub) in Guarded(schema))
            {
                var after = Read(patchedValues, attribute, sub);
                var before = Read(storedValues, attribute, sub);
                if (Same(after, before))
                {
                    continue;
                }

                if ((sub ?? attribute).Mutability == ScimMutability.ReadOnly)
                {
                    return ScimError.Mutability($"'{schema.Id}:{(sub ?? attribute).Path}' is readOnly: the server sets it, and a PATCH cannot change it (RFC 7644 §3.5.2).");
                }

                if (IsAssigned(before))
                {
                    return ImmutableChanged(schema, attribute, sub);
                }
            }
        }

        return null;
    }

    private static ScimError ImmutableChanged(ScimSchemaDefinition schema, ScimAttributeDefinition attribute, ScimAttributeDefinition? sub) =>
        ScimError.Mutability($"'{schema.Id}:{(sub ?? attribute).Path}' is immutable: it has a value, which cannot be changed or removed (RFC 7643 §2.2).");

    private static IEnumerable<ScimSchemaDefinition> HostExtensions(ScimAttributeCatalog catalog) =>
        catalog.Extensions.Where(s => !string.Equals(s.Id, ScimSchemaIds.EnterpriseUser, StringComparison.OrdinalIgnoreCase));

    /// <summary>The guarded values of a schema: an attribute, or a sub-attribute of a single-valued complex one.</summary>
    private static IEnumerable<(ScimAttributeDefinition Attribute, ScimAttributeDefinition? Sub)> Guarded(ScimSchemaDefinition schema)
    {
        foreach (var attribute in schema.Attributes)
        {
            if (IsGuarded(attribute))
            {
                yield return (attribute, null);
            }
            else if (attribute is { IsComplex: true, MultiValued: false })
            {
                foreach (var sub in attribute.SubAttributes.Where(IsGuarded))
                {
                    yield return (attribute, sub);
                }
            }
        }
    }

    private static bool IsGuarded(ScimAttributeDefinition attribute) => attribute.Mutability is ScimMutability.ReadOnly or ScimMutability.Immutable;

    private static bool Same(JsonNode? left, JsonNode? right) =>
        IsAssigned(left) ? IsAssigned(right) && JsonNode.DeepEquals(left, right) : !IsAssigned(right);

    private static bool IsAssigned(JsonNode? value) => value switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject json => json.Count > 0,
        _ => value.GetValueKind() != JsonValueKind.Null,
    };

    private static JsonObject? Values(ScimUser user, string schemaId)
    {
        if (user.AdditionalAttributes is not { } attributes)
        {
            return null;
        }

        foreach (var (key, element) in attributes)
        {
            if (string.Equals(key, schemaId, StringComparison.OrdinalIgnoreCase) && element.ValueKind == JsonValueKind.Object)
            {
                return JsonNode.Parse(element.GetRawText())!.AsObject();
            }
        }

        return null;
    }

    private static void Store(ScimUser user, string schemaId, JsonObject values)
    {
        var attributes = user.AdditionalAttributes ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var key = attributes.Keys.FirstOrDefault(k => string.Equals(k, schemaId, StringComparison.OrdinalIgnoreCase)) ?? schemaId;
        if (values.Count == 0)
        {
            attributes.Remove(key);
            return;
        }

        using var document = JsonDocument.Parse(values.ToJsonString());
        attributes[key] = document.RootElement.Clone();
    }

    private static JsonNode? Read(JsonObject? values, ScimAttributeDefinition attribute, ScimAttributeDefinition? sub)
    {
        var value = values is null ? null : JsonMembers.Find(values, attribute.Name);
        return sub is null ? value : value is JsonObject complex ? JsonMembers.Find(complex, sub.Name) : null;
    }

    private static void Write(JsonObject values, ScimAttributeDefinition attribute, ScimAttributeDefinition? sub, JsonNode? value)
    {
        if (sub is null)
        {
            Set(values, attribute.Name, value);
            return;
        }

        if (JsonMembers.Find(values, attribute.Name) is not JsonObject complex)
        {
            if (value is null)
            {
                return;
            }

            complex = [];
            Set(values, attribute.Name, complex);
        }

        Set(complex, sub.Name, value);
        if (complex.Count == 0)
        {
            Set(values, attribute.Name, null);
        }
    }

    private static void Set(JsonObject json, string name, JsonNode? value)
    {
        var key = JsonMembers.KeyOf(json, name);
        if (value is null)
        {
            json.Remove(key);
            return;
        }

        json[key] = value.DeepClone();
    }
}
