using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// Microsoft Entra ID clears a user's manager by replacing it with an empty string — <c>"manager": ""</c> or
/// <c>{"value": ""}</c> — instead of removing it; the engine reads that as the removal it means.
/// </summary>
/// <remarks>
/// Microsoft Learn, "Known issues and resolutions with SCIM 2.0 protocol compliance" (manager). Stateless and thread-safe.
/// </remarks>
internal static class EntraManagerQuirk
{
    /// <summary>Returns a value indicating whether an <c>add</c>/<c>replace</c> sets the enterprise manager to an empty value.</summary>
    /// <param name="target">What the path names.</param>
    /// <param name="path">The path: the manager itself or its <c>value</c>.</param>
    /// <param name="value">The value sent.</param>
    /// <returns><see langword="true"/> when the operation means "remove the manager".</returns>
    public static bool IsRemoval(PatchTarget target, AttributePath path, JsonNode? value) =>
        target.Attribute is { Name: "manager", SchemaId: ScimSchemaIds.EnterpriseUser }
        && (path.SubAttribute is null || string.Equals(path.SubAttribute, "value", StringComparison.OrdinalIgnoreCase))
        && (IsEmptyString(value) || (value is JsonObject o && o.Count == 1 && IsEmptyString(JsonMembers.Find(o, "value"))));

    /// <summary>Returns the path the removal applies to: the whole manager.</summary>
    /// <param name="path">The path sent.</param>
    /// <returns>The path of the enterprise manager.</returns>
    public static AttributePath RemovalPath(AttributePath path) =>
        FilterParser.TryParsePath($"{ScimSchemaIds.EnterpriseUser}:manager", out var manager, out _) ? manager : path;

    private static bool IsEmptyString(JsonNode? node) => JsonStrings.ValueOf(node) is { Length: 0 };
}
