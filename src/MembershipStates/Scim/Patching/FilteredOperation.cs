using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// Applies an operation whose path has a value filter — <c>emails[type eq "work"]</c>,
/// <c>emails[type eq "work"].value</c> — to the values the filter selects.
/// </summary>
/// <remarks>
/// <para>A <c>remove</c> removes the selected values (or their sub-attribute); an <c>add</c> or <c>replace</c> sets the
/// sub-attribute of each, or merges an object of sub-attributes into each (RFC 7644 §3.5.2).</para>
/// <para>When the filter selects nothing, an <c>add</c> or <c>replace</c> adds the value the filter describes —
/// Microsoft Entra ID sends <c>emails[type eq "work"].value</c> for a user without a work e-mail and expects one
/// created — when the filter describes one (<see cref="ValueFilterElement"/>); otherwise it is <c>noTarget</c>.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
internal static class FilteredOperation
{
    /// <summary>Applies the operation.</summary>
    /// <param name="container">The user, or its extension object, that holds the attribute.</param>
    /// <param name="key">The attribute's key in <paramref name="container"/>.</param>
    /// <param name="type">The operation.</param>
    /// <param name="path">The path, with its value filter.</param>
    /// <param name="value">The value, coerced to the attribute's type.</param>
    /// <param name="error">A 400 <c>invalidFilter</c>, <c>noTarget</c> or <c>invalidValue</c>, otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the operation applied.</returns>
    public static bool TryApply(JsonObject container, string key, PatchOperationType type, AttributePath path, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        var values = container[key] as JsonArray;
        if (!TrySelect(values, path, out var matched, out error))
        {
            return false;
        }

        if (type == PatchOperationType.Remove)
        {
            foreach (var element in matched)
            {
                if (path.SubAttribute is { } sub)
                {
                    element.Remove(JsonMembers.KeyOf(element, sub));
                }
                else
                {
                    values?.Remove(element);
                }
            }

            return true;
        }

        if (matched.Count == 0)
        {
            // Nothing selected: add the value the filter describes, when it describes one (eq comparisons joined by and).
            var created = new JsonObject();
            if (path.ValueFilter is null || !ValueFilterElement.TryDescribe(path.ValueFilter, created))
            {
                error = PatchErrors.FilterSelectsNothing(path);
                return false;
            }

            values ??= [];
            values.Add((JsonNode)created);
            container[key] = values;
            matched.Add(created);
        }

        foreach (var element in matched)
        {
            if (path.SubAttribute is { } sub)
            {
                element[JsonMembers.KeyOf(element, sub)] = value?.DeepClone();
            }
            else if (value is JsonObject given)
            {
                PlainOperation.MergeInto(element, given);
            }
            else
            {
                error = PatchErrors.FilteredValueNotAnObject(path);
                return false;
            }
        }

        return true;
    }

    private static bool TrySelect(JsonArray? values, AttributePath path, out List<JsonObject> matched, [NotNullWhen(false)] out ScimError? error)
    {
        matched = [];
        foreach (var element in values?.OfType<JsonObject>() ?? [])
        {
            var match = path.MatchElement(element);
            if (!match.TryGetValue(out var matches))
            {
                error = PatchErrors.FilterNotEvaluable(path, match.Error);
                return false;
            }

            if (matches)
            {
                matched.Add(element);
            }
        }

        error = null;
        return true;
    }
}
