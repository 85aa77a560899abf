namespace MembershipStates;

/// <summary>
/// The lifecycle facts of one membership at one moment: its state, SCIM id, version and timestamps.
/// </summary>
/// <remarks>
/// <para>The <c>default</c> value is <see cref="NotMember"/>: no id, version 0, no timestamps.</para>
/// <para>Build one with <see cref="Active"/> or <see cref="Inactive"/> from what the host stored; the factories
/// check the invariants (an existing membership has an id and a version of at least 1).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public readonly struct MembershipSnapshot : IEquatable<MembershipSnapshot>
{
    // Timestamps are kept as UTC ticks so a snapshot stays small (40 bytes) on the decision hot path;
    // 0 means "none" for the deactivation time.
    private readonly long _createdTicks;
    private readonly long _lastModifiedTicks;
    private readonly long _deactivatedAtTicks;

    private MembershipSnapshot(
        MembershipState state,
        string? id,
        long version,
        long createdTicks,
        long lastModifiedTicks,
        long deactivatedAtTicks)
    {
        State = state;
        Id = id;
        Version = version;
        _createdTicks = createdTicks;
        _lastModifiedTicks = lastModifiedTicks;
        _deactivatedAtTicks = deactivatedAtTicks;
    }

    /// <summary>Gets the snapshot of a membership that does not exist.</summary>
    public static MembershipSnapshot NotMember => default;

    /// <summary>Gets the state of the membership.</summary>
    public MembershipState State { get; }

    /// <summary>Gets the SCIM id, stable from provisioning until removal; <see langword="null"/> for <see cref="MembershipState.NotMember"/>.</summary>
    public string? Id { get; }

    /// <summary>Gets the version (<c>meta.version</c>, the ETag); 0 for <see cref="MembershipState.NotMember"/>.</summary>
    public long Version { get; }

    /// <summary>Gets when the membership was provisioned (<c>meta.created</c>), in UTC.</summary>
    public DateTimeOffset Created => new(_createdTicks, TimeSpan.Zero);

    /// <summary>Gets when the membership last changed (<c>meta.lastModified</c>), in UTC.</summary>
    public DateTimeOffset LastModified => new(_lastModifiedTicks, TimeSpan.Zero);

    /// <summary>Gets when the membership became inactive, in UTC; <see langword="null"/> unless <see cref="State"/> is <see cref="MembershipState.Inactive"/>.</summary>
    public DateTimeOffset? DeactivatedAt => _deactivatedAtTicks == 0 ? null : new DateTimeOffset(_deactivatedAtTicks, TimeSpan.Zero);

    /// <summary>Gets a value indicating whether the membership exists (is Active or Inactive).</summary>
    public bool Exists => State != MembershipState.NotMember;

    /// <summary>Creates the snapshot of an active membership.</summary>
    /// <param name="id">The SCIM id.</param>
    /// <param name="version">The current version, at least 1.</param>
    /// <param name="created">When the membership was provisioned.</param>
    /// <param name="lastModified">When it last changed.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static MembershipSnapshot Active(string id, long version, DateTimeOffset created, DateTimeOffset lastModified)
    {
        Check(id, version);
        return new MembershipSnapshot(MembershipState.Active, id, version, created.UtcTicks, lastModified.UtcTicks, 0);
    }

    /// <summary>Creates the snapshot of an inactive membership.</summary>
    /// <param name="id">The SCIM id.</param>
    /// <param name="version">The current version, at least 1.</param>
    /// <param name="created">When the membership was provisioned.</param>
    /// <param name="lastModified">When it last changed.</param>
    /// <param name="deactivatedAt">When it became inactive.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static MembershipSnapshot Inactive(
        string id,
        long version,
        DateTimeOffset created,
        DateTimeOffset lastModified,
        DateTimeOffset deactivatedAt)
    {
        Check(id, version);
        return new MembershipSnapshot(
            MembershipState.Inactive, id, version, created.UtcTicks, lastModified.UtcTicks, Math.Max(deactivatedAt.UtcTicks, 1));
    }

    /// <summary>Creates the snapshot of an existing membership in the given state.</summary>
    /// <param name="state">Active or Inactive.</param>
    /// <param name="id">The SCIM id.</param>
    /// <param name="version">The current version, at least 1.</param>
    /// <param name="created">When the membership was provisioned.</param>
    /// <param name="lastModified">When it last changed.</param>
    /// <param name="deactivatedAt">When it became inactive; required for Inactive, ignored for Active.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null, empty or white space, or an Inactive state has no <paramref name="deactivatedAt"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not Active or Inactive, or <paramref name="version"/> is less than 1.</exception>
    public static MembershipSnapshot Existing(
        MembershipState state,
        string id,
        long version,
        DateTimeOffset created,
        DateTimeOffset lastModified,
        DateTimeOffset? deactivatedAt) => state switch
        {
            MembershipState.Active => Active(id, version, created, lastModified),
            MembershipState.Inactive => Inactive(
                id,
                version,
                created,
                lastModified,
                deactivatedAt ?? throw new ArgumentException("An inactive membership needs the time it became inactive.", nameof(deactivatedAt))),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Only Active and Inactive memberships exist."),
        };

    internal static MembershipSnapshot Unchecked(
        MembershipState state,
        string? id,
        long version,
        DateTimeOffset created,
        DateTimeOffset lastModified,
        DateTimeOffset? deactivatedAt) =>
        new(state, id, version, created.UtcTicks, lastModified.UtcTicks, deactivatedAt is { } at ? Math.Max(at.UtcTicks, 1) : 0);

    /// <summary>The same membership, changed: a new state and version, modified at <paramref name="nowTicks"/>.</summary>
    internal MembershipSnapshot Changed(MembershipState state, long nowTicks)
    {
        var deactivatedAt = state != MembershipState.Inactive ? 0
            : State == MembershipState.Inactive ? _deactivatedAtTicks : nowTicks;
        return new MembershipSnapshot(state, Id, checked(Version + 1), _createdTicks, nowTicks, deactivatedAt);
    }

    /// <summary>A new membership, created at <paramref name="nowTicks"/> with version 1.</summary>
    internal static MembershipSnapshot New(MembershipState state, string? id, long nowTicks) =>
        new(state, id, 1, nowTicks, nowTicks, state == MembershipState.Inactive ? nowTicks : 0);

    /// <inheritdoc />
    public bool Equals(MembershipSnapshot other) =>
        State == other.State
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Version == other.Version
        && _createdTicks == other._createdTicks
        && _lastModifiedTicks == other._lastModifiedTicks
        && _deactivatedAtTicks == other._deactivatedAtTicks;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MembershipSnapshot other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(State, Id, Version, _createdTicks, _lastModifiedTicks, _deactivatedAtTicks);

    /// <inheritdoc />
    public override string ToString() =>
        Exists ? $"{State} {Id} v{Version}" : nameof(MembershipState.NotMember);

    /// <summary>Compares two snapshots for equality.</summary>
    /// <param name="left">The first snapshot.</param>
    /// <param name="right">The second snapshot.</param>
    /// <returns><see langword="true"/> when every fact is equal.</returns>
    public static bool operator ==(MembershipSnapshot left, MembershipSnapshot right) => left.Equals(right);

    /// <summary>Compares two snapshots for inequality.</summary>
    /// <param name="left">The first snapshot.</param>
    /// <param name="right">The second snapshot.</param>
    /// <returns><see langword="true"/> when any fact differs.</returns>
    public static bool operator !=(MembershipSnapshot left, MembershipSnapshot right) => !left.Equals(right);

    private static void Check(string id, long version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
    }
}
