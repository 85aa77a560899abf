namespace MembershipStates.Scim;

/// <summary>
/// The schema URIs (RFC 7643 §3, §8.7; RFC 7644 §3.4.2, §3.5.2, §3.12) this package reads and writes, so that
/// hosts and their tests name them without retyping the URNs.
/// </summary>
/// <remarks>URIs are compared case-insensitively when read and always written exactly as these constants spell them.</remarks>
public static class ScimSchemaUris
{
    /// <summary>The core User schema (RFC 7643 §4.1).</summary>
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// <summary>The enterprise User extension (RFC 7643 §4.3); also the key under which its attributes appear in a User.</summary>
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>The core Group schema (RFC 7643 §4.2).</summary>
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>Microsoft Entra ID's Group extension, which it lists in <c>schemas</c> when it creates a group; accepted and ignored.</summary>
    public const string EntraGroup = "urn:ietf:params:scim:schemas:extension:Microsoft:AzureADSCIM:2.0:Group";

    /// <summary>The message schema of an error response (RFC 7644 §3.12).</summary>
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";

    /// <summary>The message schema of a list or query response (RFC 7644 §3.4.2).</summary>
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    /// <summary>The message schema of a PATCH request body (RFC 7644 §3.5.2).</summary>
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>The schema of the service provider configuration document (RFC 7643 §5).</summary>
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    /// <summary>The schema of a resource type document (RFC 7643 §6).</summary>
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    /// <summary>The schema of a schema document (RFC 7643 §7).</summary>
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";
}
