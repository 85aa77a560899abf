using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Patching;

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

    private ScimPatchRequest(IReadOnlyList<PatchOperation> operations) => Operations = operations;

    /// <summary>Gets the operations, in the order they apply.</summary>
    internal IReadOnlyList<PatchOperation> Operations { get; }

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
            return Fail(PatchErrors.NotJson(e.Message));
        }

        if (root is not JsonObject request)
        {
            return Fail(PatchErrors.NotAnObject());
        }

        if (!ListsPatchSchema(JsonMembers.Find(request, "schemas")))
        {
            return Fail(PatchErrors.MissingSchema());
        }

        if (JsonMembers.Find(request, "Operations") is not JsonArray operations || operations.Count == 0)
        {
            return Fail(PatchErrors.NoOperations());
        }

        if (operations.Count > MaxOperations)
        {
            return Fail(PatchErrors.TooManyOperations(MaxOperations));
        }

        var result = new PatchOperation[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            if (!PatchOperationReader.TryRead(operations[i], i, out var operation, out var error))
            {
                return Fail(error);
            }

            result[i] = operation;
        }

        return ScimResult<ScimPatchRequest>.Success(new ScimPatchRequest(result));
    }

    private static bool ListsPatchSchema(JsonNode? schemas) =>
        schemas is JsonArray array
        && array.Any(s => s is JsonValue v && v.TryGetValue<string>(out var text) && string.Equals(text, PatchOpSchema, StringComparison.OrdinalIgnoreCase));

    private static ScimResult<ScimPatchRequest> Fail(ScimError error) => ScimResult<ScimPatchRequest>.Failure(error);
}
