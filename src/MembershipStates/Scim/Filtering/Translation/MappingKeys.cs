using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering.Translation;

/// <summary>How a host's map keys the attributes it maps: by path, without the core schema URN.</summary>
internal static class MappingKeys
{
    /// <summary>The Group attribute a membership test answers.</summary>
    public const string MembersAttribute = "members";

    /// <summary>Gets the path <c>members</c>, as a mapping key.</summary>
    public static AttributePath MembersPath { get; } = new(null, MembersAttribute, null, null);

    /// <summary>Returns the key a path is mapped under: the path without the core schema URN.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The key.</returns>
    public static AttributePath Key(AttributePath path) =>
        path.SchemaUrn is not null && ScimAttributeCatalog.Default.IsResourceSchema(path.SchemaUrn)
            ? new AttributePath(null, path.Name, path.ValueFilter, path.SubAttribute)
            : path;
}
