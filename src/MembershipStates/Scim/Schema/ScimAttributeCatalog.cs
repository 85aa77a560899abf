using System.Collections.Frozen;
using System.Collections.Immutable;
using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// The attributes this library knows: the core User schema with the common attributes (RFC 7643 §3.1, §4.1) and
/// the enterprise User extension (RFC 7643 §4.3). Lookups ignore case and accept URN-qualified paths such as
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>.
/// </summary>
/// <remarks>Built once; immutable and thread-safe.</remarks>
internal sealed class ScimAttributeCatalog
{
    private readonly FrozenDictionary<string, ScimSchemaDefinition> _schemasById;

    private ScimAttributeCatalog(ScimSchemaDefinition resourceSchema, ImmutableArray<ScimSchemaDefinition> extensions)
    {
        ResourceSchema = resourceSchema;
        Extensions = extensions;
        Schemas = [resourceSchema, .. extensions];
        _schemasById = Schemas.ToFrozenDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        HidesUnrequested = extensions
            .SelectMany(s => s.Attributes.SelectMany(a => a.SubAttributes.Prepend(a)))
            .Any(a => a.Returned is ScimReturned.Never or ScimReturned.Request);
    }

    /// <summary>Gets the catalog of the User resource: core schema and enterprise extension.</summary>
    public static ScimAttributeCatalog Default { get; } =
        new(ScimUserSchemas.User, [ScimUserSchemas.EnterpriseUser]);

    /// <summary>Gets the catalog of the Group resource: the core Group schema, without extensions.</summary>
    public static ScimAttributeCatalog Group { get; } = new(ScimGroupSchemas.Group, []);

    /// <summary>Builds the catalog of the User resource with more extensions after the enterprise one; they are checked by the caller.</summary>
    /// <param name="extensions">The extension schemas.</param>
    /// <returns>The catalog.</returns>
    public static ScimAttributeCatalog ForUsers(IEnumerable<ScimSchemaDefinition> extensions) =>
        new(ScimUserSchemas.User, [ScimUserSchemas.EnterpriseUser, .. extensions]);

    /// <summary>Gets the resource's core schema, whose attributes need no URN prefix.</summary>
    public ScimSchemaDefinition ResourceSchema { get; }

    /// <summary>Gets the schema extensions, whose attributes live under their URN in the resource JSON.</summary>
    public ImmutableArray<ScimSchemaDefinition> Extensions { get; }

    /// <summary>Gets a value indicating whether an extension has attributes a response leaves out unless asked for (<c>returned</c> <c>never</c> or <c>request</c>).</summary>
    public bool HidesUnrequested { get; }

    /// <summary>Gets every schema, the core schema first.</summary>
    public ImmutableArray<ScimSchemaDefinition> Schemas { get; }

    /// <summary>Finds a schema by URN, ignoring case.</summary>
    /// <param name="schemaId">The schema URN.</param>
    /// <returns>The schema, or <see langword="null"/> when unknown.</returns>
    public ScimSchemaDefinition? FindSchema(string schemaId) => _schemasById.GetValueOrDefault(schemaId);

    /// <summary>Returns a value indicating whether <paramref name="schemaId"/> is absent or names the resource's core schema.</summary>
    /// <param name="schemaId">The URN prefix of a path, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the attribute lives at the top level of the resource JSON.</returns>
    public bool IsResourceSchema(string? schemaId) =>
        schemaId is null || string.Equals(schemaId, ResourceSchema.Id, StringComparison.OrdinalIgnoreCase);

    /// <summary>Resolves an attribute path; its value filter, if any, is ignored.</summary>
    /// <param name="path">The path.</param>
    /// <returns>What the catalog knows about it.</returns>
    public ScimAttributeResolution Resolve(AttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Resolve(path.SchemaUrn, path.Name, path.SubAttribute);
    }

    /// <summary>Resolves an attribute by its parts.</summary>
    /// <param name="schemaId">The URN prefix, or <see langword="null"/> for the core schema.</param>
    /// <param name="name">The attribute name.</param>
    /// <param name="subAttribute">The sub-attribute name, or <see langword="null"/>.</param>
    /// <returns>What the catalog knows about it.</returns>
    /// <remarks>An unqualified name resolves in the core schema only, as RFC 7644 §3.10 allows; extension attributes need their URN.</remarks>
    public ScimAttributeResolution Resolve(string? schemaId, string name, string? subAttribute)
    {
        var schema = schemaId is null ? ResourceSchema : FindSchema(schemaId);
        var attribute = schema?.FindAttribute(name);
        var sub = subAttribute is null ? null : attribute?.FindSubAttribute(subAttribute);
        return new ScimAttributeResolution(schema, attribute, sub, subAttribute is not null);
    }

    /// <summary>Resolves a sub-attribute of a complex attribute, as named inside a value filter such as <c>emails[type eq "work"]</c>.</summary>
    /// <param name="parent">The complex attribute, or <see langword="null"/> when it is unknown.</param>
    /// <param name="name">The sub-attribute name.</param>
    /// <returns>What the catalog knows about it.</returns>
    public static ScimAttributeResolution ResolveSubAttribute(ScimAttributeDefinition? parent, string name)
    {
        if (parent is null)
        {
            return ScimAttributeResolution.Unknown;
        }

        var sub = parent.FindSubAttribute(name);
        return new ScimAttributeResolution(null, parent, sub, namesSubAttribute: true);
    }

    /// <summary>Parses and resolves a path such as <c>name.givenName</c> or a URN-qualified one; value filters are ignored.</summary>
    /// <param name="path">The path text.</param>
    /// <param name="resolution">What the catalog knows about it, when the text parses.</param>
    /// <returns><see langword="false"/> when the text is not a valid attribute path.</returns>
    public bool TryResolve(string path, out ScimAttributeResolution resolution)
    {
        if (FilterParser.TryParsePath(path, out var parsed, out _))
        {
            resolution = Resolve(parsed);
            return true;
        }

        resolution = ScimAttributeResolution.Unknown;
        return false;
    }
}
