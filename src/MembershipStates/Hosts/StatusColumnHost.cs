namespace MembershipStates;

/// <summary>
/// Maps a host that stores the membership state itself — a status column on its membership row, with values of its
/// own such as <c>"enabled"</c>/<c>"disabled"</c> — to the lifecycle, both ways.
/// </summary>
/// <typeparam name="TStatus">The type of the host's status column.</typeparam>
/// <remarks>
/// <para>No row means <see cref="MembershipState.NotMember"/>; the row's status says Active or Inactive.</para>
/// <para>Group memberships are rows of one table whatever the member's status: they are kept while the member is
/// Inactive, and the app grants access through a group only to members whose status is active. Removal deletes
/// them.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class StatusColumnHost<TStatus>
    where TStatus : notnull
{
    private readonly IEqualityComparer<TStatus> _comparer;

    /// <summary>Initializes a new instance of the <see cref="StatusColumnHost{TStatus}"/> class.</summary>
    /// <param name="active">The host's status value for an active membership.</param>
    /// <param name="inactive">The host's status value for an inactive membership.</param>
    /// <param name="comparer">How to compare status values; the default comparer by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="active"/> or <paramref name="inactive"/> is null.</exception>
    /// <exception cref="ArgumentException">The two values are equal.</exception>
    public StatusColumnHost(TStatus active, TStatus inactive, IEqualityComparer<TStatus>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(inactive);
        _comparer = comparer ?? EqualityComparer<TStatus>.Default;
        if (_comparer.Equals(active, inactive))
        {
            throw new ArgumentException("Active and inactive need distinct status values.", nameof(inactive));
        }

        ActiveStatus = active;
        InactiveStatus = inactive;
    }

    /// <summary>Gets the host's status value for an active membership.</summary>
    public TStatus ActiveStatus { get; }

    /// <summary>Gets the host's status value for an inactive membership.</summary>
    public TStatus InactiveStatus { get; }

    /// <summary>Gets the status value to store for a state.</summary>
    /// <param name="state">Active or Inactive.</param>
    /// <returns>The host's status value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is <see cref="MembershipState.NotMember"/>, which is stored as no row, or undefined.</exception>
    public TStatus ToStatus(MembershipState state) => state switch
    {
        MembershipState.Active => ActiveStatus,
        MembershipState.Inactive => InactiveStatus,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A non-member has no row and so no status."),
    };

    /// <summary>Reads a membership from the host's row.</summary>
    /// <param name="status">The row's status value.</param>
    /// <param name="id">The SCIM id kept on the row.</param>
    /// <param name="version">The row's version, at least 1.</param>
    /// <param name="created">When the membership was provisioned.</param>
    /// <param name="lastModified">When it last changed.</param>
    /// <param name="deactivatedAt">When it became inactive; for an inactive row without one, <paramref name="lastModified"/> is used.</param>
    /// <returns>The membership, or an <see cref="MembershipErrorCodes.UnknownStatus"/> error for a status value that maps to no state.</returns>
    public HostReading Read(
        TStatus status,
        string id,
        long version,
        DateTimeOffset created,
        DateTimeOffset lastModified,
        DateTimeOffset? deactivatedAt = null)
    {
        if (_comparer.Equals(status, ActiveStatus))
        {
            return HostReading.Of(MembershipSnapshot.Active(id, version, created, lastModified));
        }

        if (_comparer.Equals(status, InactiveStatus))
        {
            return HostReading.Of(MembershipSnapshot.Inactive(id, version, created, lastModified, deactivatedAt ?? lastModified));
        }

        return HostReading.Broken(
            MembershipErrorCodes.UnknownStatus,
            $"The status '{status}' is neither the active status '{ActiveStatus}' nor the inactive status '{InactiveStatus}'.");
    }

    /// <summary>Translates a decision into the row's effects.</summary>
    /// <param name="decision">The decision to apply.</param>
    /// <returns>The effects; <see cref="StatusColumnEffects.None"/> for a decision that changes nothing.</returns>
    public StatusColumnEffects Plan(in MembershipDecision decision)
    {
        var effects = decision.Effects;
        if ((effects & MembershipEffects.Delete) != 0)
        {
            return StatusColumnEffects.DeleteRow | GroupEffects(decision.GroupEffect);
        }

        var result = StatusColumnEffects.None;
        if ((effects & MembershipEffects.Create) != 0)
        {
            result |= StatusColumnEffects.InsertRow;
        }

        if ((effects & MembershipEffects.ChangeState) != 0)
        {
            result |= StatusColumnEffects.UpdateStatus;
        }

        if ((effects & MembershipEffects.WriteAttributes) != 0)
        {
            result |= StatusColumnEffects.WriteAttributes;
        }

        return result | GroupEffects(decision.GroupEffect);
    }

    /// <summary>Translates the rule "group membership follows the member" for a status column: the rows stay, and access through them reads the status.</summary>
    internal static StatusColumnEffects GroupEffects(GroupMembershipEffect effect) =>
        effect == GroupMembershipEffect.Drop ? StatusColumnEffects.DeleteGroupMemberships : StatusColumnEffects.None;
}
