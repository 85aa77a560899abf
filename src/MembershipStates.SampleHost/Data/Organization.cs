namespace MembershipStates.SampleHost.Data;

/// <summary>A tenant of the app; each has its own SCIM base URL and token.</summary>
internal sealed class Organization
{
    public int Id { get; set; }

    /// <summary>Gets or sets the name used in the SCIM base URL, unique.</summary>
    public required string Name { get; set; }
}
