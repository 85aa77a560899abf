using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// The common attributes every resource has (RFC 7643 §3.1): <c>id</c>, <c>externalId</c> and <c>meta</c>, as the
/// core User and Group schemas define them.
/// </summary>
internal static class ScimCommonAttributes
{
    /// <summary>Returns new definitions of the common attributes of one resource type.</summary>
    /// <param name="resource">The resource type's name, <c>User</c> or <c>Group</c>, for the descriptions.</param>
    /// <remarks>New each call: a definition belongs to one schema once attached.</remarks>
    public static ImmutableArray<ScimAttributeDefinition> Of(string resource) =>
    [
        new()
        {
            Name = "id",
            Description = $"Unique identifier of the {resource}, issued by the service provider.",
            CaseExact = true,
            Mutability = ScimMutability.ReadOnly,
            Returned = ScimReturned.Always,
            Uniqueness = ScimUniqueness.Server,
            IsCommon = true,
        },
        new()
        {
            Name = "externalId",
            Description = $"Identifier of the {resource} as defined by the provisioning client.",
            CaseExact = true,
            IsCommon = true,
        },
        new()
        {
            Name = "meta",
            Type = ScimAttributeType.Complex,
            Description = "Resource metadata.",
            Mutability = ScimMutability.ReadOnly,
            IsCommon = true,
            SubAttributes =
            [
                ScimAttributeDefinition.ReadOnly("resourceType", "Name of the resource type.", caseExact: true),
                ScimAttributeDefinition.ReadOnly("created", "When the resource was added.", ScimAttributeType.DateTime),
                ScimAttributeDefinition.ReadOnly("lastModified", "When the resource was last changed.", ScimAttributeType.DateTime),
                ScimAttributeDefinition.ReadOnly("location", "URI of the resource.", ScimAttributeType.Reference, referenceTypes: ["uri"]),
                ScimAttributeDefinition.ReadOnly("version", "Version (entity tag) of the resource.", caseExact: true),
            ],
        },
    ];
}
