namespace MembershipStates.SampleHost.Data;

/// <summary>
/// A member as SCIM sees one, Active (from <c>memberships</c>) or Inactive (from <c>inactive_memberships</c>): the
/// shape that queries, filters and pages run over.
/// </summary>
internal sealed class MemberRow : ScimColumns
{
    public bool Active { get; set; }

    /// <summary>Gets or sets when an Inactive member was deactivated; meaningless for an Active one.</summary>
    public DateTimeOffset DeactivatedAt { get; set; }
}
