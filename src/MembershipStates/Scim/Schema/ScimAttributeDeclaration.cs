using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// One attribute of a <see cref="ScimSchemaExtension"/> a host declares, with its characteristics (RFC 7643 §2.2, §7).
/// </summary>
/// <remarks>
/// Characteristics left unset take the RFC 7643 §2.2 defaults: a single-valued, optional, case-insensitive,
/// read-write string returned by default with no uniqueness. Immutable and thread-safe.
/// </remarks>
public sealed class ScimAttributeDeclaration
{
    /// <summary>Gets the attribute name: a letter, then letters, digits, <c>-</c> or <c>_</c> (RFC 7643 §2.1).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the data type.</summary>
    public ScimAttributeType Type { get; init; } = ScimAttributeType.String;

    /// <summary>Gets a value indicating whether the attribute holds a list of values.</summary>
    public bool MultiValued { get; init; }

    /// <summary>Gets the human-readable description shown in the <c>/Schemas</c> document.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the attribute is announced as required.</summary>
    public bool Required { get; init; }

    /// <summary>Gets a value indicating whether string values compare case-sensitively.</summary>
    public bool CaseExact { get; init; }

    /// <summary>Gets whether and how the attribute can be changed, as <c>POST</c>, <c>PUT</c> and <c>PATCH</c> enforce it (RFC 7644 §3.5.1, §3.5.2).</summary>
    /// <remarks>
    /// <para><see cref="ScimMutability.ReadOnly"/>: values a client sends with <c>POST</c> or <c>PUT</c> are ignored
    /// (a <c>PUT</c> keeps the stored value); a <c>PATCH</c> naming the attribute or changing its value is a 400
    /// <c>mutability</c>. <see cref="ScimMutability.Immutable"/>: set while it has no value, then never changed; a
    /// <c>PUT</c> that leaves it out keeps it, one that sends another value and a <c>PATCH</c> that changes or
    /// removes it are a 400 <c>mutability</c>. <see cref="ScimMutability.WriteOnly"/>: kept but never returned
    /// (announced as <c>returned</c> <c>never</c>), and not usable in filters or <c>sortBy</c>.</para>
    /// <para>A sub-attribute of a multi-valued complex attribute takes the attribute's mutability: declare it
    /// <see cref="ScimMutability.ReadWrite"/> or <see cref="ScimMutability.WriteOnly"/>.</para>
    /// </remarks>
    public ScimMutability Mutability { get; init; } = ScimMutability.ReadWrite;

    /// <summary>Gets when the attribute is returned; honoured by <c>attributes</c> and <c>excludedAttributes</c>.</summary>
    public ScimReturned Returned { get; init; } = ScimReturned.Default;

    /// <summary>Gets how unique the value is announced to be.</summary>
    /// <remarks>Only <see cref="ScimUniqueness.None"/> is accepted: the package does not enforce <c>server</c> or <c>global</c> uniqueness, and <c>/Schemas</c> announces only what is enforced.</remarks>
    public ScimUniqueness Uniqueness { get; init; } = ScimUniqueness.None;

    /// <summary>Gets the resource types a <see cref="ScimAttributeType.Reference"/> may point to, such as <c>external</c> or <c>User</c>.</summary>
    public ImmutableArray<string> ReferenceTypes { get; init; } = [];

    /// <summary>Gets the sub-attributes of a <see cref="ScimAttributeType.Complex"/> attribute; none of them complex.</summary>
    public ImmutableArray<ScimAttributeDeclaration> SubAttributes { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
