using System.Collections.Frozen;
using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// One attribute of a SCIM schema with its characteristics (RFC 7643 §2.2 and §7), and its sub-attributes when it
/// is complex.
/// </summary>
/// <remarks>
/// Characteristics left unset take the RFC 7643 §2.2 defaults: a single-valued, optional, case-insensitive,
/// read-write string returned by default with no uniqueness. Immutable once its schema is built; thread-safe.
/// </remarks>
internal sealed class ScimAttributeDefinition : ScimAttributeCharacteristics
{
    private FrozenDictionary<string, ScimAttributeDefinition> _subAttributesByName =
        FrozenDictionary<string, ScimAttributeDefinition>.Empty;

    /// <summary>Gets the suggested values, such as <c>work</c> and <c>home</c> for <c>emails.type</c>.</summary>
    public ImmutableArray<string> CanonicalValues { get; init; } = [];

    /// <summary>Gets the sub-attributes of a <see cref="ScimAttributeType.Complex"/> attribute.</summary>
    public ImmutableArray<ScimAttributeDefinition> SubAttributes { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether this is one of the common attributes every resource carries
    /// (<c>id</c>, <c>externalId</c>, <c>meta</c>; RFC 7643 §3.1), which schema documents do not list.
    /// </summary>
    public bool IsCommon { get; init; }

    /// <summary>Gets the URN of the schema that defines the attribute.</summary>
    public string SchemaId { get; private set; } = string.Empty;

    /// <summary>Gets the complex attribute this one belongs to, or <see langword="null"/> for a top-level attribute.</summary>
    public ScimAttributeDefinition? Parent { get; private set; }

    /// <summary>Gets the path within the schema, such as <c>userName</c> or <c>name.givenName</c>.</summary>
    public string Path => Parent is null ? Name : $"{Parent.Name}.{Name}";

    /// <summary>Gets a value indicating whether the attribute is complex.</summary>
    public bool IsComplex => Type == ScimAttributeType.Complex;

    /// <summary>Finds a sub-attribute by name, ignoring case as RFC 7643 §2.1 requires.</summary>
    /// <param name="name">The sub-attribute name.</param>
    /// <returns>The sub-attribute, or <see langword="null"/> when the attribute has none by that name.</returns>
    public ScimAttributeDefinition? FindSubAttribute(string name) =>
        _subAttributesByName.GetValueOrDefault(name);

    /// <inheritdoc />
    public override string ToString() => Path;

    /// <summary>Binds the attribute (and its sub-attributes) to its schema; called once while the schema is built.</summary>
    /// <param name="schemaId">The URN of the defining schema.</param>
    /// <param name="parent">The complex attribute this one belongs to, if any.</param>
    internal void Attach(string schemaId, ScimAttributeDefinition? parent)
    {
        SchemaId = schemaId;
        Parent = parent;
        foreach (var sub in SubAttributes)
        {
            sub.Attach(schemaId, this);
        }

        _subAttributesByName = SubAttributes.ToFrozenDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Defines a read-only attribute: one the service provider sets, such as <c>meta.created</c>.</summary>
    public static ScimAttributeDefinition ReadOnly(
        string name,
        string description,
        ScimAttributeType type = ScimAttributeType.String,
        bool caseExact = false,
        ImmutableArray<string> referenceTypes = default) =>
        new()
        {
            Name = name,
            Type = type,
            Description = description,
            CaseExact = caseExact,
            Mutability = ScimMutability.ReadOnly,
            ReferenceTypes = referenceTypes.IsDefault ? [] : referenceTypes,
        };
}
