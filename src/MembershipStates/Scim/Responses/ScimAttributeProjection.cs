using System.Text.Json;
using System.Text.Json.Nodes;
using MembershipStates.Scim.Filtering;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim;

/// <summary>
/// Narrows the resources of a response to the attributes a request asks for with <c>attributes</c> or
/// <c>excludedAttributes</c> (RFC 7644 §3.4.2.5, §3.9), as the schema's <c>returned</c> characteristics allow.
/// </summary>
/// <remarks>
/// <para>Both parameters are comma-separated attribute names in the notation of RFC 7644 §3.10: <c>userName</c>,
/// a sub-attribute (<c>name.givenName</c>, <c>emails.value</c>), or a URN-qualified name
/// (<c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber</c>, or the extension's URN for all
/// of it). Names no schema declares, and names that do not parse, are ignored.</para>
/// <para>Attributes whose <c>returned</c> is <c>always</c> (<c>id</c>) and <c>schemas</c> are always there;
/// <c>returned: never</c> (<c>password</c>) never is. With <c>attributes</c>, a resource holds exactly the named
/// attributes it has, plus those; with <c>excludedAttributes</c>, it holds its default attributes less the named
/// ones. When a request sends both, <c>attributes</c> selects and <c>excludedAttributes</c> then removes.
/// <c>schemas</c> lists an extension only while the resource still holds some of it.</para>
/// <para>Applies to a resource (200 or 201) and to each resource of a list response; other responses, errors
/// included, pass unchanged. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimAttributeProjection
{
    private const string SchemasKey = "schemas";

    private readonly ScimAttributeCatalog _catalog;
    private readonly List<Selection>? _attributes;
    private readonly List<Selection> _excluded;

    private ScimAttributeProjection(ScimAttributeCatalog catalog, List<Selection>? attributes, List<Selection> excluded)
    {
        _catalog = catalog;
        _attributes = attributes;
        _excluded = excluded;
    }

    /// <summary>Gets a value indicating whether the projection leaves every resource as it is (neither parameter names an attribute, and no extension attribute is returned only on request or never).</summary>
    public bool IsIdentity => _attributes is null && _excluded.Count == 0 && !_catalog.HidesUnrequested;

    /// <summary>Creates the projection of User resources.</summary>
    /// <param name="attributes">The <c>attributes</c> parameter, or <see langword="null"/>.</param>
    /// <param name="excludedAttributes">The <c>excludedAttributes</c> parameter, or <see langword="null"/>.</param>
    /// <param name="userSchema">The User schemas, whose <c>returned</c> characteristics apply; <see cref="ScimUserSchema.Default"/> when <see langword="null"/>.</param>
    /// <returns>The projection; never fails, since unknown names are ignored.</returns>
    public static ScimAttributeProjection ForUsers(string? attributes, string? excludedAttributes, ScimUserSchema? userSchema = null) =>
        Create((userSchema ?? ScimUserSchema.Default).Catalog, attributes, excludedAttributes);

    /// <summary>Creates the projection of Group resources.</summary>
    /// <param name="attributes">The <c>attributes</c> parameter, or <see langword="null"/>.</param>
    /// <param name="excludedAttributes">The <c>excludedAttributes</c> parameter, or <see langword="null"/>.</param>
    /// <returns>The projection; never fails, since unknown names are ignored.</returns>
    public static ScimAttributeProjection ForGroups(string? attributes, string? excludedAttributes) =>
        Create(ScimAttributeCatalog.Group, attributes, excludedAttributes);

    /// <summary>Returns the response with its resources projected.</summary>
    /// <param name="response">A response built by this package.</param>
    /// <returns>The same response when there is nothing to project; otherwise a copy with the same status and headers and a projected body.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    public ScimResponse Apply(ScimResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (IsIdentity || response.StatusCode is not (200 or 201) || response.Body.IsEmpty)
        {
            return response;
        }

        if (JsonNode.Parse(response.Body.Span) is not JsonObject root)
        {
            return response;
        }

        if (root["Resources"] is JsonArray resources)
        {
            for (var i = 0; i < resources.Count; i++)
            {
                if (resources[i] is JsonObject resource)
                {
                    resources[i] = Project(resource);
                }
            }

            return response.WithBody(ScimJson.ToUtf8Bytes(root));
        }

        return response.WithBody(ScimJson.ToUtf8Bytes(Project(root)));
    }

    /// <summary>Projects one resource, given as JSON; the argument is left as it is.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>A new object.</returns>
    internal JsonObject Project(JsonObject resource)
    {
        var result = (JsonObject)resource.DeepClone();
        foreach (var (key, value) in result.ToList())
        {
            if (string.Equals(key, SchemasKey, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (_catalog.ResourceSchema.FindAttribute(key) is { } attribute)
            {
                if (!Keep(null, attribute, value))
                {
                    result.Remove(key);
                }
            }
            else if (_catalog.FindSchema(key) is { } extension && value is JsonObject attributes)
            {
                foreach (var (name, member) in attributes.ToList())
                {
                    if (extension.FindAttribute(name) is not { } declared || !Keep(extension.Id, declared, member))
                    {
                        attributes.Remove(name);
                    }
                }

                // An extension with none of its attributes left is not there at all.
                if (attributes.Count == 0)
                {
                    result.Remove(key);
                }
            }
            else if (_attributes is not null)
            {
                result.Remove(key); // undeclared: not among the default attributes, so never selected
            }
        }

        if (result[SchemasKey] is JsonArray schemas)
        {
            for (var i = schemas.Count - 1; i >= 0; i--)
            {
                if (schemas[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String && _catalog.FindSchema(v.GetValue<string>()) is { } s
                    && !_catalog.IsResourceSchema(s.Id) && !result.Any(m => string.Equals(m.Key, s.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    schemas.RemoveAt(i);
                }
            }
        }

        return result;
    }

    // Decides one attribute of the resource (core when schemaId is null), pruning its sub-attributes in place.
    private bool Keep(string? schemaId, ScimAttributeDefinition attribute, JsonNode? value)
    {
        switch (attribute.Returned)
        {
            case ScimReturned.Always:
                return true;
            case ScimReturned.Never:
                return false;
        }

        if (_attributes is not null)
        {
            var named = Names(_attributes, schemaId, attribute);
            if (named is null)
            {
                return false;
            }

            if (named is false)
            {
                PruneSubAttributes(value, attribute, sub => Names(_attributes, schemaId, attribute, sub));
                if (Elements(value).All(e => e.Count == 0))
                {
                    return false; // none of the named sub-attributes has a value
                }
            }
        }
        else if (attribute.Returned == ScimReturned.Request)
        {
            return false;
        }

        if (Names(_excluded, schemaId, attribute) is true)
        {
            return false;
        }

        foreach (var element in Elements(value))
        {
            foreach (var (name, _) in element.ToList())
            {
                if (Names(_excluded, schemaId, attribute, name) || attribute.FindSubAttribute(name) is { Returned: ScimReturned.Never })
                {
                    element.Remove(name);
                }
            }
        }

        return true;
    }

    private static void PruneSubAttributes(JsonNode? value, ScimAttributeDefinition attribute, Func<string, bool> kept)
    {
        foreach (var element in Elements(value))
        {
            foreach (var (name, _) in element.ToList())
            {
                if (!kept(name) && attribute.FindSubAttribute(name) is not { Returned: ScimReturned.Always })
                {
                    element.Remove(name);
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Elements(JsonNode? value) =>
        value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject single ? [single] : [];

    /// <summary><see langword="true"/> when the list names the attribute whole, <see langword="false"/> when only some of its sub-attributes, <see langword="null"/> when not at all.</summary>
    private static bool? Names(List<Selection>? selections, string? schemaId, ScimAttributeDefinition attribute)
    {
        bool? result = null;
        foreach (var selection in selections ?? [])
        {
            if (!SameSchema(selection.SchemaId, schemaId))
            {
                continue;
            }

            if (selection.Attribute is null)
            {
                return true; // the whole extension
            }

            if (string.Equals(selection.Attribute, attribute.Name, StringComparison.OrdinalIgnoreCase))
            {
                if (selection.SubAttribute is null)
                {
                    return true;
                }

                result = false;
            }
        }

        return result;
    }

    private static bool Names(List<Selection>? selections, string? schemaId, ScimAttributeDefinition attribute, string subAttribute) =>
        selections?.Any(s => SameSchema(s.SchemaId, schemaId)
            && (s.Attribute is null
                || (string.Equals(s.Attribute, attribute.Name, StringComparison.OrdinalIgnoreCase)
                    && s.SubAttribute is not null && string.Equals(s.SubAttribute, subAttribute, StringComparison.OrdinalIgnoreCase)))) ?? false;

    private static bool SameSchema(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static ScimAttributeProjection Create(ScimAttributeCatalog catalog, string? attributes, string? excludedAttributes)
    {
        var selected = Read(catalog, attributes);
        return new ScimAttributeProjection(catalog, selected.Count == 0 ? null : selected, Read(catalog, excludedAttributes));
    }

    // Each name resolved against the catalog: core attributes under schema null, extension ones under their URN.
    private static List<Selection> Read(ScimAttributeCatalog catalog, string? names)
    {
        var result = new List<Selection>();
        foreach (var raw in (names ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (catalog.FindSchema(raw) is { } whole)
            {
                if (!catalog.IsResourceSchema(whole.Id))
                {
                    result.Add(new Selection(whole.Id, null, null));
                }

                continue;
            }

            if (!FilterParser.TryParsePath(raw, out var path, out _) || path.ValueFilter is not null)
            {
                continue;
            }

            var resolution = catalog.Resolve(path);
            if (!resolution.IsKnown)
            {
                continue;
            }

            var schemaId = catalog.IsResourceSchema(resolution.Schema!.Id) ? null : resolution.Schema.Id;
            result.Add(new Selection(schemaId, resolution.Attribute!.Name, resolution.SubAttribute?.Name));
        }

        return result;
    }

    private readonly record struct Selection(string? SchemaId, string? Attribute, string? SubAttribute);
}
