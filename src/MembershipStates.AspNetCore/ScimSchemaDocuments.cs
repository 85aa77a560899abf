using System.Text.Json.Nodes;
using MembershipStates.Scim;

namespace MembershipStates.AspNetCore;

/// <summary>
/// The <c>/Schemas</c> documents (RFC 7643 §7) of the resources served: User and the enterprise extension.
/// </summary>
internal static class ScimSchemaDocuments
{
    public static ScimResponse List(Uri baseUri)
    {
        JsonObject[] schemas = [User(baseUri), Enterprise(baseUri)];
        return ScimResponse.List(new ScimListResponse<JsonObject>(schemas, schemas.Length, ScimPage.Of(1, schemas.Length)));
    }

    public static ScimReply One(string id, Uri baseUri)
    {
        if (string.Equals(id, ScimSchemaUris.User, StringComparison.OrdinalIgnoreCase))
        {
            return Document(User(baseUri));
        }

        if (string.Equals(id, ScimSchemaUris.EnterpriseUser, StringComparison.OrdinalIgnoreCase))
        {
            return Document(Enterprise(baseUri));
        }

        return ScimError.NotFound($"Schema {id} not found.");
    }

    private static ScimReply Document(JsonObject schema) =>
        ScimReply.Json(200, System.Text.Encoding.UTF8.GetBytes(schema.ToJsonString()));

    private static JsonObject User(Uri baseUri) => Schema(
        ScimSchemaUris.User,
        "User",
        "User Account",
        baseUri,
        Attribute("userName", "string", required: true, uniqueness: "server"),
        Complex("name", Attribute("formatted", "string"), Attribute("familyName", "string"), Attribute("givenName", "string"), Attribute("middleName", "string")),
        Attribute("displayName", "string"),
        Attribute("externalId", "string", caseExact: true),
        Attribute("active", "boolean"),
        Complex("emails", multiValued: true, Attribute("value", "string"), Attribute("type", "string"), Attribute("primary", "boolean")),
        Complex("phoneNumbers", multiValued: true, Attribute("value", "string"), Attribute("type", "string"), Attribute("primary", "boolean")),
        Attribute("title", "string"),
        Attribute("preferredLanguage", "string"),
        Attribute("locale", "string"),
        Attribute("timezone", "string"));

    private static JsonObject Enterprise(Uri baseUri) => Schema(
        ScimSchemaUris.EnterpriseUser,
        "EnterpriseUser",
        "Enterprise User",
        baseUri,
        Attribute("employeeNumber", "string"),
        Attribute("costCenter", "string"),
        Attribute("organization", "string"),
        Attribute("division", "string"),
        Attribute("department", "string"),
        Complex("manager", Attribute("value", "string"), Attribute("displayName", "string")));

    private static JsonObject Schema(string id, string name, string description, Uri baseUri, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.Schema),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray([.. attributes]),
        ["meta"] = new JsonObject
        {
            ["resourceType"] = "Schema",
            ["location"] = new Uri(baseUri, "Schemas/" + id).AbsoluteUri,
        },
    };

    private static JsonObject Attribute(string name, string type, bool required = false, bool caseExact = false, string uniqueness = "none") => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = false,
        ["required"] = required,
        ["caseExact"] = caseExact,
        ["mutability"] = "readWrite",
        ["returned"] = "default",
        ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, params JsonObject[] subAttributes) => Complex(name, multiValued: false, subAttributes);

    private static JsonObject Complex(string name, bool multiValued, params JsonObject[] subAttributes) => new()
    {
        ["name"] = name,
        ["type"] = "complex",
        ["multiValued"] = multiValued,
        ["required"] = false,
        ["mutability"] = "readWrite",
        ["returned"] = "default",
        ["subAttributes"] = new JsonArray([.. subAttributes]),
    };
}
