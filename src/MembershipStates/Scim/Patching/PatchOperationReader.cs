using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// Reads one member of a <c>PATCH</c> request's <c>Operations</c> into a <see cref="PatchOperation"/>, checking
/// what can be checked without the resource: the <c>op</c>, the <c>path</c>'s grammar, a value where one is needed.
/// </summary>
/// <remarks>
/// Lenient where the providers differ and the RFC allows it: <c>op</c> and member names in any case (Entra sends
/// <c>"Replace"</c>), <c>path</c> absent for a path-less <c>add</c>/<c>replace</c> with an object value. Strict where a
/// mistake would change the wrong thing (RFC 7644 §3.5.2). Stateless and thread-safe.
/// </remarks>
internal static class PatchOperationReader
{
    /// <summary>Reads one operation.</summary>
    /// <param name="node">The member of <c>Operations</c>; its <c>value</c> is detached from the request's tree, not copied.</param>
    /// <param name="index">Its index, for the error message.</param>
    /// <param name="operation">The operation, when it is well formed.</param>
    /// <param name="error">A 400 <c>invalidSyntax</c>, <c>invalidPath</c>, <c>noTarget</c> or <c>invalidValue</c>, otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the operation is well formed.</returns>
    public static bool TryRead(
        JsonNode? node,
        int index,
        [NotNullWhen(true)] out PatchOperation? operation,
        [NotNullWhen(false)] out ScimError? error)
    {
        operation = null;
        if (node is not JsonObject member)
        {
            error = PatchErrors.OperationNotAnObject(index);
            return false;
        }

        var opText = JsonMembers.Find(member, "op") is JsonValue op && op.TryGetValue<string>(out var text) ? text : null;
        if (!TryParseOp(opText, out var type))
        {
            error = PatchErrors.UnknownOp(index, opText);
            return false;
        }

        if (!TryReadPath(member, index, out var path, out error))
        {
            return false;
        }

        var hasValue = JsonMembers.TryFind(member, "value", out var value);
        if (type == PatchOperationType.Remove && path is null)
        {
            error = PatchErrors.RemoveWithoutPath(index);
            return false;
        }

        if (type != PatchOperationType.Remove && !hasValue)
        {
            error = PatchErrors.MissingValue(index, opText);
            return false;
        }

        if (type != PatchOperationType.Remove && path is null && value is not JsonObject)
        {
            error = PatchErrors.PathlessValueNotAnObject(index);
            return false;
        }

        // Detach the value from the request's tree instead of copying it: the tree is read once and dropped.
        if (value is not null)
        {
            member.Remove(value.GetPropertyName());
        }

        operation = new PatchOperation(type, path, value);
        return true;
    }

    private static bool TryParseOp([NotNullWhen(true)] string? text, out PatchOperationType type)
    {
        if (string.Equals(text, "add", StringComparison.OrdinalIgnoreCase))
        {
            type = PatchOperationType.Add;
        }
        else if (string.Equals(text, "replace", StringComparison.OrdinalIgnoreCase))
        {
            type = PatchOperationType.Replace;
        }
        else if (string.Equals(text, "remove", StringComparison.OrdinalIgnoreCase))
        {
            type = PatchOperationType.Remove;
        }
        else
        {
            type = default;
            return false;
        }

        return true;
    }

    /// <summary>Reads the optional <c>path</c>: absent (or JSON null) is no path; anything else must be a path string.</summary>
    private static bool TryReadPath(JsonObject member, int index, out AttributePath? path, [NotNullWhen(false)] out ScimError? error)
    {
        path = null;
        switch (JsonMembers.Find(member, "path"))
        {
            case null:
                error = null;
                return true;
            case JsonValue value when value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text):
                if (!FilterParser.TryParsePath(text, out path, out var pathError))
                {
                    error = PatchErrors.MalformedPath(index, pathError);
                    return false;
                }

                error = null;
                return true;
            default:
                error = PatchErrors.PathNotAString(index);
                return false;
        }
    }
}
