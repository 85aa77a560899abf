using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// Brings a value a <c>PATCH</c> sends to the type its attribute declares, where providers send it loosely:
/// booleans as the strings <c>"True"</c>/<c>"False"</c> (Microsoft Entra ID), at the top level or inside complex values.
/// </summary>
/// <remarks>Never changes the value it is given: a coerced value is a copy. Stateless and thread-safe.</remarks>
internal static class PatchValueCoercion
{
    /// <summary>Coerces a value to its attribute's type.</summary>
    /// <param name="value">The value sent; <see langword="null"/> passes through.</param>
    /// <param name="target">The definition of the attribute or sub-attribute the value is for.</param>
    /// <param name="path">The operation's path, for the error message.</param>
    /// <param name="coerced">The value to apply: a coerced copy, or <paramref name="value"/> itself when nothing needs coercing.</param>
    /// <param name="error">A 400 <c>invalidValue</c> for a boolean that is neither true nor false, otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the value fits.</returns>
    public static bool TryCoerce(
        JsonNode? value,
        ScimAttributeDefinition target,
        AttributePath path,
        out JsonNode? coerced,
        [NotNullWhen(false)] out ScimError? error)
    {
        coerced = value;
        error = null;
        if (value is null)
        {
            return true;
        }

        if (target.Type == ScimAttributeType.Boolean && !target.MultiValued)
        {
            if (!ScimBoolean.TryRead(value, out var flag))
            {
                error = PatchErrors.NotBoolean(path.ToString(), value);
                return false;
            }

            coerced = JsonValue.Create(flag);
            return true;
        }

        return !target.IsComplex || TryCoerceSubAttributes(value, target, path, out coerced, out error);
    }

    private static bool TryCoerceSubAttributes(
        JsonNode value,
        ScimAttributeDefinition target,
        AttributePath path,
        out JsonNode? coerced,
        [NotNullWhen(false)] out ScimError? error)
    {
        var copy = value.DeepClone();
        foreach (var element in copy is JsonArray array ? array.OfType<JsonObject>() : copy is JsonObject single ? [single] : [])
        {
            foreach (var (key, member) in element.ToList())
            {
                if (target.FindSubAttribute(key) is { Type: ScimAttributeType.Boolean } && member is not null)
                {
                    if (!ScimBoolean.TryRead(member, out var flag))
                    {
                        coerced = null;
                        error = PatchErrors.NotBoolean($"{path}.{key}", member);
                        return false;
                    }

                    element[key] = JsonValue.Create(flag);
                }
            }
        }

        coerced = copy;
        error = null;
        return true;
    }
}
