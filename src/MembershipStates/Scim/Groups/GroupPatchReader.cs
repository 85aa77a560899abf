using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim.Groups;

/// <summary>
/// Reads the operations of a Group <c>PATCH</c> into one <see cref="ScimGroupPatch"/>: the attribute changes and the
/// member deltas, composed in order.
/// </summary>
/// <remarks>Errors follow RFC 7644 §3.12; the first one wins and the request changes nothing. Stateless and thread-safe.</remarks>
internal static class GroupPatchReader
{
    private const string Members = "members";

    internal static ScimResult<ScimGroupPatch> Read(IReadOnlyList<ScimPatchOperation> operations, string groupId)
    {
        var delta = new Delta(groupId);
        foreach (var operation in operations)
        {
            var error = operation.Path is { } path
                ? delta.Apply(operation.Type, path, operation.Value)
                : delta.ApplyObject(operation.Type, (JsonObject)operation.Value!);
            if (error is not null)
            {
                return ScimResult<ScimGroupPatch>.Failure(error);
            }
        }

        return ScimResult<ScimGroupPatch>.Success(delta.ToPatch());
    }

    /// <summary>The patch being composed: later operations act on what earlier ones left.</summary>
    private sealed class Delta(string groupId)
    {
        private readonly OrderedSet _added = new();
        private readonly OrderedSet _removed = new();
        private string? _displayName;
        private bool _changesExternalId;
        private string? _externalId;
        private bool _replacesMembers;

        public ScimGroupPatch ToPatch() =>
            new(_displayName, _changesExternalId, _externalId, _replacesMembers, _added.ToArray(), _removed.ToArray());

        /// <summary>A path-less <c>add</c> or <c>replace</c>: each key of the object is an attribute (Okta's rename, with <c>id</c> inside).</summary>
        public ScimError? ApplyObject(ScimPatchOperationType type, JsonObject value)
        {
            foreach (var (key, member) in value)
            {
                if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!AttributePath.TryParse(key, out var path, out var pathError))
                {
                    return ScimError.InvalidPath($"The key \"{key}\" of a path-less {Name(type)} is not an attribute of a Group: {pathError.Message}");
                }

                if (Apply(type, path, member) is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        public ScimError? Apply(ScimPatchOperationType type, AttributePath path, JsonNode? value)
        {
            if (path.SchemaUrn is { } schema && !string.Equals(schema, ScimSchemaUris.Group, StringComparison.OrdinalIgnoreCase))
            {
                // An extension schema's attribute, such as Entra's AzureADSCIM Group extension: accepted and ignored.
                return null;
            }

            return path.Name.ToUpperInvariant() switch
            {
                "ID" => Id(type, path, value),
                "META" => ScimError.Mutability($"'{path}' is read-only and cannot be changed by a PATCH (RFC 7643 §3.1)."),
                "DISPLAYNAME" => DisplayName(type, path, value),
                "EXTERNALID" => ExternalId(type, path, value),
                "MEMBERS" => MembersOf(type, path, value),
                _ => ScimError.InvalidPath($"'{path}' is not an attribute of a Group; a Group has displayName, externalId and members."),
            };
        }

        private ScimError? Id(ScimPatchOperationType type, AttributePath path, JsonNode? value) =>
            type != ScimPatchOperationType.Remove && IsPlain(path) && Text(value) is { } id && string.Equals(id, groupId, StringComparison.Ordinal)
                ? null // Okta repeats the group's own id beside displayName: nothing to change.
                : ScimError.Mutability($"'id' is read-only: the request sends {Describe(value)} for the group \"{groupId}\".");

        private ScimError? DisplayName(ScimPatchOperationType type, AttributePath path, JsonNode? value)
        {
            if (!IsPlain(path))
            {
                return ScimError.InvalidPath($"'displayName' is a simple attribute; '{path}' names a sub-attribute or filter it does not have.");
            }

            if (type == ScimPatchOperationType.Remove)
            {
                return ScimError.InvalidValue("'displayName' is required and cannot be removed (RFC 7643 §4.2).");
            }

            if (Text(value) is not { } name || string.IsNullOrWhiteSpace(name))
            {
                return ScimError.InvalidValue($"'displayName' must be a non-empty string, not {Describe(value)}.");
            }

            _displayName = name;
            return null;
        }

        private ScimError? ExternalId(ScimPatchOperationType type, AttributePath path, JsonNode? value)
        {
            if (!IsPlain(path))
            {
                return ScimError.InvalidPath($"'externalId' is a simple attribute; '{path}' names a sub-attribute or filter it does not have.");
            }

            if (type == ScimPatchOperationType.Remove || value is null)
            {
                // Removed, or replaced with null: unassigned (RFC 7643 §2.5).
                _changesExternalId = true;
                _externalId = null;
                return null;
            }

            if (Text(value) is not { } externalId || string.IsNullOrWhiteSpace(externalId))
            {
                return ScimError.InvalidValue($"'externalId', when sent, must be a non-empty string, not {Describe(value)}.");
            }

            _changesExternalId = true;
            _externalId = externalId;
            return null;
        }

        private ScimError? MembersOf(ScimPatchOperationType type, AttributePath path, JsonNode? value)
        {
            if (path.SubAttribute is not null)
            {
                return ScimError.InvalidPath($"'{path}': members are added and removed whole, by their value, as in members[value eq \"2819c223\"].");
            }

            if (path.ValueFilter is { } filter)
            {
                if (type != ScimPatchOperationType.Remove)
                {
                    return ScimError.InvalidPath($"'{path}': a member is added with {{\"op\":\"add\",\"path\":\"members\",\"value\":[{{\"value\":\"…\"}}]}}; a filter selects members to remove only.");
                }

                var selected = new List<string>();
                if (!TrySelectedValues(filter.Root, selected))
                {
                    return ScimError.InvalidFilter($"'{path}': members are selected by value only, as in members[value eq \"2819c223\"] or members[value eq \"a\" or value eq \"b\"].");
                }

                foreach (var member in selected)
                {
                    Remove(member);
                }

                return null;
            }

            if (type == ScimPatchOperationType.Remove && value is null)
            {
                // No value: every member goes (RFC 7644 §3.5.2.2).
                ReplaceWith([]);
                return null;
            }

            if (type == ScimPatchOperationType.Replace && value is null)
            {
                ReplaceWith([]);
                return null;
            }

            var values = new List<string>();
            if (ReadMembers(value, values) is { } invalid)
            {
                return invalid;
            }

            switch (type)
            {
                case ScimPatchOperationType.Add:
                    foreach (var member in values)
                    {
                        Add(member);
                    }

                    break;
                case ScimPatchOperationType.Remove:
                    // Entra's default form removes only the members listed; emptying the group here is a classic bug.
                    foreach (var member in values)
                    {
                        Remove(member);
                    }

                    break;
                default:
                    ReplaceWith(values);
                    break;
            }

            return null;
        }

        private void Add(string member)
        {
            _removed.Remove(member);
            _added.Add(member);
        }

        private void Remove(string member)
        {
            _added.Remove(member);
            if (!_replacesMembers)
            {
                _removed.Add(member);
            }
        }

        private void ReplaceWith(List<string> members)
        {
            _replacesMembers = true;
            _removed.Clear();
            _added.Clear();
            foreach (var member in members)
            {
                _added.Add(member);
            }
        }

        private static ScimError? ReadMembers(JsonNode? value, List<string> values)
        {
            if (value is JsonObject single)
            {
                return ReadMember(single, 0, values);
            }

            if (value is not JsonArray array)
            {
                return ScimError.InvalidValue($"'members' takes a list of members such as [{{\"value\":\"2819c223\"}}], not {Describe(value)}.");
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject element)
                {
                    return ScimError.InvalidValue($"members[{i}] must be an object with a \"value\", such as {{\"value\":\"2819c223\"}}.");
                }

                if (ReadMember(element, i, values) is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        private static ScimError? ReadMember(JsonObject element, int index, List<string> values)
        {
            if (Text(JsonMembers.Find(element, "value")) is not { } member || string.IsNullOrWhiteSpace(member))
            {
                return ScimError.InvalidValue($"members[{index}] needs a non-empty string \"value\": the id of a User of this organization.");
            }

            if (JsonMembers.Find(element, "type") is { } typeNode
                && !(Text(typeNode) is { } type && string.Equals(type, "User", StringComparison.OrdinalIgnoreCase)))
            {
                return ScimError.InvalidValue($"members[{index}] is of type {Describe(typeNode)}; a group's members are Users, groups of groups are not supported.");
            }

            values.Add(member);
            return null;
        }

        // value eq "x", joined by or: the members a remove selects. Anything else cannot be answered without reading the members.
        private static bool TrySelectedValues(FilterNode node, List<string> values)
        {
            switch (node)
            {
                case ComparisonNode { Operator: ComparisonOperator.Equal, Value.Kind: FilterValueKind.String } comparison
                    when comparison.Attribute is { SchemaUrn: null, SubAttribute: null, ValueFilter: null }
                        && string.Equals(comparison.Attribute.Name, "value", StringComparison.OrdinalIgnoreCase):
                    values.Add(comparison.Value.Text!);
                    return true;
                case LogicalNode { Operator: LogicalOperator.Or } or:
                    return TrySelectedValues(or.Left, values) && TrySelectedValues(or.Right, values);
                default:
                    return false;
            }
        }

        private static bool IsPlain(AttributePath path) => path.SubAttribute is null && path.ValueFilter is null;

        private static string? Text(JsonNode? node) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

        private static string Describe(JsonNode? node) => node is null ? "null" : node.ToJsonString();

        private static string Name(ScimPatchOperationType type) => type == ScimPatchOperationType.Add ? "add" : "replace";
    }

    /// <summary>A set of member ids that remembers the order they were first added in.</summary>
    private sealed class OrderedSet
    {
        private readonly List<string> _items = [];
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);

        public void Add(string item)
        {
            if (_set.Add(item))
            {
                _items.Add(item);
            }
        }

        public void Remove(string item)
        {
            if (_set.Remove(item))
            {
                _items.Remove(item);
            }
        }

        public void Clear()
        {
            _items.Clear();
            _set.Clear();
        }

        public string[] ToArray() => [.. _items];
    }
}
