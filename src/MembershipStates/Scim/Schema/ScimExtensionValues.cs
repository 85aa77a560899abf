using System.Text.Json;
using System.Text.Json.Nodes;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// Checks the values a user holds for the extensions a host declares against their declared types, so that what is
/// stored is what <c>/Schemas</c> says; booleans sent as the strings <c>"True"</c>/<c>"False"</c> (as Entra sends
/// them) become booleans.
/// </summary>
/// <remarks>
/// The enterprise extension is typed by <see cref="ScimEnterpriseUser"/> and not checked here. A <c>null</c> value
/// is an unassigned one and passes. Thread-safe: pure functions.
/// </remarks>
internal static class ScimExtensionValues
{
    /// <summary>Checks the user's extension values and normalizes its booleans, or finds the first value of a wrong type.</summary>
    /// <param name="user">The caller's own copy of the user (from <see cref="ScimUser.ToHostAttributes"/>), holding declared attributes only; normalized values are written into it.</param>
    /// <param name="catalog">The schemas the server declares.</param>
    /// <returns>The user, or a 400 <c>invalidValue</c> that names the attribute.</returns>
    public static ScimResult<ScimUser> Check(ScimUser user, ScimAttributeCatalog catalog)
    {
        if (user.AdditionalAttributes is not { Count: > 0 } attributes)
        {
            return ScimResult<ScimUser>.Success(user);
        }

        foreach (var (key, element) in attributes.ToList())
        {
            if (catalog.FindSchema(key) is not { } schema || element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var json = JsonNode.Parse(element.GetRawText())!.AsObject();
            var changed = false;
            foreach (var (name, value) in json.ToList())
            {
                if (schema.FindAttribute(name) is not { } attribute)
                {
                    continue;
                }

                if (Normalize(attribute, value, $"{schema.Id}:{attribute.Name}") is not { } result)
                {
                    continue;
                }

                if (result.Error is not null)
                {
                    return ScimResult<ScimUser>.Failure(result.Error);
                }

                json[name] = result.Value;
                changed = true;
            }

            if (changed)
            {
                using var document = JsonDocument.Parse(json.ToJsonString());
                attributes[key] = document.RootElement.Clone();
            }
        }

        return ScimResult<ScimUser>.Success(user);
    }

    // null: the value is fine as it is; otherwise the value to store instead, or the error.
    private static (JsonNode? Value, ScimError? Error)? Normalize(ScimAttributeDefinition attribute, JsonNode? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        if (attribute.MultiValued)
        {
            if (value is not JsonArray array)
            {
                return (null, Wrong(path, attribute, "a list", value));
            }

            var changed = false;
            var items = new JsonArray();
            foreach (var item in array)
            {
                var single = item is null ? null : Single(attribute, item, path);
                if (single?.Error is { } error)
                {
                    return (null, error);
                }

                changed |= single is not null;
                items.Add(single is { } s ? s.Value : item?.DeepClone());
            }

            return changed ? (items, null) : null;
        }

        return Single(attribute, value, path);
    }

    private static (JsonNode? Value, ScimError? Error)? Single(ScimAttributeDefinition attribute, JsonNode value, string path)
    {
        var kind = value.GetValueKind();
        switch (attribute.Type)
        {
            case ScimAttributeType.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return null;
            case ScimAttributeType.Boolean when kind == JsonValueKind.String && ScimBoolean.TryParse(value.GetValue<string>(), out var flag):
                return (JsonValue.Create(flag), null);
            case ScimAttributeType.Integer when kind == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out _):
            case ScimAttributeType.Decimal when kind == JsonValueKind.Number:
                return null;
            case ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary when kind == JsonValueKind.String:
                return null;
            // An xsd:dateTime, as filters read one: a value they could not compare is refused rather than stored.
            case ScimAttributeType.DateTime when kind == JsonValueKind.String && Filtering.ScimDateTime.TryParse(value.GetValue<string>(), out _):
                return null;
            case ScimAttributeType.Complex when value is JsonObject element:
                return Complex(attribute, element, path);
            default:
                return (null, Wrong(path, attribute, "a single value", value));
        }
    }

    private static (JsonNode? Value, ScimError? Error)? Complex(ScimAttributeDefinition attribute, JsonObject element, string path)
    {
        JsonObject? copy = null;
        foreach (var (name, member) in element)
        {
            if (attribute.FindSubAttribute(name) is not { } sub || Normalize(sub, member, $"{path}.{sub.Name}") is not { } result)
            {
                continue;
            }

            if (result.Error is not null)
            {
                return result;
            }

            copy ??= (JsonObject)element.DeepClone();
            copy[name] = result.Value;
        }

        return copy is null ? null : (copy, null);
    }

    private static ScimError Wrong(string path, ScimAttributeDefinition attribute, string shape, JsonNode value) =>
        ScimError.InvalidValue(
            $"'{path}' is {(attribute.MultiValued && shape == "a list" ? "a list of " : "a ")}{Keyword(attribute.Type)}{(attribute.MultiValued ? " values" : string.Empty)}; {value.ToJsonString()} is not one (see /Schemas).");

    private static string Keyword(ScimAttributeType type) => type switch
    {
        ScimAttributeType.DateTime => "dateTime",
        _ => type.ToString().ToLowerInvariant(),
    };
}
