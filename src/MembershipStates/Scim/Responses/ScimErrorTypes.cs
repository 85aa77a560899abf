namespace MembershipStates.Scim;

/// <summary>
/// The <c>scimType</c> values of RFC 7644 §3.12, written exactly as the RFC spells them: for hosts that check
/// <see cref="ScimError.ScimType"/> without repeating the RFC's strings.
/// </summary>
/// <remarks>Every one answers 400 except <see cref="Uniqueness"/> (409) and <see cref="Sensitive"/> (403).</remarks>
public static class ScimErrorTypes
{
    /// <summary>The filter syntax was invalid, or the filter names an attribute or operator that is not supported (400).</summary>
    public const string InvalidFilter = "invalidFilter";

    /// <summary>The filter yields more results than the service provider will return (400).</summary>
    public const string TooMany = "tooMany";

    /// <summary>One or more unique attribute values are in use or reserved, such as a <c>userName</c> (409).</summary>
    public const string Uniqueness = "uniqueness";

    /// <summary>The request tries to change an immutable or read-only attribute (400).</summary>
    public const string Mutability = "mutability";

    /// <summary>The request body was not valid JSON or did not match the request schema (400).</summary>
    public const string InvalidSyntax = "invalidSyntax";

    /// <summary>The <c>path</c> of a PATCH operation was invalid or names an attribute that is not supported (400).</summary>
    public const string InvalidPath = "invalidPath";

    /// <summary>The <c>path</c> of a PATCH operation matched no value it could act on (400).</summary>
    public const string NoTarget = "noTarget";

    /// <summary>A required value was missing, or a value does not fit its attribute's type or the operation (400).</summary>
    public const string InvalidValue = "invalidValue";

    /// <summary>The protocol version is not supported (400).</summary>
    public const string InvalidVersion = "invalidVers";

    /// <summary>The request carried information that may not be sent in a URI, such as a filter on a password (403).</summary>
    public const string Sensitive = "sensitive";
}
