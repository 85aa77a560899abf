using System.Text.Json.Nodes;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// Applies an operation whose path has no value filter — <c>displayName</c>, <c>name.givenName</c>, <c>emails</c>,
/// <c>emails.value</c> — to the object the attribute lives in.
/// </summary>
/// <remarks>
/// <para>A <see langword="null"/> value is "unassigned" (RFC 7643 §2.5): the attribute reads back as absent. A
/// complex attribute takes the sub-attributes sent and keeps the others (RFC 7644 §3.5.2.1, .3); a multi-valued one
/// merges through <see cref="MultiValuedMerge"/>. A sub-attribute path without a filter addresses that sub-attribute
/// of every value of a multi-valued attribute.</para>
/// <para>Every value written is a copy. Never fails: the path and value were checked before. Stateless and thread-safe.</para>
/// </remarks>
internal static class PlainOperation
{
    /// <summary>Applies the operation.</summary>
    /// <param name="container">The user, or its extension object, that holds the attribute.</param>
    /// <param name="key">The attribute's key in <paramref name="container"/>.</param>
    /// <param name="type">The operation.</param>
    /// <param name="path">The path; its sub-attribute, if any, is what changes.</param>
    /// <param name="attribute">The attribute's definition.</param>
    /// <param name="value">The value, coerced to the attribute's type.</param>
    public static void Apply(JsonObject container, string key, PatchOperationType type, AttributePath path, ScimAttributeDefinition attribute, JsonNode? value)
    {
        if (path.SubAttribute is { } sub)
        {
            ApplyToSubAttribute(container, key, sub, type, value);
            return;
        }

        var existing = container[key];
        if (type == PatchOperationType.Remove)
        {
            if (attribute.MultiValued && value is not null && existing is JsonArray values)
            {
                // Remove with a value removes the values that equal one sent (Entra's group-member shape).
                MultiValuedMerge.RemoveEqual(values, value);
            }
            else
            {
                container.Remove(key);
            }
        }
        else if (value is null)
        {
            // null is "unassigned" (RFC 7643 §2.5): the attribute reads back as absent. Adding no values adds nothing.
            if (!attribute.MultiValued)
            {
                container[key] = null;
            }
            else if (type == PatchOperationType.Replace)
            {
                container.Remove(key);
            }
        }
        else if (attribute.MultiValued)
        {
            container[key] = type == PatchOperationType.Add
                ? MultiValuedMerge.Add(existing as JsonArray, value)
                : MultiValuedMerge.Replacement(value);
        }
        else if (existing is JsonObject current && value is JsonObject given)
        {
            // A complex attribute takes the sub-attributes sent and keeps the others (RFC 7644 §3.5.2.1, .3).
            MergeInto(current, given);
        }
        else
        {
            container[key] = value.DeepClone();
        }
    }

    /// <summary>Writes each sub-attribute sent into <paramref name="element"/>, keeping the key's spelling where it has one.</summary>
    /// <param name="element">A complex value, changed in place.</param>
    /// <param name="given">The sub-attributes sent.</param>
    public static void MergeInto(JsonObject element, JsonObject given)
    {
        foreach (var (subKey, subValue) in given)
        {
            element[JsonMembers.KeyOf(element, subKey)] = subValue?.DeepClone();
        }
    }

    /// <summary>Sets a sub-attribute, or removes it for a <c>remove</c>.</summary>
    /// <param name="element">A complex value, changed in place.</param>
    /// <param name="sub">The sub-attribute, in any case.</param>
    /// <param name="type">The operation.</param>
    /// <param name="value">The value to set.</param>
    public static void SetOrRemove(JsonObject element, string sub, PatchOperationType type, JsonNode? value)
    {
        var key = JsonMembers.KeyOf(element, sub);
        if (type == PatchOperationType.Remove)
        {
            element.Remove(key);
        }
        else
        {
            element[key] = value?.DeepClone();
        }
    }

    private static void ApplyToSubAttribute(JsonObject container, string key, string sub, PatchOperationType type, JsonNode? value)
    {
        var existing = container[key];
        if (existing is JsonArray elements)
        {
            // "emails.value" without a filter addresses that sub-attribute of every value.
            foreach (var element in elements.OfType<JsonObject>())
            {
                SetOrRemove(element, sub, type, value);
            }

            return;
        }

        if (existing is not JsonObject parent)
        {
            if (type == PatchOperationType.Remove)
            {
                return;
            }

            container[key] = parent = [];
        }

        SetOrRemove(parent, sub, type, value);
        if (parent.Count == 0)
        {
            container.Remove(key);
        }
    }
}
