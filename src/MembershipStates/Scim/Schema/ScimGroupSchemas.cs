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
            .. ScimCommonAttributes.Of("Group"),
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
}
