using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Patching;

namespace MembershipStates.Scim.Groups;

/// <summary>
/// Reads the member ids a Group <c>PATCH</c> names: from a value (<c>[{"value":"…"}]</c>, one object, Entra's
/// <c>{"$ref":null,"value":"…"}</c>) or from the filter of <c>members[value eq "…"]</c>.
/// </summary>
/// <remarks>Member ids are SCIM ids of Users, compared exactly. Stateless and thread-safe.</remarks>
internal static class GroupMemberValues
{
    /// <summary>Reads the ids of the members a value lists.</summary>
    /// <param name="value">One member object or an array of them.</param>
    /// <param name="ids">The ids, in the order sent.</param>
    /// <param name="error">A 400 <c>invalidValue</c> for a value that is not a list of User members, otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when every member has a value and is a User.</returns>
    public static bool TryRead(JsonNode? value, out List<string> ids, [NotNullWhen(false)] out ScimError? error)
    {
        ids = [];
        if (value is JsonObject single)
        {
            return TryReadMember(single, 0, ids, out error);
        }

        if (value is not JsonArray array)
        {
            error = PatchErrors.MembersNotAList(value);
            return false;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject element)
            {
                error = PatchErrors.MemberNotAnObject(i);
                return false;
            }

            if (!TryReadMember(element, i, ids, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>Reads the ids a filter selects: <c>value eq "x"</c> comparisons joined by <c>or</c>.</summary>
    /// <param name="filter">The value filter of <c>members[…]</c>.</param>
    /// <param name="ids">The ids, in the order written.</param>
    /// <returns><see langword="false"/> for any other filter, which could not be answered without reading the members.</returns>
    public static bool TrySelect(ScimFilter filter, out List<string> ids)
    {
        ids = [];
        return TrySelect(filter.Root, ids);
    }

    private static bool TrySelect(FilterNode node, List<string> ids)
    {
        switch (node)
        {
            case ComparisonNode { Operator: ComparisonOperator.Equal, Value.Kind: FilterValueKind.String } comparison
                when comparison.Attribute is { SchemaUrn: null, SubAttribute: null, ValueFilter: null }
                    && string.Equals(comparison.Attribute.Name, "value", StringComparison.OrdinalIgnoreCase)
                    && comparison.Value.Text is { } id:
                ids.Add(id);
                return true;
            case LogicalNode { Operator: LogicalOperator.Or } or:
                return TrySelect(or.Left, ids) && TrySelect(or.Right, ids);
            default:
                return false;
        }
    }

    private static bool TryReadMember(JsonObject element, int index, List<string> ids, [NotNullWhen(false)] out ScimError? error)
    {
        if (JsonStrings.ValueOf(JsonMembers.Find(element, "value")) is not { } member || string.IsNullOrWhiteSpace(member))
        {
            error = PatchErrors.MemberWithoutValue(index);
            return false;
        }

        if (JsonMembers.Find(element, "type") is { } typeNode
            && !(JsonStrings.ValueOf(typeNode) is { } type && string.Equals(type, "User", StringComparison.OrdinalIgnoreCase)))
        {
            error = PatchErrors.MemberNotAUser(index, typeNode);
            return false;
        }

        ids.Add(member);
        error = null;
        return true;
    }
}
