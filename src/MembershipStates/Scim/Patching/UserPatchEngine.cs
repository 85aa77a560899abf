using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// Applies the operations of a <c>PATCH</c> to the JSON form of a user's attributes, all or nothing.
/// </summary>
/// <remarks>
/// <para>This is the controller: it walks the operations and sends each to the type that does one job —
/// <see cref="PatchTarget"/> resolves and checks the path, <see cref="PatchValueCoercion"/> and
/// <see cref="EntraManagerQuirk"/> read the value as the provider meant it, <see cref="PatchDraft"/> finds where the
/// attribute lives and copies the attributes on the first change, <see cref="PlainOperation"/> and
/// <see cref="FilteredOperation"/> write. Every error comes from <see cref="PatchErrors"/>.</para>
/// <para><c>active</c> is not an attribute here but the lifecycle's: operations that set it are collected into
/// <see cref="UserPatchOutcome.Active"/> so that the request becomes one decision.</para>
/// <para>Semantics follow RFC 7644 §3.5.2 where the providers agree with it, and the providers where they need more.
/// Every path, and every key of a path-less value, must name an attribute (and sub-attribute) of a schema in the
/// catalog, or the request is <c>invalidPath</c>: nothing is stored that <c>/Schemas</c> does not describe.
/// Sub-attributes no schema declares inside a value are left for <see cref="ScimUser"/>'s host copy to drop.</para>
/// <para>Every step follows the Try pattern: <see langword="true"/>, or <see langword="false"/> with the error that
/// refuses the whole request. Stateless and thread-safe; each call works on its own <see cref="PatchDraft"/>.</para>
/// </remarks>
internal static class UserPatchEngine
{
    /// <summary>Applies the operations to the user's attributes, which are never changed.</summary>
    /// <param name="attributes">The user's attributes; read as JSON only when an operation addresses them.</param>
    /// <param name="operations">The operations, in order.</param>
    /// <param name="catalog">The schemas the server declares.</param>
    /// <param name="outcome">The changed attributes and the requested <c>active</c>, when every operation applied.</param>
    /// <param name="error">The first error; with it nothing applies.</param>
    /// <returns><see langword="true"/> when every operation applied.</returns>
    public static bool TryApply(
        ScimUser attributes,
        IReadOnlyList<PatchOperation> operations,
        ScimAttributeCatalog catalog,
        out UserPatchOutcome outcome,
        [NotNullWhen(false)] out ScimError? error)
    {
        var draft = new PatchDraft(attributes, catalog);
        foreach (var operation in operations)
        {
            if (!TryApply(draft, operation, out error))
            {
                outcome = default;
                return false;
            }
        }

        outcome = draft.ToOutcome();
        error = null;
        return true;
    }

    private static bool TryApply(PatchDraft draft, PatchOperation operation, [NotNullWhen(false)] out ScimError? error)
    {
        if (operation.Path is { } path)
        {
            return TryApplyAt(draft, operation.Type, path, operation.Value, out error);
        }

        if (operation.Value is JsonObject value)
        {
            return TryApplyObject(draft, operation.Type, value, schemaKey: null, out error);
        }

        throw new UnreachableException("The request reader gives every path-less operation an object value.");
    }

    /// <summary>Applies a path-less value, or the value of a whole extension schema: each key is an attribute path.</summary>
    private static bool TryApplyObject(PatchDraft draft, PatchOperationType type, JsonObject value, string? schemaKey, [NotNullWhen(false)] out ScimError? error)
    {
        foreach (var (key, member) in value)
        {
            if (schemaKey is null && string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // An extension schema's URN as a key holds that schema's attributes: {"urn:…:enterprise:2.0:User": {...}}.
            // Only a schema the server declares: any other URN key is read as an attribute path and refused below.
            if (schemaKey is null && member is JsonObject && draft.Catalog.FindSchema(key) is { } schema)
            {
                if (!TryApplySchema(draft, type, draft.SchemaKey(schema, key), member, out error))
                {
                    return false;
                }

                continue;
            }

            var text = schemaKey is null ? key : schemaKey + ":" + key;
            if (!FilterParser.TryParsePath(text, out var path, out var pathError))
            {
                error = PatchErrors.PathlessKeyNotAPath(key, type, pathError);
                return false;
            }

            if (!TryApplyAt(draft, type, path, member, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryApplyAt(PatchDraft draft, PatchOperationType type, AttributePath path, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        if (draft.SchemaKeyNamedBy(path) is { } schemaKey)
        {
            return TryApplySchema(draft, type, schemaKey, value, out error);
        }

        if (!PatchTarget.TryResolve(draft.Catalog, path, out var target, out error))
        {
            return false;
        }

        if (target.IsActive)
        {
            return TrySetActive(draft, type, path, value, out error);
        }

        if (!target.TryCheckChangeable(path, out error))
        {
            return false;
        }

        if (type != PatchOperationType.Remove)
        {
            if (EntraManagerQuirk.IsRemoval(target, path, value))
            {
                type = PatchOperationType.Remove;
                path = EntraManagerQuirk.RemovalPath(path);
            }
            else if (!PatchValueCoercion.TryCoerce(value, target.Value, path, out value, out error))
            {
                return false;
            }
        }

        var container = draft.ContainerOf(path, create: type != PatchOperationType.Remove);
        if (container is null)
        {
            return true; // removing from an extension the user does not have: nothing to remove
        }

        var key = JsonMembers.KeyOf(container, path.Name, target.Attribute.Name);
        if (path.ValueFilter is null)
        {
            PlainOperation.Apply(container, key, type, path, target.Attribute, value);
            return true;
        }

        return FilteredOperation.TryApply(container, key, type, path, value, out error);
    }

    /// <summary>Applies an operation on a whole extension schema: remove it, or apply its attributes.</summary>
    private static bool TryApplySchema(PatchDraft draft, PatchOperationType type, string schemaKey, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        if (type == PatchOperationType.Remove)
        {
            if (draft.Current.ContainsKey(schemaKey))
            {
                draft.Writable().Remove(schemaKey);
            }

            error = null;
            return true;
        }

        if (value is not JsonObject attributes)
        {
            error = PatchErrors.SchemaValueNotAnObject(schemaKey);
            return false;
        }

        // The schema's object exists afterwards even when the value sets nothing in it.
        if (!draft.Current.ContainsKey(schemaKey))
        {
            draft.Writable()[schemaKey] = new JsonObject();
        }

        return TryApplyObject(draft, type, attributes, schemaKey, out error);
    }

    private static bool TrySetActive(PatchDraft draft, PatchOperationType type, AttributePath path, JsonNode? value, [NotNullWhen(false)] out ScimError? error)
    {
        if (type == PatchOperationType.Remove || path.SubAttribute is not null || path.ValueFilter is not null)
        {
            error = PatchErrors.ActiveNotReplaceable();
            return false;
        }

        if (!ScimBoolean.TryRead(value, out var active))
        {
            error = PatchErrors.ActiveNotBoolean(value);
            return false;
        }

        draft.Active = active;
        error = null;
        return true;
    }
}
