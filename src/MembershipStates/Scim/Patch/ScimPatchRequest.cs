using System.Text.Json;
using System.Text.Json.Nodes;

namespace MembershipStates.Scim;

/// <summary>
/// A SCIM <c>PATCH</c> request (RFC 7644 §3.5.2): the operations Okta and Microsoft Entra ID send to deactivate,
/// reactivate and update users, read and checked before anything is applied.
/// </summary>
/// <remarks>
/// <para>Read leniently where the providers differ and the RFC allows it: <c>op</c> in any case, the member
/// <c>Operations</c> in any case, <c>path</c> absent for a path-less <c>add</c>/<c>replace</c> with an object value.
/// Read strictly where a mistake would change the wrong thing: an unknown <c>op</c>, a malformed <c>path</c>, a
/// <c>remove</c> without a path, or an <c>add</c>/<c>replace</c> without a value are 400 errors.</para>
/// <para>Immutable once read; thread-safe.</para>
/// </remarks>
public sealed class ScimPatchRequest
{
    /// <summary>The schema URI of a PATCH request.</summary>
    public const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private const int MaxOperations = 1000;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 64 };

    private ScimPatchRequest(IReadOnlyList<ScimPatchOperation> operations) => Operations = operations;

    /// <summary>Gets the operations, in the order they apply.</summary>
    public IReadOnlyList<ScimPatchOperation> Operations { get; }

    /// <summary>Reads a PATCH request body.</summary>
    /// <param name="body">The request body, UTF-8 JSON.</param>
    /// <returns>The request, or a 400 error that says what to fix.</returns>
    /// <remarks>Never throws for any input. A body that is not valid UTF-8, an object that repeats a member name
    /// (in any case), and an escaped unpaired surrogate are 400 <c>invalidSyntax</c>.</remarks>
    public static ScimResult<ScimPatchRequest> Parse(ReadOnlySpan<byte> body)
    {
        // A UTF-8 byte-order mark is allowed before the JSON, as for POST and PUT (RFC 8259 §8.1 lets a parser ignore it).
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (ScimJsonSyntax.Check(body) is { } syntax)
        {
            return Fail(syntax);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: ReadOptions);
        }
        catch (JsonException e)
        {
            return Fail(ScimError.InvalidSyntax($"The body is not valid JSON: {e.Message}"));
        }

        if (root is not JsonObject request)
        {
            return Fail(ScimError.InvalidSyntax("A PATCH body is a JSON object with \"schemas\" and \"Operations\" (RFC 7644 §3.5.2)."));
        }

        if (!ListsPatchSchema(JsonMembers.Find(request, "schemas")))
        {
            return Fail(ScimError.InvalidSyntax($"'schemas' must list \"{PatchOpSchema}\" (RFC 7644 §3.5.2)."));
        }

        if (JsonMembers.Find(request, "Operations") is not JsonArray operations || operations.Count == 0)
        {
            return Fail(ScimError.InvalidSyntax("'Operations' must be a non-empty array of operations (RFC 7644 §3.5.2)."));
        }

        if (operations.Count > MaxOperations)
        {
            return Fail(ScimError.InvalidSyntax($"A PATCH may carry at most {MaxOperations} operations."));
        }

        var result = new ScimPatchOperation[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            var read = ReadOperation(operations[i], i);
            if (!read.TryGetValue(out var operation))
            {
                return Fail(read.Error);
            }

            result[i] = operation;
        }

        return ScimResult<ScimPatchRequest>.Success(new ScimPatchRequest(result));
    }

    private static ScimResult<ScimPatchOperation> ReadOperation(JsonNode? node, int index)
    {
        if (node is not JsonObject operation)
        {
            return ScimResult<ScimPatchOperation>.Failure(ScimError.InvalidSyntax($"Operations[{index}] is not an object."));
        }

        var opText = JsonMembers.Find(operation, "op") is JsonValue op && op.TryGetValue<string>(out var text) ? text : null;
        ScimPatchOperationType type;
        if (string.Equals(opText, "add", StringComparison.OrdinalIgnoreCase))
        {
            type = ScimPatchOperationType.Add;
        }
        else if (string.Equals(opText, "replace", StringComparison.OrdinalIgnoreCase))
        {
            type = ScimPatchOperationType.Replace;
        }
        else if (string.Equals(opText, "remove", StringComparison.OrdinalIgnoreCase))
        {
            type = ScimPatchOperationType.Remove;
        }
        else
        {
            return ScimResult<ScimPatchOperation>.Failure(ScimError.InvalidSyntax(
                $"Operations[{index}].op is {(opText is null ? "missing" : $"\"{opText}\"")}; it must be \"add\", \"replace\" or \"remove\"."));
        }

        AttributePath? path = null;
        switch (JsonMembers.Find(operation, "path"))
        {
            case null:
                break;
            case JsonValue pathValue when pathValue.TryGetValue<string>(out var pathText) && !string.IsNullOrWhiteSpace(pathText):
                if (!AttributePath.TryParse(pathText, out path, out var pathError))
                {
                    return ScimResult<ScimPatchOperation>.Failure(ScimError.InvalidPath($"Operations[{index}].path: {pathError.Message}"));
                }

                break;
            default:
                return ScimResult<ScimPatchOperation>.Failure(ScimError.InvalidPath($"Operations[{index}].path must be a non-empty string."));
        }

        var hasValue = JsonMembers.TryFind(operation, "value", out var value);
        if (type == ScimPatchOperationType.Remove && path is null)
        {
            return ScimResult<ScimPatchOperation>.Failure(ScimError.NoTarget($"Operations[{index}] is a remove without a path; RFC 7644 §3.5.2.2 requires one."));
        }

        if (type != ScimPatchOperationType.Remove && !hasValue)
        {
            return ScimResult<ScimPatchOperation>.Failure(ScimError.InvalidValue($"Operations[{index}] is an {opText} without a value."));
        }

        if (type != ScimPatchOperationType.Remove && path is null && value is not JsonObject)
        {
            return ScimResult<ScimPatchOperation>.Failure(ScimError.InvalidValue(
                $"Operations[{index}] has no path, so its value must be an object of attributes, such as {{\"active\":false}}."));
        }

        // Detach the value from the request's tree instead of copying it: the tree is read once and dropped.
        if (value is not null)
        {
            value.Parent!.AsObject().Remove(value.GetPropertyName());
        }

        return ScimResult<ScimPatchOperation>.Success(new ScimPatchOperation(type, path, value));
    }

    private static bool ListsPatchSchema(JsonNode? schemas) =>
        schemas is JsonArray array
        && array.Any(s => s is JsonValue v && v.TryGetValue<string>(out var text) && string.Equals(text, PatchOpSchema, StringComparison.OrdinalIgnoreCase));

    private static ScimResult<ScimPatchRequest> Fail(ScimError error) => ScimResult<ScimPatchRequest>.Failure(error);
}
