namespace MembershipStates.Scim.Schema;

/// <summary>The schema URNs the catalog knows.</summary>
internal static class ScimSchemaIds
{
    /// <summary>The core User schema (RFC 7643 §4.1).</summary>
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// <summary>The enterprise User extension (RFC 7643 §4.3).</summary>
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>The core Group schema (RFC 7643 §4.2).</summary>
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>The schema of a schema document served at <c>/Schemas</c> (RFC 7643 §7).</summary>
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";
}
