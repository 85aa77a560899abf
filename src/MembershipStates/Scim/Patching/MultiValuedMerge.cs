using System.Text.Json.Nodes;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// Merges the values a <c>PATCH</c> sends into a multi-valued attribute without a value filter: add what is not
/// there yet, remove what equals a value sent, replace the list.
/// </summary>
/// <remarks>
/// RFC 7644 §3.5.2.1 (add), .2 (remove) and .3 (replace); removing by value is Microsoft Entra ID's default for
/// group members and e-mails. Works on values it is given; never keeps a reference to the request's nodes.
/// Stateless and thread-safe.
/// </remarks>
internal static class MultiValuedMerge
{
    /// <summary>Adds the values sent that the attribute does not have yet (compared as JSON), keeping the order sent.</summary>
    /// <param name="existing">The attribute's values, or <see langword="null"/> when it has none.</param>
    /// <param name="value">One value or an array of values.</param>
    /// <returns>The attribute's values after the add: <paramref name="existing"/> itself when it was an array.</returns>
    public static JsonArray Add(JsonArray? existing, JsonNode value)
    {
        var target = existing ?? [];
        foreach (var item in value is JsonArray added ? added : [value.DeepClone()])
        {
            if (!target.Any(t => JsonNode.DeepEquals(t, item)))
            {
                target.Add(item?.DeepClone());
            }
        }

        return target;
    }

    /// <summary>Removes the values that equal one sent; a complex value sent as <c>{"value":"x"}</c> matches a stored one with that <c>value</c>.</summary>
    /// <param name="values">The attribute's values, changed in place.</param>
    /// <param name="value">One value or an array of values.</param>
    public static void RemoveEqual(JsonArray values, JsonNode value)
    {
        var remove = value is JsonArray list ? list : [value.DeepClone()];
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (remove.Any(r => SameValue(r, values[i])))
            {
                values.RemoveAt(i);
            }
        }
    }

    /// <summary>Returns the new values of a replaced attribute: a single value becomes a list of one.</summary>
    /// <param name="value">One value or an array of values.</param>
    /// <returns>A copy to store.</returns>
    public static JsonArray Replacement(JsonNode value) =>
        value is JsonArray ? (JsonArray)value.DeepClone() : new JsonArray(value.DeepClone());

    private static bool SameValue(JsonNode? sent, JsonNode? existing)
    {
        if (JsonNode.DeepEquals(sent, existing))
        {
            return true;
        }

        // {"value":"x"} sent against {"value":"x","display":"…"} stored: compare the values.
        return sent is JsonObject s && existing is JsonObject e
            && JsonMembers.Find(s, "value") is { } a && JsonMembers.Find(e, "value") is { } b
            && JsonNode.DeepEquals(a, b);
    }
}
