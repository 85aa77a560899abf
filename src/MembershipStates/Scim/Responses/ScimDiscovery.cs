using System.Text.Json.Nodes;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <summary>
/// The discovery documents of RFC 7644 §4: <c>/ServiceProviderConfig</c>, <c>/ResourceTypes</c> and <c>/Schemas</c>,
/// for hosts that answer them without the ASP.NET Core adapter (which serves them itself).
/// </summary>
/// <remarks>
/// <para>What this package supports, and so announces: PATCH, filtering (with <c>maxResults</c> equal to
/// <see cref="ScimPagingOptions.MaxPageSize"/>) and ETags, and sorting (<see cref="ScimSort"/>); no bulk and no password change;
/// authentication by OAuth bearer token (RFC 6750). The resource type User, with the enterprise extension and the
/// extensions the host declares (<see cref="ScimUserSchema"/>), all optional; and Group, when the server serves groups (<c>includeGroups</c>). The <c>/Schemas</c> documents
/// (<see cref="Schemas"/>, <see cref="Schema"/>) are rendered from the attribute catalogs that filters and PATCH
/// paths are checked against.</para>
/// <para>Every <c>meta.location</c> is written only when a base URI is given: the URI the SCIM endpoints are under,
/// such as <c>https://example.com/scim/v2/</c>.</para>
/// <para>Thread-safe: every call builds what it returns.</para>
/// </remarks>
public static class ScimDiscovery
{
    private const string ServiceProviderConfigName = "ServiceProviderConfig";
    private const string ResourceTypeName = "ResourceType";
    private const string UserName = "User";
    private const string GroupName = "Group";

    /// <summary>Answers <c>GET /ServiceProviderConfig</c>.</summary>
    /// <param name="options">The page sizes; <see cref="ScimPagingOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="baseUri">The base URI of the SCIM endpoints, for <c>meta.location</c>; optional.</param>
    /// <param name="documentationUri">The help page of the integration, for <c>documentationUri</c>; optional.</param>
    /// <returns>A 200 response with the configuration document.</returns>
    public static ScimResponse ServiceProviderConfig(ScimPagingOptions? options = null, Uri? baseUri = null, Uri? documentationUri = null) =>
        ScimResponse.Json(200, ScimJson.ToUtf8Bytes(ServiceProviderConfigDocument(options, baseUri, documentationUri)));

    /// <summary>Answers <c>GET /ResourceTypes</c>: a list response holding the User resource type, and the Group resource type when the server serves groups.</summary>
    /// <param name="baseUri">The base URI of the SCIM endpoints, for <c>meta.location</c>; optional.</param>
    /// <param name="includeGroups">Whether the server serves Groups.</param>
    /// <param name="userSchema">The User schemas, whose extensions are listed in <c>schemaExtensions</c>; <see cref="ScimUserSchema.Default"/> when <see langword="null"/>.</param>
    /// <returns>A 200 list response.</returns>
    public static ScimResponse ResourceTypes(Uri? baseUri = null, bool includeGroups = false, ScimUserSchema? userSchema = null)
    {
        JsonObject[] types = includeGroups
            ? [UserResourceTypeDocument(baseUri, userSchema), GroupResourceTypeDocument(baseUri)]
            : [UserResourceTypeDocument(baseUri, userSchema)];
        return ScimResponse.List(new ScimListResponse<JsonObject>(types, types.Length, ScimPage.Of(1, types.Length)));
    }

    /// <summary>Answers <c>GET /ResourceTypes/{id}</c>.</summary>
    /// <param name="id">The resource type id: <c>User</c>, or <c>Group</c> when the server serves groups (compared case-insensitively).</param>
    /// <param name="baseUri">The base URI of the SCIM endpoints, for <c>meta.location</c>; optional.</param>
    /// <param name="includeGroups">Whether the server serves Groups.</param>
    /// <param name="userSchema">The User schemas, whose extensions are listed in <c>schemaExtensions</c>; <see cref="ScimUserSchema.Default"/> when <see langword="null"/>.</param>
    /// <returns>A 200 response with the resource type, or a 404 error for any other id.</returns>
    public static ScimResponse ResourceType(string? id, Uri? baseUri = null, bool includeGroups = false, ScimUserSchema? userSchema = null)
    {
        if (string.Equals(id, UserName, StringComparison.OrdinalIgnoreCase))
        {
            return ScimResponse.Json(200, ScimJson.ToUtf8Bytes(UserResourceTypeDocument(baseUri, userSchema)));
        }

        return includeGroups && string.Equals(id, GroupName, StringComparison.OrdinalIgnoreCase)
            ? ScimResponse.Json(200, ScimJson.ToUtf8Bytes(GroupResourceTypeDocument(baseUri)))
            : ScimError.NotFound($"Resource type {id} not found.").ToResponse();
    }

    /// <summary>Answers <c>GET /Schemas</c>: a list response holding the core User schema, the enterprise extension and the host's extensions, and the core Group schema when the server serves groups.</summary>
    /// <param name="baseUri">The base URI of the SCIM endpoints, for <c>meta.location</c>; optional.</param>
    /// <param name="includeGroups">Whether the server serves Groups.</param>
    /// <param name="userSchema">The User schemas, with the host's extensions; <see cref="ScimUserSchema.Default"/> when <see langword="null"/>.</param>
    /// <returns>A 200 list response.</returns>
    public static ScimResponse Schemas(Uri? baseUri = null, bool includeGroups = false, ScimUserSchema? userSchema = null)
    {
        JsonObject[] schemas = [.. ScimSchemaDocuments.RenderAll(baseUri, includeGroups, userSchema).Select(node => node!.AsObject())];
        return ScimResponse.List(new ScimListResponse<JsonObject>(schemas, schemas.Length, ScimPage.Of(1, schemas.Length)));
    }

    /// <summary>Answers <c>GET /Schemas/{id}</c>.</summary>
    /// <param name="id">The schema URN, such as <c>urn:ietf:params:scim:schemas:core:2.0:User</c> (compared case-insensitively).</param>
    /// <param name="baseUri">The base URI of the SCIM endpoints, for <c>meta.location</c>; optional.</param>
    /// <param name="includeGroups">Whether the server serves Groups, so that the Group schema is found.</param>
    /// <param name="userSchema">The User schemas, with the host's extensions; <see cref="ScimUserSchema.Default"/> when <see langword="null"/>.</param>
    /// <returns>A 200 response with the schema document, or a 404 error for an unknown id.</returns>
    public static ScimResponse Schema(string? id, Uri? baseUri = null, bool includeGroups = false, ScimUserSchema? userSchema = null) =>
        id is not null
        && (includeGroups || !string.Equals(id, ScimSchemaUris.Group, StringComparison.OrdinalIgnoreCase))
        && ScimSchemaDocuments.Render(id, baseUri, userSchema) is { } schema
            ? ScimResponse.Json(200, ScimJson.ToUtf8Bytes(schema))
            : ScimError.NotFound($"Schema {id} not found.").ToResponse();

    internal static JsonObject ServiceProviderConfigDocument(ScimPagingOptions? options, Uri? baseUri, Uri? documentationUri)
    {
        options ??= ScimPagingOptions.Default;
        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.ServiceProviderConfig),
        };
        if (documentationUri is not null)
        {
            document["documentationUri"] = Text(documentationUri);
        }

        document["patch"] = new JsonObject { ["supported"] = true };
        document["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 };
        document["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = options.MaxPageSize };
        document["changePassword"] = new JsonObject { ["supported"] = false };
        document["sort"] = new JsonObject { ["supported"] = true };
        document["etag"] = new JsonObject { ["supported"] = true };
        document["authenticationSchemes"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "oauthbearertoken",
                ["name"] = "OAuth Bearer Token",
                ["description"] = "Authentication scheme using the OAuth Bearer Token Standard",
                ["specUri"] = "https://www.rfc-editor.org/info/rfc6750",
                ["primary"] = true,
            });
        document["meta"] = Meta(ServiceProviderConfigName, baseUri, ServiceProviderConfigName);
        return document;
    }

    internal static JsonObject UserResourceTypeDocument(Uri? baseUri, ScimUserSchema? userSchema = null) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ResourceType),
        ["id"] = UserName,
        ["name"] = UserName,
        ["endpoint"] = "/Users",
        ["description"] = "User Account",
        ["schema"] = ScimSchemaUris.User,
        ["schemaExtensions"] = new JsonArray(
            [.. (userSchema ?? ScimUserSchema.Default).Catalog.Extensions.Select(extension => (JsonNode)new JsonObject { ["schema"] = extension.Id, ["required"] = false })]),
        ["meta"] = Meta(ResourceTypeName, baseUri, "ResourceTypes/" + UserName),
    };

    internal static JsonObject GroupResourceTypeDocument(Uri? baseUri) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ResourceType),
        ["id"] = GroupName,
        ["name"] = GroupName,
        ["endpoint"] = "/Groups",
        ["description"] = "Group",
        ["schema"] = ScimSchemaUris.Group,
        ["meta"] = Meta(ResourceTypeName, baseUri, "ResourceTypes/" + GroupName),
    };

    private static JsonObject Meta(string resourceType, Uri? baseUri, string relative)
    {
        var meta = new JsonObject { ["resourceType"] = resourceType };
        if (baseUri is not null)
        {
            var text = Text(baseUri);
            meta["location"] = text.EndsWith('/') ? text + relative : text + "/" + relative;
        }

        return meta;
    }

    private static string Text(Uri uri) => uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
}
