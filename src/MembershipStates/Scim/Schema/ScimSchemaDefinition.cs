using System.Collections.Frozen;
using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>A SCIM schema: its URN, name, description and attributes (RFC 7643 §7).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class ScimSchemaDefinition
{
    private readonly FrozenDictionary<string, ScimAttributeDefinition> _attributesByName;

    internal ScimSchemaDefinition(string id, string name, string description, ImmutableArray<ScimAttributeDefinition> attributes)
    {
        Id = id;
        Name = name;
        Description = description;
        Attributes = attributes;
        foreach (var attribute in attributes)
        {
            attribute.Attach(id, parent: null);
        }

        _attributesByName = attributes.ToFrozenDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the schema URN, such as <c>urn:ietf:params:scim:schemas:core:2.0:User</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the schema's short name, such as <c>User</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the human-readable description.</summary>
    public string Description { get; }

    /// <summary>Gets the top-level attributes, common attributes included.</summary>
    public ImmutableArray<ScimAttributeDefinition> Attributes { get; }

    /// <summary>Finds a top-level attribute by name, ignoring case.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The attribute, or <see langword="null"/> when the schema has none by that name.</returns>
    public ScimAttributeDefinition? FindAttribute(string name) => _attributesByName.GetValueOrDefault(name);

    /// <inheritdoc />
    public override string ToString() => Id;
}
