using MembershipStates.Scim.Filtering;

namespace MembershipStates.Scim.Schema;

/// <summary>
/// Finds what is wrong with the schema extensions a host declares: a URN that does not parse as the prefix of an
/// attribute path, one that clashes with a schema this package defines or with another extension, attribute names
/// that RFC 7643 §2.1 does not allow or that repeat, and complex attributes without sub-attributes.
/// </summary>
/// <remarks>Thread-safe: pure functions.</remarks>
internal static class ScimSchemaExtensionCheck
{
    private static readonly string[] ReservedIds =
        [ScimSchemaIds.User, ScimSchemaIds.EnterpriseUser, ScimSchemaIds.Group, ScimSchemaIds.Schema];

    /// <summary>Lists the problems of the extensions, each naming the schema and attribute it concerns.</summary>
    /// <param name="extensions">The extensions, in the order declared.</param>
    /// <returns>The problems; empty when the extensions are valid.</returns>
    public static List<string> Problems(IEnumerable<ScimSchemaExtension?> extensions)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var extension in extensions)
        {
            if (extension is null)
            {
                problems.Add("A schema extension is null.");
                continue;
            }

            var id = extension.Id;
            if (!IsUrn(id))
            {
                problems.Add($"Schema extension \"{id}\": the id must be a URN such as \"urn:example:params:scim:schemas:extension:acme:2.0:User\" (\"urn:\", segments separated by ':', no spaces, ending in a name).");
            }
            else if (Array.Exists(ReservedIds, reserved => string.Equals(reserved, id, StringComparison.OrdinalIgnoreCase))
                || id.StartsWith("urn:ietf:params:scim:schemas:core:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Schema extension \"{id}\": the id is a schema this package defines; declare an extension under its own URN.");
            }
            else if (!seen.Add(id))
            {
                problems.Add($"Schema extension \"{id}\" is declared twice.");
            }

            if (string.IsNullOrWhiteSpace(extension.Name))
            {
                problems.Add($"Schema extension \"{id}\": the name must not be empty.");
            }

            if (extension.Attributes.IsDefaultOrEmpty)
            {
                problems.Add($"Schema extension \"{id}\": it declares no attributes.");
                continue;
            }

            CheckAttributes(id, null, extension.Attributes, problems);
        }

        return problems;
    }

    private static void CheckAttributes(string id, ScimAttributeDeclaration? parent, IEnumerable<ScimAttributeDeclaration?> attributes, List<string> problems)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in attributes)
        {
            if (attribute is null)
            {
                problems.Add($"Schema extension \"{id}\": an attribute{Under(parent)} is null.");
                continue;
            }

            var where = $"Schema extension \"{id}\" attribute \"{(parent is null ? string.Empty : parent.Name + ".")}{attribute.Name}\"";
            if (!IsAttributeName(attribute.Name))
            {
                problems.Add($"{where}: the name must start with a letter and hold only letters, digits, '-' and '_' (RFC 7643 §2.1).");
            }
            else if (!names.Add(attribute.Name))
            {
                problems.Add($"{where} is declared twice (names ignore case).");
            }

            if (!Enum.IsDefined(attribute.Type) || !Enum.IsDefined(attribute.Mutability)
                || !Enum.IsDefined(attribute.Returned) || !Enum.IsDefined(attribute.Uniqueness))
            {
                problems.Add($"{where}: its type, mutability, returned or uniqueness is not a defined value.");
            }
            else if (attribute.Uniqueness != ScimUniqueness.None)
            {
                // Announcing uniqueness the server does not enforce would make /Schemas lie.
                problems.Add($"{where}: uniqueness \"{attribute.Uniqueness.ToString().ToLowerInvariant()}\" is not enforced by this package; declare uniqueness none.");
            }
            else if (parent is { MultiValued: true } && attribute.Mutability is not (ScimMutability.ReadWrite or ScimMutability.WriteOnly))
            {
                problems.Add($"{where}: a sub-attribute of a multi-valued attribute takes the attribute's mutability; declare it readWrite and set the mutability on \"{parent.Name}\".");
            }

            var subAttributes = attribute.SubAttributes.IsDefault ? [] : attribute.SubAttributes;
            if (attribute.Type == ScimAttributeType.Complex)
            {
                if (parent is not null)
                {
                    problems.Add($"{where}: a sub-attribute cannot be complex (RFC 7643 §2.3.8).");
                }
                else if (subAttributes.IsEmpty)
                {
                    problems.Add($"{where}: a complex attribute needs sub-attributes.");
                }
                else
                {
                    CheckAttributes(id, attribute, subAttributes, problems);
                }
            }
            else if (!subAttributes.IsEmpty)
            {
                problems.Add($"{where}: only a complex attribute has sub-attributes.");
            }
        }
    }

    private static string Under(ScimAttributeDeclaration? parent) => parent is null ? string.Empty : $" of \"{parent.Name}\"";

    // The URN must read back as the schema prefix of a path, so that "urn:…:attr" and "urn:…:attr.sub" resolve.
    private static bool IsUrn(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
        && !id.Any(char.IsWhiteSpace)
        && FilterParser.TryParsePath(id + ":a", out var path, out _)
        && string.Equals(path.SchemaUrn, id, StringComparison.Ordinal)
        && path.SubAttribute is null && path.ValueFilter is null
        && IsAttributeName(id[(id.LastIndexOf(':') + 1)..]);

    private static bool IsAttributeName(string? name) =>
        !string.IsNullOrEmpty(name)
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
