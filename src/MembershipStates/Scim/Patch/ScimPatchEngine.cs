using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <summary>
/// Applies the operations of a <c>PATCH</c> to the JSON form of a user's attributes, all or nothing.
/// </summary>
/// <remarks>
/// <para><c>active</c> is not an attribute here but the lifecycle's: operations that set it are collected into
/// <see cref="Result.Active"/> so that the request becomes one decision. Every other operation works on a copy of the
/// attributes made on first need; a request that only (de)activates never copies them.</para>
/// <para>Semantics follow RFC 7644 §3.5.2 where the providers agree with it, and the providers where they need more:
/// an <c>add</c> or <c>replace</c> through a value filter that selects nothing (Entra's
/// <c>emails[type eq "work"].value</c> on a user without a work e-mail) adds the value the filter describes;
/// Entra's <c>manager</c> sent as <c>""</c> removes the manager.</para>
/// <para>Every path, and every key of a path-less value, must name an attribute (and sub-attribute) of a schema in the
/// catalog, or the request is <c>invalidPath</c>: nothing is stored that <c>/Schemas</c> does not describe.
/// Sub-attributes no schema declares inside a value are left for <see cref="ScimUser"/>'s host copy to drop.</para>
/// </remarks>
internal static class ScimPatchEngine
{
    /// <summary>What applying came to.</summary>
    /// <param name="Original">The attributes as JSON before the operations, when any operation needed them.</param>
    /// <param name="Attributes">The attributes after the operations; <see langword="null"/> when no operation touched them.</param>
    /// <param name="Active">The <c>active</c> the operations ask for, or <see langword="null"/>.</param>
    /// <param name="Error">The first error; with it nothing applies.</param>
    internal readonly record struct Result(JsonObject? Original, JsonObject? Attributes, bool? Active, ScimError? Error);

    /// <summary>Applies the operations to the user's attributes, which are never changed.</summary>
    /// <param name="attributes">The user's attributes; read as JSON only when an operation addresses them.</param>
    /// <param name="operations">The operations, in order.</param>
    /// <param name="catalog">The schemas the server declares; the core and enterprise User schemas when <see langword="null"/>.</param>
    /// <returns>The changed attributes (<see langword="null"/> when no operation touched them), the requested <c>active</c>, or the first error.</returns>
    internal static Result Apply(ScimUser attributes, IReadOnlyList<ScimPatchOperation> operations, ScimAttributeCatalog? catalog = null)
    {
        var state = new State(attributes, catalog ?? ScimAttributeCatalog.Default);
        foreach (var operation in operations)
        {
            var error = operation.Path is { } path
                ? ApplyAt(state, operation.Type, path, operation.Value)
                : ApplyObject(state, operation.Type, (JsonObject)operation.Value!, schemaPrefix: null);
            if (error is not null)
            {
                return new Result(null, null, null, error);
            }
        }

        return new Result(state.OriginalIfRead, state.Changed, state.Active, null);
    }

    private static ScimError? ApplyObject(State state, ScimPatchOperationType type, JsonObject value, string? schemaPrefix)
    {
        foreach (var (key, member) in value)
        {
            if (schemaPrefix is null && string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // An extension schema's URN as a key holds that schema's attributes: {"urn:…:enterprise:2.0:User": {...}}.
            // Only a schema the server declares: any other URN key is read as an attribute path and refused below.
            if (schemaPrefix is null && member is JsonObject && state.Catalog.FindSchema(key) is not null)
            {
                if (ApplySchema(state, type, JsonMembers.KeyOf(state.Current, key, state.Catalog.FindSchema(key)!.Id), member) is { } nested)
                {
                    return nested;
                }

                continue;
            }

            var text = schemaPrefix is null ? key : schemaPrefix + ":" + key;
            if (!AttributePath.TryParse(text, out var path, out var pathError))
            {
                return ScimError.InvalidPath($"The key \"{key}\" of a path-less {Name(type)} is not an attribute path: {pathError.Message}");
            }

            if (ApplyAt(state, type, path, member) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static ScimError? ApplyAt(State state, ScimPatchOperationType type, AttributePath path, JsonNode? value)
    {
        if (NamedSchema(state, path) is { } schemaKey)
        {
            return ApplySchema(state, type, schemaKey, value);
        }

        var resolution = state.Catalog.Resolve(path);
        var attribute = resolution.Attribute;

        // RFC 7644 §3.5.2: a path that names no attribute of the server's schemas is invalidPath. Applying it would
        // store an attribute that /Schemas does not describe (and that a typo such as "activ" silently creates).
        if (!resolution.IsKnown)
        {
            return ScimError.InvalidPath(Undeclared(state.Catalog, path, resolution));
        }

        if (IsActive(attribute))
        {
            return SetActive(state, type, path, value);
        }

        if (attribute is { Mutability: ScimMutability.ReadOnly } || resolution.SubAttribute is { Mutability: ScimMutability.ReadOnly })
        {
            return ScimError.Mutability($"'{path}' is read-only and cannot be changed by a PATCH (RFC 7643 §7).");
        }

        if (attribute is not null && !attribute.IsComplex && (path.SubAttribute is not null || path.ValueFilter is not null))
        {
            return ScimError.InvalidPath($"'{attribute.Name}' is a simple attribute; '{path}' names a sub-attribute or filter it does not have.");
        }

        if (path.ValueFilter is not null && attribute is { MultiValued: false })
        {
            return ScimError.InvalidPath($"'{attribute.Name}' is single-valued; a value filter applies to multi-valued attributes only.");
        }

        var target = resolution.SubAttribute ?? (path.SubAttribute is null ? attribute : null);
        if (type != ScimPatchOperationType.Remove)
        {
            if (IsManagerRemoval(resolution, path, value))
            {
                type = ScimPatchOperationType.Remove;
                path = ManagerPath(path);
            }
            else if (Coerce(value, target, path) is { } coerced)
            {
                if (coerced.Error is not null)
                {
                    return coerced.Error;
                }

                value = coerced.Value;
            }
        }

        var container = Container(state, path, create: type != ScimPatchOperationType.Remove);
        if (container is null)
        {
            return null; // removing from an extension the user does not have: nothing to remove
        }

        var key = JsonMembers.KeyOf(container, path.Name, attribute?.Name);
        return path.ValueFilter is null
            ? ApplyPlain(container, key, type, path, attribute, value)
            : ApplyFiltered(container, key, type, path, value);
    }

    private static ScimError? ApplyPlain(JsonObject container, string key, ScimPatchOperationType type, AttributePath path, ScimAttributeDefinition? attribute, JsonNode? value)
    {
        var existing = container[key];
        if (path.SubAttribute is { } sub)
        {
            if (existing is JsonArray elements)
            {
                // "emails.value" without a filter addresses that sub-attribute of every value.
                foreach (var element in elements.OfType<JsonObject>())
                {
                    SetOrRemove(element, JsonMembers.KeyOf(element, sub, null), type, value);
                }

                return null;
            }

            if (existing is not JsonObject parent)
            {
                if (type == ScimPatchOperationType.Remove)
                {
                    return null;
                }

                container[key] = parent = [];
            }

            SetOrRemove(parent, JsonMembers.KeyOf(parent, sub, null), type, value);
            if (parent.Count == 0)
            {
                container.Remove(key);
            }

            return null;
        }

        var multiValued = attribute?.MultiValued ?? existing is JsonArray;
        switch (type)
        {
            case ScimPatchOperationType.Remove when multiValued && value is not null && existing is JsonArray values:
                // Remove with a value removes the values that equal one sent (Entra's group-member shape).
                var remove = value is JsonArray list ? list : [value.DeepClone()];
                for (var i = values.Count - 1; i >= 0; i--)
                {
                    if (remove.Any(r => SameValue(r, values[i])))
                    {
                        values.RemoveAt(i);
                    }
                }

                return null;
            case ScimPatchOperationType.Remove:
                container.Remove(key);
                return null;
            case ScimPatchOperationType.Add when multiValued && value is null && attribute is not null:
                return null; // adding no value adds nothing
            case ScimPatchOperationType.Replace when multiValued && value is null && attribute is not null:
                container.Remove(key); // null is "unassigned" (RFC 7643 §2.5)
                return null;
            case ScimPatchOperationType.Add or ScimPatchOperationType.Replace when value is null:
                container[key] = null; // null is "unassigned" (RFC 7643 §2.5): the attribute reads back as absent
                return null;
            case ScimPatchOperationType.Add when multiValued:
                var target = existing as JsonArray ?? [];
                foreach (var item in value is JsonArray added ? added : [value!.DeepClone()])
                {
                    if (!target.Any(t => JsonNode.DeepEquals(t, item)))
                    {
                        target.Add(item?.DeepClone());
                    }
                }

                container[key] = target;
                return null;
            case ScimPatchOperationType.Replace when multiValued:
                // A multi-valued attribute takes a single value as a list of one.
                container[key] = value is JsonArray || attribute is null ? value!.DeepClone() : new JsonArray(value!.DeepClone());
                return null;
            default:
                // A complex attribute takes the sub-attributes sent and keeps the others (RFC 7644 §3.5.2.1, .3).
                if (existing is JsonObject current && value is JsonObject given)
                {
                    foreach (var (subKey, subValue) in given)
                    {
                        current[JsonMembers.KeyOf(current, subKey, null)] = subValue?.DeepClone();
                    }

                    return null;
                }

                container[key] = value?.DeepClone();
                return null;
        }
    }

    private static ScimError? ApplyFiltered(JsonObject container, string key, ScimPatchOperationType type, AttributePath path, JsonNode? value)
    {
        var values = container[key] as JsonArray;
        var matched = new List<JsonObject>();
        foreach (var element in values?.OfType<JsonObject>() ?? [])
        {
            if (!path.TryMatchElement(element, out var matches, out var filterError))
            {
                return ScimError.InvalidFilter($"The filter of '{path}' cannot be evaluated: {filterError.Message}");
            }

            if (matches)
            {
                matched.Add(element);
            }
        }

        if (type == ScimPatchOperationType.Remove)
        {
            foreach (var element in matched)
            {
                if (path.SubAttribute is { } sub)
                {
                    element.Remove(JsonMembers.KeyOf(element, sub, null));
                }
                else
                {
                    values!.Remove(element);
                }
            }

            return null;
        }

        if (matched.Count == 0)
        {
            // Nothing selected: add the value the filter describes, when it describes one (eq comparisons joined by and).
            var created = new JsonObject();
            if (path.ValueFilter is null || !FilterElements.TryDescribe(path.ValueFilter, created))
            {
                return ScimError.NoTarget($"'{path}' selects no value, and its filter does not describe one to add.");
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
                element[JsonMembers.KeyOf(element, sub, null)] = value?.DeepClone();
            }
            else if (value is JsonObject given)
            {
                foreach (var (subKey, subValue) in given)
                {
                    element[JsonMembers.KeyOf(element, subKey, null)] = subValue?.DeepClone();
                }
            }
            else
            {
                return ScimError.InvalidValue($"'{path}' selects complex values; the value must be an object of sub-attributes.");
            }
        }

        return null;
    }

    /// <summary>
    /// The key of the extension schema a path names as a whole (<c>urn:…:enterprise:2.0:User</c>), which the grammar
    /// reads as schema <c>urn:…:2.0</c> and attribute <c>User</c>; <see langword="null"/> for an attribute path, and
    /// for the URN of a schema the server does not declare (which then fails to resolve as an attribute).
    /// </summary>
    private static string? NamedSchema(State state, AttributePath path)
    {
        if (path.SchemaUrn is not { } schemaId || path.SubAttribute is not null || path.ValueFilter is not null)
        {
            return null;
        }

        return state.Catalog.FindSchema(schemaId + ":" + path.Name) is { } schema ? JsonMembers.KeyOf(state.Current, schema.Id, schema.Id) : null;
    }

    private static string Undeclared(ScimAttributeCatalog catalog, AttributePath path, ScimAttributeResolution resolution)
    {
        var declared = string.Join(", ", catalog.Schemas.Select(s => s.Id));
        return resolution switch
        {
            { Schema: null } => $"'{path}' names the schema \"{path.SchemaUrn}\", which this server does not declare (it declares {declared}; see /Schemas).",
            { Attribute: null } => $"'{path}' names no attribute of the schema \"{resolution.Schema.Id}\" (see /Schemas).",
            _ => $"'{path}' names no sub-attribute of '{resolution.Attribute.Name}' (see /Schemas).",
        };
    }

    private static ScimError? ApplySchema(State state, ScimPatchOperationType type, string schemaKey, JsonNode? value)
    {
        if (type == ScimPatchOperationType.Remove)
        {
            if (state.Current.ContainsKey(schemaKey))
            {
                state.Writable().Remove(schemaKey);
            }

            return null;
        }

        if (value is not JsonObject attributes)
        {
            return ScimError.InvalidValue($"'{schemaKey}' names a schema; its value must be an object of that schema's attributes.");
        }

        // The schema's object exists afterwards even when the value sets nothing in it.
        if (!state.Current.ContainsKey(schemaKey))
        {
            state.Writable()[schemaKey] = new JsonObject();
        }

        return ApplyObject(state, type, attributes, schemaKey);
    }

    private static ScimError? SetActive(State state, ScimPatchOperationType type, AttributePath path, JsonNode? value)
    {
        if (type == ScimPatchOperationType.Remove || path.SubAttribute is not null || path.ValueFilter is not null)
        {
            return ScimError.InvalidValue("'active' cannot be removed or addressed below; replace it with true or false.");
        }

        if (!ScimBoolean.TryRead(value, out var active))
        {
            return ScimError.InvalidValue($"'active' must be true or false (or the strings \"True\"/\"False\"), not {value?.ToJsonString() ?? "null"}.");
        }

        state.Active = active;
        return null;
    }

    /// <summary>Finds the object an attribute lives in: the user itself, or its extension schema's object.</summary>
    private static JsonObject? Container(State state, AttributePath path, bool create)
    {
        var schema = path.SchemaUrn;
        if (schema is null || string.Equals(schema, ScimSchemaIds.User, StringComparison.OrdinalIgnoreCase))
        {
            return state.Writable();
        }

        var key = JsonMembers.KeyOf(state.Current, schema, null);
        if (state.Current[key] is JsonObject)
        {
            return (JsonObject)state.Writable()[key]!;
        }

        if (!create)
        {
            return null;
        }

        var extension = new JsonObject();
        state.Writable()[key] = extension;
        return extension;
    }

    /// <summary>Coerces a value to the attribute's type where providers send it loosely: booleans as "True"/"False".</summary>
    private static (JsonNode? Value, ScimError? Error)? Coerce(JsonNode? value, ScimAttributeDefinition? target, AttributePath path)
    {
        if (target is null || value is null)
        {
            return null;
        }

        if (target.Type == ScimAttributeType.Boolean && !target.MultiValued)
        {
            return ScimBoolean.TryRead(value, out var flag)
                ? (JsonValue.Create(flag), null)
                : (null, ScimError.InvalidValue($"'{path}' is a boolean; {value.ToJsonString()} is neither true nor false."));
        }

        if (target.IsComplex)
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
                            return (null, ScimError.InvalidValue($"'{path}.{key}' is a boolean; {member.ToJsonString()} is neither true nor false."));
                        }

                        element[key] = JsonValue.Create(flag);
                    }
                }
            }

            return (copy, null);
        }

        return null;
    }

    private static bool IsActive(ScimAttributeDefinition? attribute) =>
        attribute is { SchemaId: ScimSchemaIds.User, Name: "active" };

    private static bool IsManagerRemoval(ScimAttributeResolution resolution, AttributePath path, JsonNode? value) =>
        resolution.Attribute is { Name: "manager" } manager
        && manager.SchemaId == ScimSchemaIds.EnterpriseUser
        && (path.SubAttribute is null || string.Equals(path.SubAttribute, "value", StringComparison.OrdinalIgnoreCase))
        && (IsEmptyString(value) || (value is JsonObject o && o.Count == 1 && IsEmptyString(JsonMembers.Find(o, "value"))));

    private static AttributePath ManagerPath(AttributePath path) =>
        AttributePath.TryParse($"{ScimSchemaIds.EnterpriseUser}:manager", out var manager, out _) ? manager : path;

    private static bool IsEmptyString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0;

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

    private static void SetOrRemove(JsonObject target, string key, ScimPatchOperationType type, JsonNode? value)
    {
        if (type == ScimPatchOperationType.Remove)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value?.DeepClone();
        }
    }

    private static string Name(ScimPatchOperationType type) => type == ScimPatchOperationType.Add ? "add" : "replace";

    /// <summary>The attributes being patched, copied on the first change.</summary>
    private sealed class State
    {
        private readonly ScimUser _user;
        private JsonObject? _original;

        public State(ScimUser user, ScimAttributeCatalog catalog)
        {
            _user = user;
            Catalog = catalog;
        }

        /// <summary>Gets the schemas paths resolve against.</summary>
        public ScimAttributeCatalog Catalog { get; }

        /// <summary>Gets the attributes before any change, as JSON without <c>active</c>; built on first use.</summary>
        public JsonObject Original
        {
            get
            {
                if (_original is null)
                {
                    _original = ScimJson.ToJsonObject(_user);
                    _original.Remove("active");
                }

                return _original;
            }
        }

        /// <summary>Gets the attributes before any change as JSON, if an operation needed them; never builds them.</summary>
        public JsonObject? OriginalIfRead => _original;

        /// <summary>Gets the attributes as they stand: the changed copy once there is one.</summary>
        public JsonObject Current => Changed ?? Original;

        public JsonObject? Changed { get; private set; }

        public bool? Active { get; set; }

        public JsonObject Writable() => Changed ??= (JsonObject)Original.DeepClone();
    }
}
