namespace MembershipStates.SampleHost.Data;

/// <summary>A person who uses the app: global, and a member of any number of organizations.</summary>
/// <remarks>The app's own table, as it was before SCIM: nothing in it is per organization.</remarks>
internal sealed class User
{
    public int Id { get; set; }

    /// <summary>Gets or sets the sign-in e-mail address, as first provisioned.</summary>
    public required string Email { get; set; }

    /// <summary>Gets or sets <see cref="Email"/> upper-cased, unique: one user per address.</summary>
    public required string NormalizedEmail { get; set; }

    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
