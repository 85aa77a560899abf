using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace MembershipStates.Scim;

/// <summary>
/// Finds the members of a JSON object by name in any case, as RFC 7643 §2.1 makes attribute names and Okta and
/// Microsoft Entra ID vary them (<c>Operations</c>, <c>operations</c>); an exact match wins over a match in another case.
/// </summary>
/// <remarks>The one place that lookup is written: the request readers, the PATCH engines, filters and sorting all use it. Stateless and thread-safe.</remarks>
internal static class JsonMembers
{
    /// <summary>Finds a member's value.</summary>
    /// <param name="json">The object.</param>
    /// <param name="name">The member name, in any case.</param>
    /// <returns>The value, or <see langword="null"/> when the member is absent or JSON <c>null</c>.</returns>
    public static JsonNode? Find(JsonObject json, string name) => TryFindMember(json, name, out _, out var value) ? value : null;

    /// <summary>Finds a member's value, telling an absent member from a JSON <c>null</c>.</summary>
    /// <param name="json">The object.</param>
    /// <param name="name">The member name, in any case.</param>
    /// <param name="value">The value, <see langword="null"/> for a JSON <c>null</c> or when absent.</param>
    /// <returns><see langword="true"/> when the object has the member.</returns>
    public static bool TryFind(JsonObject json, string name, out JsonNode? value) => TryFindMember(json, name, out _, out value);

    /// <summary>Returns the key a member has in <paramref name="json"/>, or <paramref name="canonical"/> (else <paramref name="name"/>) for a member it does not have yet.</summary>
    /// <param name="json">The object.</param>
    /// <param name="name">The member name, in any case.</param>
    /// <param name="canonical">The name to write a new member under, such as the schema's spelling; <see langword="null"/> for <paramref name="name"/>.</param>
    /// <returns>The key to read or write the member with.</returns>
    public static string KeyOf(JsonObject json, string name, string? canonical = null) =>
        TryFindMember(json, name, out var key, out _) ? key : canonical ?? name;

    private static bool TryFindMember(JsonObject json, string name, [NotNullWhen(true)] out string? key, out JsonNode? value)
    {
        if (json.TryGetPropertyValue(name, out value))
        {
            key = name;
            return true;
        }

        foreach (var (candidate, member) in json)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                key = candidate;
                value = member;
                return true;
            }
        }

        key = null;
        return false;
    }
}
