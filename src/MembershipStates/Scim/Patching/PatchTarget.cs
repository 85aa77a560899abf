using System.Diagnostics.CodeAnalysis;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Patching;

/// <summary>
/// What the <c>path</c> of a user's <c>PATCH</c> operation names in the server's schemas, resolved and checked
/// before anything is written.
/// </summary>
/// <remarks>
/// <para>Every path must name an attribute (and sub-attribute) of a declared schema, or the request is
/// <c>invalidPath</c> (RFC 7644 §3.5.2): applying it would store what <c>/Schemas</c> does not describe, and a typo
/// such as <c>activ</c> would silently create an attribute.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal readonly struct PatchTarget
{
    private PatchTarget(ScimAttributeResolution resolution, ScimAttributeDefinition attribute)
    {
        Resolution = resolution;
        Attribute = attribute;
    }

    /// <summary>Gets what the catalog knows about the path.</summary>
    public ScimAttributeResolution Resolution { get; }

    /// <summary>Gets the top-level attribute the path names.</summary>
    public ScimAttributeDefinition Attribute { get; }

    /// <summary>Gets the definition of the value the path designates: the sub-attribute when it names one, otherwise the attribute.</summary>
    public ScimAttributeDefinition Value => Resolution.SubAttribute ?? Attribute;

    /// <summary>Gets a value indicating whether the path names the core schema's <c>active</c>, which is the lifecycle's, not an attribute to store.</summary>
    public bool IsActive => Attribute is { SchemaId: ScimSchemaIds.User, Name: "active" };

    /// <summary>Resolves a path against the catalog.</summary>
    /// <param name="catalog">The schemas the server declares.</param>
    /// <param name="path">The path.</param>
    /// <param name="target">What the path names, when the catalog declares it.</param>
    /// <param name="error">The 400 <c>invalidPath</c> that names the undeclared part, otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when every part of the path is declared.</returns>
    public static bool TryResolve(ScimAttributeCatalog catalog, AttributePath path, out PatchTarget target, [NotNullWhen(false)] out ScimError? error)
    {
        var resolution = catalog.Resolve(path);
        if (!resolution.IsKnown || resolution.Attribute is not { } attribute)
        {
            target = default;
            error = resolution switch
            {
                { Schema: null } => PatchErrors.UndeclaredSchema(path, string.Join(", ", catalog.Schemas.Select(s => s.Id))),
                { Attribute: null } => PatchErrors.UndeclaredAttribute(path, resolution.Schema.Id),
                _ => PatchErrors.UndeclaredSubAttribute(path, resolution.Attribute.Name),
            };
            return false;
        }

        target = new PatchTarget(resolution, attribute);
        error = null;
        return true;
    }

    /// <summary>Checks that a PATCH may change what the path names, the way the path addresses it.</summary>
    /// <param name="path">The path this target was resolved from.</param>
    /// <param name="error">A 400 <c>mutability</c> (read-only) or <c>invalidPath</c> (a sub-attribute or filter the attribute cannot have), otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the operation may go ahead.</returns>
    public bool TryCheckChangeable(AttributePath path, [NotNullWhen(false)] out ScimError? error)
    {
        if (Attribute.Mutability == ScimMutability.ReadOnly || Resolution.SubAttribute is { Mutability: ScimMutability.ReadOnly })
        {
            error = PatchErrors.ReadOnly(path, "§7");
        }
        else if (!Attribute.IsComplex && (path.SubAttribute is not null || path.ValueFilter is not null))
        {
            error = PatchErrors.NotComplex(Attribute.Name, path);
        }
        else if (path.ValueFilter is not null && !Attribute.MultiValued)
        {
            error = PatchErrors.FilterOnSingleValued(Attribute.Name);
        }
        else
        {
            error = null;
        }

        return error is null;
    }
}
