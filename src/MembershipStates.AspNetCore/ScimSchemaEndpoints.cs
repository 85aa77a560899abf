using System.Text;
using System.Text.Json.Nodes;
using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary><c>/Schemas</c> (RFC 7643 §7): the package's schema documents, as a list or one by one.</summary>
internal static class ScimSchemaEndpoints
{
    public static ScimReply List(Uri baseUri)
    {
        JsonObject[] schemas = [.. ScimSchemaDocuments.RenderAll(baseUri).Select(node => node!.AsObject())];
        return ScimResponse.List(new ScimListResponse<JsonObject>(schemas, schemas.Length, ScimPage.Of(1, schemas.Length)));
    }

    public static ScimReply One(string id, Uri baseUri) =>
        ScimSchemaDocuments.Render(id, baseUri) is { } schema
            ? ScimReply.Json(200, Encoding.UTF8.GetBytes(schema.ToJsonString()))
            : ScimError.NotFound($"Schema {id} not found.");
}
