using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// The schemas of the User resource a server serves: the core User schema, the enterprise extension, and the
/// extensions the host declares. Operations, projections and discovery documents given one agree on what a User holds.
/// </summary>
/// <remarks>Build it once at start-up; immutable and thread-safe.</remarks>
public sealed class ScimUserSchema
{
    private ScimUserSchema(ScimAttributeCatalog catalog, ImmutableArray<ScimSchemaExtension> hostExtensions)
    {
        Catalog = catalog;
        HostExtensions = hostExtensions;
    }

    /// <summary>Gets the schemas without host extensions: core User and enterprise User.</summary>
    public static ScimUserSchema Default { get; } = new(ScimAttributeCatalog.Default, []);

    /// <summary>Gets the extensions the host declared, in order.</summary>
    public ImmutableArray<ScimSchemaExtension> HostExtensions { get; }

    /// <summary>Gets the catalog paths, values and projections are checked against.</summary>
    internal ScimAttributeCatalog Catalog { get; }

    /// <summary>Builds the User schemas with the host's extensions after the enterprise one.</summary>
    /// <param name="extensions">The extensions; each needs a URN of its own, a name and valid attributes.</param>
    /// <returns>The schemas; <see cref="Default"/> when there are no extensions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="extensions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An extension is invalid; the message lists every problem, each naming the schema and attribute.</exception>
    public static ScimUserSchema WithExtensions(IEnumerable<ScimSchemaExtension> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        ImmutableArray<ScimSchemaExtension> declared = [.. extensions];
        if (declared.IsEmpty)
        {
            return Default;
        }

        var problems = ScimSchemaExtensionCheck.Problems(declared);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SCIM schema extension: " + string.Join(" ", problems), nameof(extensions));
        }

        return new ScimUserSchema(ScimAttributeCatalog.ForUsers(declared.Select(ToDefinition)), declared);
    }

    private static ScimSchemaDefinition ToDefinition(ScimSchemaExtension extension) =>
        new(extension.Id, extension.Name, extension.Description ?? string.Empty, [.. extension.Attributes.Select(ToDefinition)]);

    private static ScimAttributeDefinition ToDefinition(ScimAttributeDeclaration attribute) => new()
    {
        Name = attribute.Name,
        Type = attribute.Type,
        MultiValued = attribute.MultiValued,
        Description = attribute.Description ?? string.Empty,
        Required = attribute.Required,
        CaseExact = attribute.CaseExact,
        Mutability = attribute.Mutability,
        // RFC 7643 §2.2: a writeOnly attribute is never returned, whatever else the declaration says.
        Returned = attribute.Mutability == ScimMutability.WriteOnly ? ScimReturned.Never : attribute.Returned,
        Uniqueness = attribute.Uniqueness,
        ReferenceTypes = attribute.ReferenceTypes.IsDefault ? [] : attribute.ReferenceTypes,
        SubAttributes = attribute.SubAttributes.IsDefault ? [] : [.. attribute.SubAttributes.Select(ToDefinition)],
    };
}
