using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// One attribute of a <see cref="ScimSchemaExtension"/> a host declares, with its characteristics (RFC 7643 §2.2, §7).
/// </summary>
/// <remarks>
/// <para>Characteristics left unset take the RFC 7643 §2.2 defaults: a single-valued, optional, case-insensitive,
/// read-write string returned by default with no uniqueness. The name is a letter, then letters, digits, <c>-</c> or
/// <c>_</c> (RFC 7643 §2.1); the description is shown in the <c>/Schemas</c> document; <c>required</c> is
/// announced there.</para>
/// <para><b>Mutability</b>, as <c>POST</c>, <c>PUT</c> and <c>PATCH</c> enforce it (RFC 7644 §3.5.1, §3.5.2):
/// <see cref="ScimMutability.ReadOnly"/> values a client sends with <c>POST</c> or <c>PUT</c> are ignored (a
/// <c>PUT</c> keeps the stored value); a <c>PATCH</c> naming the attribute or changing its value is a 400
/// <c>mutability</c>. <see cref="ScimMutability.Immutable"/>: set while it has no value, then never changed; a
/// <c>PUT</c> that leaves it out keeps it, one that sends another value and a <c>PATCH</c> that changes or removes
/// it are a 400 <c>mutability</c>. <see cref="ScimMutability.WriteOnly"/>: kept but never returned (announced as
/// <c>returned</c> <c>never</c>), and not usable in filters or <c>sortBy</c>. A sub-attribute of a multi-valued
/// complex attribute takes the attribute's mutability: declare it <see cref="ScimMutability.ReadWrite"/> or
/// <see cref="ScimMutability.WriteOnly"/>.</para>
/// <para><b>Returned</b> is honoured by <c>attributes</c> and <c>excludedAttributes</c>. <b>Uniqueness</b>: only
/// <see cref="ScimUniqueness.None"/> is accepted: the package does not enforce <c>server</c> or <c>global</c>
/// uniqueness, and <c>/Schemas</c> announces only what is enforced.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScimAttributeDeclaration : ScimAttributeCharacteristics
{
    /// <summary>Gets the sub-attributes of a <see cref="ScimAttributeType.Complex"/> attribute; none of them complex.</summary>
    public ImmutableArray<ScimAttributeDeclaration> SubAttributes { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
