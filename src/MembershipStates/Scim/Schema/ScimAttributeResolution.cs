namespace MembershipStates.Scim.Schema;

/// <summary>
/// What the catalog knows about an attribute path: the schema, the attribute and the sub-attribute it names, or
/// that it names something unknown (the caller decides what an unknown attribute means).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal readonly struct ScimAttributeResolution
{
    internal ScimAttributeResolution(
        ScimSchemaDefinition? schema,
        ScimAttributeDefinition? attribute,
        ScimAttributeDefinition? subAttribute,
        bool namesSubAttribute)
    {
        Schema = schema;
        Attribute = attribute;
        SubAttribute = subAttribute;
        NamesSubAttribute = namesSubAttribute;
    }

    /// <summary>Gets the schema the path resolved in, or <see langword="null"/> when its URN is unknown.</summary>
    public ScimSchemaDefinition? Schema { get; }

    /// <summary>Gets the top-level attribute, or <see langword="null"/> when unknown.</summary>
    public ScimAttributeDefinition? Attribute { get; }

    /// <summary>Gets the sub-attribute, or <see langword="null"/> when the path names none or an unknown one.</summary>
    public ScimAttributeDefinition? SubAttribute { get; }

    /// <summary>Gets a value indicating whether the path names a sub-attribute.</summary>
    public bool NamesSubAttribute { get; }

    /// <summary>Gets a value indicating whether every part of the path is defined by the catalog.</summary>
    public bool IsKnown => Attribute is not null && (!NamesSubAttribute || SubAttribute is not null);

    /// <summary>Gets the attribute the path designates (the sub-attribute when it names one), or <see langword="null"/> when unknown.</summary>
    public ScimAttributeDefinition? Target => IsKnown ? SubAttribute ?? Attribute : null;

    /// <summary>
    /// Gets a value indicating whether string values compare case-sensitively: the target's <c>caseExact</c>, and
    /// <see langword="false"/> for unknown attributes, the RFC 7643 §2.2 default.
    /// </summary>
    public bool CaseExact => Target?.CaseExact ?? false;

    /// <summary>Gets an unknown resolution.</summary>
    public static ScimAttributeResolution Unknown => default;

    /// <inheritdoc />
    public override string ToString() => Target is { } target ? $"{target.SchemaId}:{target.Path}" : "unknown";
}
