using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// Reads attribute values out of a SCIM resource's JSON form, as filters and sorting see them: the object an
/// attribute lives in, its values, whether one is present, and scalars of any origin. Names are looked up with
/// <see cref="JsonMembers"/>, in any case.
/// </summary>
internal static class ResourceJsonReader
{
    /// <summary>
    /// Returns the object an attribute of <paramref name="path"/> lives in: the resource itself for the core
    /// schema (with or without its URN), or the extension object under the path's schema URN.
    /// </summary>
    /// <param name="resource">The resource.</param>
    /// <param name="path">The attribute path.</param>
    /// <returns>The containing object, or <see langword="null"/> when the resource has no object under the URN.</returns>
    public static JsonObject? Container(JsonObject resource, AttributePath path) =>
        ScimAttributeCatalog.Default.IsResourceSchema(path.SchemaUrn)
            ? resource
            : JsonMembers.Find(resource, path.SchemaUrn!) as JsonObject;

    /// <summary>Returns the values of a node: the items of an array, or the node itself; nothing for null.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The non-null values.</returns>
    public static IEnumerable<JsonNode> Values(JsonNode? node)
    {
        switch (node)
        {
            case null:
                yield break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        yield return item;
                    }
                }

                break;
            default:
                yield return node;
                break;
        }
    }

    /// <summary>
    /// Returns a value indicating whether a value is present in the sense of <c>pr</c>: not null, not an empty
    /// string, and for arrays and objects, holding at least one present value.
    /// </summary>
    /// <param name="node">The value.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public static bool IsPresent(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Any(IsPresent),
        JsonObject json => json.Any(property => IsPresent(property.Value)),
        JsonValue value => Kind(value) switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => !TryGetString(value, out var text) || text.Length > 0,
            _ => true,
        },
        _ => false,
    };

    /// <summary>Returns the JSON kind of a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its kind.</returns>
    public static JsonValueKind Kind(JsonValue value) => value.GetValueKind();

    /// <summary>Reads a string value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="text">The string.</param>
    /// <returns><see langword="true"/> when the value is a JSON string.</returns>
    public static bool TryGetString(JsonValue value, out string text)
    {
        if (value.TryGetValue(out string? direct))
        {
            text = direct;
            return true;
        }

        text = string.Empty;
        if (Kind(value) != JsonValueKind.String)
        {
            return false;
        }

        using var document = JsonDocument.Parse(value.ToJsonString());
        text = document.RootElement.GetString() ?? string.Empty;
        return true;
    }

    /// <summary>Reads a number value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="number">The number.</param>
    /// <returns><see langword="true"/> when the value is a JSON number that fits a <see cref="decimal"/>.</returns>
    public static bool TryGetNumber(JsonValue value, out decimal number)
    {
        if (value.TryGetValue(out number))
        {
            return true;
        }

        if (Kind(value) != JsonValueKind.Number)
        {
            return false;
        }

        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.TryGetDecimal(out number);
    }

    /// <summary>Reads a dateTime value: an <c>xsd:dateTime</c> string, or a date held directly.</summary>
    /// <param name="value">The value.</param>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when the value is a dateTime.</returns>
    public static bool TryGetDateTime(JsonValue value, out DateTimeOffset instant)
    {
        if (value.TryGetValue(out instant))
        {
            return true;
        }

        if (value.TryGetValue(out DateTime dateTime))
        {
            instant = dateTime.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc))
                : new DateTimeOffset(dateTime);
            return true;
        }

        instant = default;
        return TryGetString(value, out var text) && ScimDateTime.TryParse(text, out instant);
    }
}
