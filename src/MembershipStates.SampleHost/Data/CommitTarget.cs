namespace MembershipStates.SampleHost.Data;

/// <summary>
/// What a commit reads, in its transaction, of the member it changes: the app's user behind it, the version and
/// <c>userName</c> to check the decision against, the attributes it has, and the groups whose rows move with it. One
/// query, no entity: a row per group of the member (the member's columns repeated), or one row with no group.
/// </summary>
internal sealed class CommitTarget
{
    public int UserId { get; set; }

    public long Version { get; set; }

    public required string NormalizedUserName { get; set; }

    /// <summary>Gets or sets the attributes as stored (JSON): the member's <c>member_values</c> are rewritten only when they change.</summary>
    public required string Attributes { get; set; }

    /// <summary>Gets or sets one group of the member on its side (<c>group_members</c> for an Active one, the inactive side for an Inactive one), or <see langword="null"/> when it is in none.</summary>
    public int? GroupId { get; set; }
}
