using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Patching;

namespace MembershipStates.Scim.Groups;

/// <summary>
/// Reads the operations of a Group <c>PATCH</c> into one <see cref="ScimGroupPatch"/>: the attribute changes and the
/// member deltas, composed in order.
/// </summary>
/// <remarks>
/// <para>This is the controller: it sends each operation to the attribute it names — <c>id</c>, <c>displayName</c>
/// and <c>externalId</c> here, <c>members</c> to a <see cref="GroupMemberDelta"/>.
/// Every error comes from <see cref="PatchErrors"/>.</para>
/// <para>Errors follow RFC 7644 §3.12; the first one wins and the request changes nothing. Not thread-safe; one
/// instance per request, made by <see cref="Read"/>.</para>
/// </remarks>
internal sealed class GroupPatchReader
{
    private readonly string _groupId;
    private readonly GroupMemberDelta _members = new();
    private string? _displayName;
    private bool _changesExternalId;
    private string? _externalId;

    private GroupPatchReader(string groupId) => _groupId = groupId;

    /// <summary>Reads the operations as one group patch.</summary>
    /// <param name="operations">The operations, in order.</param>
    /// <param name="groupId">The id of the group the request names.</param>
    /// <returns>The patch, or the first error.</returns>
    internal static ScimResult<ScimGroupPatch> Read(IReadOnlyList<PatchOperation> operations, string groupId)
    {
        var reader = new GroupPatchReader(groupId);
        foreach (var operation in operations)
        {
            if (!reader.TryApply(operation, out var error))
            {
                return ScimResult<ScimGroupPatch>.Failure(error);
            }
        }

        return ScimResult<ScimGroupPatch>.Success(reader.ToPatch());
    }

    private ScimGroupPatch ToPatch() =>
        new(_displayName, _changesExternalId, _externalId, _members.Replaces, _members.Added, _members.Removed);

    private bool TryApply(PatchOperation operation, [NotNullWhen(false)] out ScimError? error)
    {
        if (operation.Path is { } path)
        {
            return TryApplyAt(operation.Type, path, operation.Value, out error);
        }

        if (operation.Value is JsonObject value)
        {
            return TryApplyObject(operation.Type, value, out error);
        }

        throw new UnreachableException("The request reader gives every path-less operation an object value.");
    }

    /// <summary>A path-less <c>add</c> or <c>replace</c>: each key of the object is an attribute (Okta's rename, with <c>id</c> inside).</summary>
    private bool TryApplyObject(PatchOperationType type, JsonObject value, [NotNullWhen(false)] out ScimError? error)
    {
        foreach (var (key, member) in value)
        {
            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!FilterParser.TryParsePath(key, out var path, out var pathError))
            {
                error = PatchErrors.PathlessKeyNotAGroupAttribute(key, type, pathError);
                return false;
            }

            if (!TryApplyAt(type, path, member, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private bool TryApplyAt(PatchOperationType type, AttributePath path, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        if (path.SchemaUrn is { } schema && !string.Equals(schema, ScimSchemaUris.Group, StringComparison.OrdinalIgnoreCase))
        {
            // An extension schema's attribute, such as Entra's AzureADSCIM Group extension: accepted and ignored.
            error = null;
            return true;
        }

        switch (path.Name.ToUpperInvariant())
        {
            case "ID":
                return TryKeepId(type, path, value, out error);
            case "META":
                error = PatchErrors.ReadOnly(path, "§3.1");
                return false;
            case "DISPLAYNAME":
                return TrySetDisplayName(type, path, value, out error);
            case "EXTERNALID":
                return TrySetExternalId(type, path, value, out error);
            case "MEMBERS":
                return _members.TryApply(type, path, value, out error);
            default:
                error = PatchErrors.NotAGroupAttribute(path);
                return false;
        }
    }

    private bool TryKeepId(PatchOperationType type, AttributePath path, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        // Okta repeats the group's own id beside displayName: nothing to change. Any other id is a change of a read-only attribute.
        error = type != PatchOperationType.Remove && IsPlain(path) && JsonStrings.ValueOf(value) is { } id && string.Equals(id, _groupId, StringComparison.Ordinal)
            ? null
            : PatchErrors.GroupIdReadOnly(value, _groupId);
        return error is null;
    }

    private bool TrySetDisplayName(PatchOperationType type, AttributePath path, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        if (!IsPlain(path))
        {
            error = PatchErrors.NotComplex("displayName", path);
            return false;
        }

        if (type == PatchOperationType.Remove)
        {
            error = PatchErrors.DisplayNameRequired();
            return false;
        }

        if (JsonStrings.ValueOf(value) is not { } name || string.IsNullOrWhiteSpace(name))
        {
            error = PatchErrors.DisplayNameNotText(value);
            return false;
        }

        _displayName = name;
        error = null;
        return true;
    }

    private bool TrySetExternalId(PatchOperationType type, AttributePath path, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        if (!IsPlain(path))
        {
            error = PatchErrors.NotComplex("externalId", path);
            return false;
        }

        if (type == PatchOperationType.Remove || value is null)
        {
            // Removed, or replaced with null: unassigned (RFC 7643 §2.5).
            _changesExternalId = true;
            _externalId = null;
            error = null;
            return true;
        }

        if (JsonStrings.ValueOf(value) is not { } externalId || string.IsNullOrWhiteSpace(externalId))
        {
            error = PatchErrors.ExternalIdNotText(value);
            return false;
        }

        _changesExternalId = true;
        _externalId = externalId;
        error = null;
        return true;
    }

    private static bool IsPlain(AttributePath path) => path.SubAttribute is null && path.ValueFilter is null;
}
