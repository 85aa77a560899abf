namespace MembershipStates;

/// <summary>
/// One lifecycle command to decide against a membership: what the request asks for, whether it also changes
/// attributes, and the version it expects.
/// </summary>
/// <remarks>
/// <para>A <c>PATCH</c> or <c>PUT</c> that changes <c>active</c> and other attributes is one command
/// (for example <see cref="Deactivate"/> with <c>changesAttributes: true</c>), decided and applied atomically.</para>
/// <para>The <c>default</c> value is a <see cref="Read"/> with no expected version.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public readonly struct MembershipCommand : IEquatable<MembershipCommand>
{
    private readonly long _expectedVersion;

    private MembershipCommand(MembershipCommandKind kind, bool active, bool changesAttributes, string? newId, long expectedVersion, bool failsPrecondition = false)
    {
        Kind = kind;
        Active = active;
        ChangesAttributes = changesAttributes;
        NewId = newId;
        _expectedVersion = expectedVersion;
        FailsPrecondition = failsPrecondition;
    }

    /// <summary>Gets the kind of command.</summary>
    public MembershipCommandKind Kind { get; }

    /// <summary>Gets the <c>active</c> value the command asks for: the request's for a <see cref="MembershipCommandKind.Provision"/>, <see langword="true"/> for <see cref="MembershipCommandKind.Reactivate"/>, <see langword="false"/> for <see cref="MembershipCommandKind.Deactivate"/>.</summary>
    /// <value>Meaningless, and <see langword="false"/>, for <see cref="MembershipCommandKind.Read"/>, <see cref="MembershipCommandKind.UpdateProfile"/> and <see cref="MembershipCommandKind.Remove"/>, which leave <c>active</c> as it is.</value>
    public bool Active { get; }

    /// <summary>Gets a value indicating whether the command also changes attributes other than <c>active</c>.</summary>
    public bool ChangesAttributes { get; }

    /// <summary>Gets the SCIM id a <see cref="MembershipCommandKind.Provision"/> assigns when it creates a membership; <see langword="null"/> for other kinds.</summary>
    public string? NewId { get; }

    /// <summary>Gets the version the request expects (<c>If-Match</c>), or <see langword="null"/> when it expects none.</summary>
    public long? ExpectedVersion => _expectedVersion > 0 ? _expectedVersion : null;

    /// <summary>
    /// Gets a value indicating whether the request's precondition (<c>If-Match</c>, <c>If-None-Match</c>) does not
    /// hold for the membership it was read against, so the lifecycle refuses it.
    /// </summary>
    public bool FailsPrecondition { get; }

    /// <summary>Creates a read.</summary>
    /// <returns>The command.</returns>
    public static MembershipCommand Read() => default;

    /// <summary>Creates a provision (<c>POST</c>).</summary>
    /// <param name="newId">The SCIM id to assign if a new membership is created; a revived membership keeps its own.</param>
    /// <param name="active">The requested <c>active</c> value.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is null, empty or white space.</exception>
    public static MembershipCommand Provision(string newId, bool active = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newId);
        return new MembershipCommand(MembershipCommandKind.Provision, active, changesAttributes: true, newId, 0);
    }

    /// <summary>Creates a deactivation (<c>active</c> false).</summary>
    /// <param name="changesAttributes">Whether the same request also changes other attributes.</param>
    /// <returns>The command.</returns>
    public static MembershipCommand Deactivate(bool changesAttributes = false) =>
        new(MembershipCommandKind.Deactivate, active: false, changesAttributes, null, 0);

    /// <summary>Creates a reactivation (<c>active</c> true).</summary>
    /// <param name="changesAttributes">Whether the same request also changes other attributes.</param>
    /// <returns>The command.</returns>
    public static MembershipCommand Reactivate(bool changesAttributes = false) =>
        new(MembershipCommandKind.Reactivate, active: true, changesAttributes, null, 0);

    /// <summary>Creates the command for a request that sets <c>active</c> to the given value.</summary>
    /// <param name="active">The requested <c>active</c> value.</param>
    /// <param name="changesAttributes">Whether the same request also changes other attributes.</param>
    /// <returns><see cref="Reactivate"/> when <paramref name="active"/> is true, otherwise <see cref="Deactivate"/>.</returns>
    public static MembershipCommand SetActive(bool active, bool changesAttributes = false) =>
        active ? Reactivate(changesAttributes) : Deactivate(changesAttributes);

    /// <summary>Creates a profile update that leaves <c>active</c> as it is.</summary>
    /// <param name="changesAttributes">Whether any attribute actually changes; when false the outcome is <see cref="MembershipOutcome.Unchanged"/>.</param>
    /// <returns>The command.</returns>
    public static MembershipCommand UpdateProfile(bool changesAttributes = true) =>
        new(MembershipCommandKind.UpdateProfile, active: false, changesAttributes, null, 0);

    /// <summary>Creates a removal (<c>DELETE</c>).</summary>
    /// <returns>The command.</returns>
    public static MembershipCommand Remove() =>
        new(MembershipCommandKind.Remove, active: false, changesAttributes: false, null, 0);

    /// <summary>Returns the same command, expecting the membership to be at <paramref name="version"/> (<c>If-Match</c>).</summary>
    /// <param name="version">The expected version, at least 1.</param>
    /// <returns>The command with the expectation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public MembershipCommand ExpectingVersion(long version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new MembershipCommand(Kind, Active, ChangesAttributes, NewId, version, FailsPrecondition);
    }

    /// <summary>
    /// Returns the same command with a precondition that does not hold: the lifecycle decides
    /// <see cref="MembershipOutcome.PreconditionFailed"/> (or <see cref="MembershipOutcome.NotFound"/> first, for a
    /// command that needs a membership and finds none) and changes nothing.
    /// </summary>
    /// <returns>The command, refused by its precondition.</returns>
    public MembershipCommand FailingPrecondition() =>
        new(Kind, Active, ChangesAttributes, NewId, _expectedVersion, failsPrecondition: true);

    /// <inheritdoc />
    public bool Equals(MembershipCommand other) =>
        Kind == other.Kind
        && Active == other.Active
        && ChangesAttributes == other.ChangesAttributes
        && string.Equals(NewId, other.NewId, StringComparison.Ordinal)
        && _expectedVersion == other._expectedVersion
        && FailsPrecondition == other.FailsPrecondition;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MembershipCommand other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Active, ChangesAttributes, NewId, _expectedVersion, FailsPrecondition);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = Kind switch
        {
            MembershipCommandKind.Provision => $"Provision(active: {Active})",
            MembershipCommandKind.Deactivate or MembershipCommandKind.Reactivate or MembershipCommandKind.UpdateProfile =>
                $"{Kind}(changesAttributes: {ChangesAttributes})",
            _ => Kind.ToString(),
        };
        text = _expectedVersion > 0 ? $"{text} if v{_expectedVersion}" : text;
        return FailsPrecondition ? $"{text} (precondition failed)" : text;
    }

    /// <summary>Compares two commands for equality.</summary>
    /// <param name="left">The first command.</param>
    /// <param name="right">The second command.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MembershipCommand left, MembershipCommand right) => left.Equals(right);

    /// <summary>Compares two commands for inequality.</summary>
    /// <param name="left">The first command.</param>
    /// <param name="right">The second command.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MembershipCommand left, MembershipCommand right) => !left.Equals(right);
}
