using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// A schema extension of the User resource that a host declares (RFC 7643 §3.3): its URN, its name and its
/// attributes. Declared extensions are listed in <c>/Schemas</c> and <c>/ResourceTypes</c>, kept when a <c>POST</c> or
/// <c>PUT</c> sends them, and valid as <c>PATCH</c> paths, such as <c>urn:example:params:scim:schemas:extension:acme:2.0:User:badge</c>.
/// </summary>
/// <remarks>
/// Checked when a <see cref="ScimUserSchema"/> is built from it. Its attributes can be named in filters and
/// <c>sortBy</c> parsed against that schema (<see cref="ScimFilter.Parse(string?, ScimUserSchema)"/>),
/// and their <c>mutability</c> is enforced. Immutable and thread-safe.
/// </remarks>
public sealed class ScimSchemaExtension
{
    /// <summary>Gets the schema URN, such as <c>urn:example:params:scim:schemas:extension:acme:2.0:User</c>; also the key of its attributes in the User JSON.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the schema's short name, such as <c>AcmeUser</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the human-readable description shown in the <c>/Schemas</c> document.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the attributes; at least one.</summary>
    public ImmutableArray<ScimAttributeDeclaration> Attributes { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => Id;
}
