using System.Text.Json.Nodes;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <summary>
/// Renders the schema documents a SCIM server serves at <c>/Schemas</c> (RFC 7643 §7) for the core User schema,
/// the enterprise User extension, the extensions a host declares (<see cref="ScimUserSchema"/>) and the core Group schema, from the same attribute definitions filters and paths
/// are checked against.
/// </summary>
/// <remarks>
/// The common attributes <c>id</c>, <c>externalId</c> and <c>meta</c> are not listed, as RFC 7643 §3.1 and §8.7.1
/// show. Each call builds new JSON nodes, which the caller owns; thread-safe.
/// </remarks>
internal static class ScimSchemaDocuments
{
    private static readonly ScimSchemaDefinition[] DefaultSchemas = [.. ScimAttributeCatalog.Default.Schemas, .. ScimAttributeCatalog.Group.Schemas];

    /// <summary>Gets the URNs of the schemas this package defines: the core User schema, the enterprise extension, then the core Group schema.</summary>
    public static IReadOnlyList<string> SchemaIds { get; } = [.. DefaultSchemas.Select(schema => schema.Id)];

    /// <summary>Renders one schema document, as served at <c>/Schemas/{id}</c>.</summary>
    /// <param name="schemaId">The schema URN, such as <c>urn:ietf:params:scim:schemas:core:2.0:User</c>; case is ignored.</param>
    /// <param name="baseUri">The SCIM base URI, such as <c>https://example.com/scim/v2/</c>, for <c>meta.location</c>; omitted when <see langword="null"/>.</param>
    /// <param name="userSchema">The User schemas, with the host's extensions; <see cref="ScimUserSchema.Default"/> when <see langword="null"/>.</param>
    /// <returns>The document, or <see langword="null"/> when the schema is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schemaId"/> is <see langword="null"/>.</exception>
    public static JsonObject? Render(string schemaId, Uri? baseUri = null, ScimUserSchema? userSchema = null)
    {
        ArgumentNullException.ThrowIfNull(schemaId);
        var schema = (userSchema ?? ScimUserSchema.Default).Catalog.FindSchema(schemaId) ?? ScimAttributeCatalog.Group.FindSchema(schemaId);
        return schema is null ? null : Render(schema, baseUri);
    }

    /// <summary>Renders the schema documents of the resources a server serves, as the <c>Resources</c> of the <c>/Schemas</c> list response.</summary>
    /// <param name="baseUri">The SCIM base URI for <c>meta.location</c>; omitted when <see langword="null"/>.</param>
    /// <param name="includeGroups">Whether the server serves Groups, so that the Group schema is listed after the User schemas.</param>
    /// <param name="userSchema">The User schemas, with the host's extensions, listed after the enterprise one; <see cref="ScimUserSchema.Default"/> when <see langword="null"/>.</param>
    /// <returns>The documents.</returns>
    public static JsonArray RenderAll(Uri? baseUri = null, bool includeGroups = false, ScimUserSchema? userSchema = null) =>
        [.. (userSchema ?? ScimUserSchema.Default).Catalog.Schemas.Concat(includeGroups ? ScimAttributeCatalog.Group.Schemas : [])
            .Select(schema => (JsonNode)Render(schema, baseUri))];

    private static JsonObject Render(ScimSchemaDefinition schema, Uri? baseUri)
    {
        var meta = new JsonObject { ["resourceType"] = "Schema" };
        if (baseUri is not null)
        {
            meta["location"] = $"{baseUri.AbsoluteUri.TrimEnd('/')}/Schemas/{schema.Id}";
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaIds.Schema),
            ["id"] = schema.Id,
            ["name"] = schema.Name,
            ["description"] = schema.Description,
            ["attributes"] = Render(schema.Attributes.Where(attribute => !attribute.IsCommon)),
            ["meta"] = meta,
        };
    }

    private static JsonArray Render(IEnumerable<ScimAttributeDefinition> attributes) =>
        [.. attributes.Select(attribute => (JsonNode)Render(attribute))];

    private static JsonObject Render(ScimAttributeDefinition attribute)
    {
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = Keyword(attribute.Type),
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
        };
        if (!attribute.IsComplex)
        {
            json["caseExact"] = attribute.CaseExact;
        }

        if (!attribute.CanonicalValues.IsEmpty)
        {
            json["canonicalValues"] = new JsonArray([.. attribute.CanonicalValues.Select(value => (JsonNode)value)]);
        }

        json["mutability"] = Keyword(attribute.Mutability);
        json["returned"] = Keyword(attribute.Returned);
        json["uniqueness"] = Keyword(attribute.Uniqueness);
        if (attribute.Type == ScimAttributeType.Reference)
        {
            json["referenceTypes"] = new JsonArray([.. attribute.ReferenceTypes.Select(type => (JsonNode)type)]);
        }

        if (attribute.IsComplex)
        {
            json["subAttributes"] = Render(attribute.SubAttributes);
        }

        return json;
    }

    private static string Keyword(ScimAttributeType type) => type switch
    {
        ScimAttributeType.Boolean => "boolean",
        ScimAttributeType.Decimal => "decimal",
        ScimAttributeType.Integer => "integer",
        ScimAttributeType.DateTime => "dateTime",
        ScimAttributeType.Binary => "binary",
        ScimAttributeType.Reference => "reference",
        ScimAttributeType.Complex => "complex",
        _ => "string",
    };

    private static string Keyword(ScimMutability mutability) => mutability switch
    {
        ScimMutability.ReadOnly => "readOnly",
        ScimMutability.Immutable => "immutable",
        ScimMutability.WriteOnly => "writeOnly",
        _ => "readWrite",
    };

    private static string Keyword(ScimReturned returned) => returned switch
    {
        ScimReturned.Always => "always",
        ScimReturned.Never => "never",
        ScimReturned.Request => "request",
        _ => "default",
    };

    private static string Keyword(ScimUniqueness uniqueness) => uniqueness switch
    {
        ScimUniqueness.Server => "server",
        ScimUniqueness.Global => "global",
        _ => "none",
    };
}
