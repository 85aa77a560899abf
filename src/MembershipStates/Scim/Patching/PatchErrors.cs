using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// Every error a <c>PATCH</c> answers with, its <c>scimType</c> and its message together: reading the request,
/// applying it to a user, reading it as a group delta.
/// </summary>
/// <remarks>
/// <para>One place for the wording, as Noda Time keeps its parse messages apart from its parsers: the messages
/// stay consistent (one phrasing for "a simple attribute has no sub-attribute" whether the resource is a User or a
/// Group), and the code that decides reads as decisions. Each message names what was sent and says what to send
/// instead; tests and providers' administrators read them, so a change here is a visible change.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
internal static class PatchErrors
{
    // Reading the request (RFC 7644 §3.5.2).
    public static ScimError NotJson(string reason) => ScimError.InvalidSyntax($"The body is not valid JSON: {reason}");

    public static ScimError NotAnObject() =>
        ScimError.InvalidSyntax("A PATCH body is a JSON object with \"schemas\" and \"Operations\" (RFC 7644 §3.5.2).");

    public static ScimError MissingSchema() =>
        ScimError.InvalidSyntax($"'schemas' must list \"{ScimPatchRequest.PatchOpSchema}\" (RFC 7644 §3.5.2).");

    public static ScimError NoOperations() =>
        ScimError.InvalidSyntax("'Operations' must be a non-empty array of operations (RFC 7644 §3.5.2).");

    public static ScimError TooManyOperations(int most) => ScimError.InvalidSyntax($"A PATCH may carry at most {most} operations.");

    public static ScimError OperationNotAnObject(int index) => ScimError.InvalidSyntax($"Operations[{index}] is not an object.");

    public static ScimError UnknownOp(int index, string? op) => ScimError.InvalidSyntax(
        $"Operations[{index}].op is {(op is null ? "missing" : $"\"{op}\"")}; it must be \"add\", \"replace\" or \"remove\".");

    public static ScimError MalformedPath(int index, FilterError error) => ScimError.InvalidPath($"Operations[{index}].path: {error.Message}");

    public static ScimError PathNotAString(int index) => ScimError.InvalidPath($"Operations[{index}].path must be a non-empty string.");

    public static ScimError RemoveWithoutPath(int index) =>
        ScimError.NoTarget($"Operations[{index}] is a remove without a path; RFC 7644 §3.5.2.2 requires one.");

    public static ScimError MissingValue(int index, string op) => ScimError.InvalidValue($"Operations[{index}] is an {op} without a value.");

    public static ScimError PathlessValueNotAnObject(int index) => ScimError.InvalidValue(
        $"Operations[{index}] has no path, so its value must be an object of attributes, such as {{\"active\":false}}.");

    // Paths and attributes, for Users and Groups alike.
    public static ScimError PathlessKeyNotAPath(string key, PatchOperationType type, FilterError error) =>
        ScimError.InvalidPath($"The key \"{key}\" of a path-less {OpName(type)} is not an attribute path: {error.Message}");

    public static ScimError ReadOnly(AttributePath path, string rfcSection) =>
        ScimError.Mutability($"'{path}' is read-only and cannot be changed by a PATCH (RFC 7643 {rfcSection}).");

    public static ScimError NotComplex(string attribute, AttributePath path) =>
        ScimError.InvalidPath($"'{attribute}' is a simple attribute; '{path}' names a sub-attribute or filter it does not have.");

    // Applying to a User.
    public static ScimError UndeclaredSchema(AttributePath path, string declared) =>
        ScimError.InvalidPath($"'{path}' names the schema \"{path.SchemaUrn}\", which this server does not declare (it declares {declared}; see /Schemas).");

    public static ScimError UndeclaredAttribute(AttributePath path, string schemaId) =>
        ScimError.InvalidPath($"'{path}' names no attribute of the schema \"{schemaId}\" (see /Schemas).");

    public static ScimError UndeclaredSubAttribute(AttributePath path, string attribute) =>
        ScimError.InvalidPath($"'{path}' names no sub-attribute of '{attribute}' (see /Schemas).");

    public static ScimError FilterOnSingleValued(string attribute) =>
        ScimError.InvalidPath($"'{attribute}' is single-valued; a value filter applies to multi-valued attributes only.");

    public static ScimError FilterNotEvaluable(AttributePath path, ScimError error) =>
        ScimError.InvalidFilter($"The filter of '{path}' cannot be evaluated: {error.Detail}");

    public static ScimError FilterSelectsNothing(AttributePath path) =>
        ScimError.NoTarget($"'{path}' selects no value, and its filter does not describe one to add.");

    public static ScimError FilteredValueNotAnObject(AttributePath path) =>
        ScimError.InvalidValue($"'{path}' selects complex values; the value must be an object of sub-attributes.");

    public static ScimError SchemaValueNotAnObject(string schemaKey) =>
        ScimError.InvalidValue($"'{schemaKey}' names a schema; its value must be an object of that schema's attributes.");

    public static ScimError ActiveNotReplaceable() =>
        ScimError.InvalidValue("'active' cannot be removed or addressed below; replace it with true or false.");

    public static ScimError ActiveNotBoolean(JsonNode? value) =>
        ScimError.InvalidValue($"'active' must be true or false (or the strings \"True\"/\"False\"), not {Describe(value)}.");

    public static ScimError NotBoolean(string path, JsonNode value) =>
        ScimError.InvalidValue($"'{path}' is a boolean; {value.ToJsonString()} is neither true nor false.");

    public static ScimError PatchedUserInvalid(ScimError error) => ScimError.InvalidValue($"The patched user is not valid: {error.Detail}");

    // Reading a Group delta.
    public static ScimError PathlessKeyNotAGroupAttribute(string key, PatchOperationType type, FilterError error) =>
        ScimError.InvalidPath($"The key \"{key}\" of a path-less {OpName(type)} is not an attribute of a Group: {error.Message}");

    public static ScimError NotAGroupAttribute(AttributePath path) =>
        ScimError.InvalidPath($"'{path}' is not an attribute of a Group; a Group has displayName, externalId and members.");

    public static ScimError GroupIdReadOnly(JsonNode? value, string groupId) =>
        ScimError.Mutability($"'id' is read-only: the request sends {Describe(value)} for the group \"{groupId}\".");

    public static ScimError DisplayNameRequired() => ScimError.InvalidValue("'displayName' is required and cannot be removed (RFC 7643 §4.2).");

    public static ScimError DisplayNameNotText(JsonNode? value) => ScimError.InvalidValue($"'displayName' must be a non-empty string, not {Describe(value)}.");

    public static ScimError ExternalIdNotText(JsonNode? value) =>
        ScimError.InvalidValue($"'externalId', when sent, must be a non-empty string, not {Describe(value)}.");

    public static ScimError MemberSubAttribute(AttributePath path) =>
        ScimError.InvalidPath($"'{path}': members are added and removed whole, by their value, as in members[value eq \"2819c223\"].");

    public static ScimError MemberFilterOnAdd(AttributePath path) => ScimError.InvalidPath(
        $"'{path}': a member is added with {{\"op\":\"add\",\"path\":\"members\",\"value\":[{{\"value\":\"…\"}}]}}; a filter selects members to remove only.");

    public static ScimError MemberFilterNotByValue(AttributePath path) => ScimError.InvalidFilter(
        $"'{path}': members are selected by value only, as in members[value eq \"2819c223\"] or members[value eq \"a\" or value eq \"b\"].");

    public static ScimError MembersNotAList(JsonNode? value) =>
        ScimError.InvalidValue($"'members' takes a list of members such as [{{\"value\":\"2819c223\"}}], not {Describe(value)}.");

    public static ScimError MemberNotAnObject(int index) =>
        ScimError.InvalidValue($"members[{index}] must be an object with a \"value\", such as {{\"value\":\"2819c223\"}}.");

    public static ScimError MemberWithoutValue(int index) =>
        ScimError.InvalidValue($"members[{index}] needs a non-empty string \"value\": the id of a User of this organization.");

    public static ScimError MemberNotAUser(int index, JsonNode type) =>
        ScimError.InvalidValue($"members[{index}] is of type {Describe(type)}; a group's members are Users, groups of groups are not supported.");

    private static string Describe(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    // Only add and replace can be path-less: the request reader refuses a path-less remove.
    private static string OpName(PatchOperationType type) => type == PatchOperationType.Add ? "add" : "replace";
}
