using System.Collections.Immutable;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// The definition of the core Group schema (RFC 7643 §4.2, §8.7.1), with the characteristics the RFC gives each
/// attribute and the ones this library enforces: a required <c>displayName</c>, unique within the organization.
/// </summary>
internal static class ScimGroupSchemas
{
    /// <summary>Gets the core Group schema, common attributes included.</summary>
    public static ScimSchemaDefinition Group { get; } = new(
        ScimSchemaIds.Group,
        "Group",
        "Group",
        [
            new()
            {
                Name = "id",
                Description = "Unique identifier of the Group, issued by the service provider.",
                CaseExact = true,
                Mutability = ScimMutability.ReadOnly,
                Returned = ScimReturned.Always,
                Uniqueness = ScimUniqueness.Server,
                IsCommon = true,
            },
            new()
            {
                Name = "externalId",
                Description = "Identifier of the Group as defined by the provisioning client.",
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
                SubAttributes = ScimUserSchemas.User.FindAttribute("meta")!.SubAttributes.Select(Copy).ToImmutableArray(),
            },
            new()
            {
                Name = "displayName",
                Description = "A human-readable name for the Group, unique within the organization.",
                Required = true,
                Uniqueness = ScimUniqueness.Server,
            },
            new()
            {
                Name = "members",
                Type = ScimAttributeType.Complex,
                MultiValued = true,
                Description = "The members of the Group: Users of the same organization.",
                SubAttributes =
                [
                    new() { Name = "value", Description = "The identifier of the member's User.", CaseExact = true, Mutability = ScimMutability.Immutable },
                    new()
                    {
                        Name = "$ref",
                        Type = ScimAttributeType.Reference,
                        ReferenceTypes = ["User"],
                        Description = "The URI of the member's User.",
                        Mutability = ScimMutability.Immutable,
                    },
                    new() { Name = "display", Description = "A human-readable name of the member.", Mutability = ScimMutability.ReadOnly },
                    new()
                    {
                        Name = "type",
                        Description = "The kind of the member.",
                        CanonicalValues = ["User"],
                        Mutability = ScimMutability.Immutable,
                    },
                ],
            },
        ]);

    // A definition belongs to one schema once attached, so the Group schema gets its own copies of meta's sub-attributes.
    private static ScimAttributeDefinition Copy(ScimAttributeDefinition attribute) => new()
    {
        Name = attribute.Name,
        Type = attribute.Type,
        Description = attribute.Description,
        CaseExact = attribute.CaseExact,
        Mutability = attribute.Mutability,
        ReferenceTypes = attribute.ReferenceTypes,
    };
}
