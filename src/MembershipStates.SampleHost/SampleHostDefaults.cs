namespace MembershipStates.SampleHost;

/// <summary>The defaults of the sample's configuration contract.</summary>
internal static class SampleHostDefaults
{
    /// <summary>The organization created when <c>Organizations</c> configures none.</summary>
    public const string DemoOrganization = "demo";

    /// <summary>The SCIM base path of an organization, below the server's address.</summary>
    public const string ScimBasePath = "/scim/v2/organizations/";
}
