using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// The characteristics of a SCIM attribute (RFC 7643 §2.2, §7): name, type, plurality, description, whether it is
/// required, case rules, mutability, when it is returned, uniqueness and reference types. Shared by what a host
/// declares (<see cref="ScimAttributeDeclaration"/>) and the schemas the package builds from it, so the two always
/// carry the same characteristics.
/// </summary>
/// <remarks>
/// Characteristics left unset take the RFC 7643 §2.2 defaults: a single-valued, optional, case-insensitive,
/// read-write string returned by default with no uniqueness. Only the package derives from it.
/// </remarks>
public abstract class ScimAttributeCharacteristics
{
    /// <summary>Initializes the characteristics with the RFC 7643 §2.2 defaults.</summary>
    private protected ScimAttributeCharacteristics()
    {
    }

    /// <summary>Gets the attribute name as the schema spells it, such as <c>userName</c> or <c>$ref</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the data type.</summary>
    public ScimAttributeType Type { get; init; } = ScimAttributeType.String;

    /// <summary>Gets a value indicating whether the attribute holds a list of values.</summary>
    public bool MultiValued { get; init; }

    /// <summary>Gets the human-readable description shown in the <c>/Schemas</c> document.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether a resource must carry the attribute.</summary>
    public bool Required { get; init; }

    /// <summary>Gets a value indicating whether string values compare case-sensitively.</summary>
    public bool CaseExact { get; init; }

    /// <summary>Gets whether and how the attribute can be changed.</summary>
    public ScimMutability Mutability { get; init; } = ScimMutability.ReadWrite;

    /// <summary>Gets when the attribute is returned.</summary>
    public ScimReturned Returned { get; init; } = ScimReturned.Default;

    /// <summary>Gets how unique the value must be.</summary>
    public ScimUniqueness Uniqueness { get; init; } = ScimUniqueness.None;

    /// <summary>Gets the resource types a <see cref="ScimAttributeType.Reference"/> may point to, such as <c>external</c> or <c>User</c>.</summary>
    public ImmutableArray<string> ReferenceTypes { get; init; } = [];
}
