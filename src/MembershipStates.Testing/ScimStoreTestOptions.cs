namespace MembershipStates.Testing;

/// <summary>
/// Configures how much the kit tries against the store: the number and length of the generated request sequences,
/// the number of racing requests, and the policy the host configures for a provision that meets an inactive member.
/// </summary>
/// <remarks>
/// <para>Pass it to the base constructor of <see cref="ScimMemberStoreTests"/> or <see cref="ScimGroupStoreTests"/>.
/// The defaults keep a run of the kit within seconds on an in-memory store and within about a minute on a database;
/// raise <see cref="MaxSequences"/> for a longer search, for example in a nightly build.</para>
/// <para>Not thread-safe while being set; read-only once a test has started.</para>
/// </remarks>
public sealed class ScimStoreTestOptions
{
    /// <summary>The default <see cref="MaxSequences"/>.</summary>
    public const int DefaultMaxSequences = 100;

    /// <summary>The default <see cref="MaxSteps"/>.</summary>
    public const int DefaultMaxSteps = 25;

    /// <summary>The default <see cref="RacingRequests"/>.</summary>
    public const int DefaultRacingRequests = 16;

    /// <summary>Gets or sets how many request sequences the model-based property generates before it passes.</summary>
    /// <remarks>A failing sequence is then shrunk, which runs further sequences, each against fresh organizations.</remarks>
    /// <value>The default value is <see cref="DefaultMaxSequences"/>. Must be at least 1.</value>
    public int MaxSequences { get; set; } = DefaultMaxSequences;

    /// <summary>Gets or sets the most steps a generated sequence has, beside its opening (users created, and with groups a group and adds).</summary>
    /// <value>The default value is <see cref="DefaultMaxSteps"/>. Must be at least 1.</value>
    public int MaxSteps { get; set; } = DefaultMaxSteps;

    /// <summary>Gets or sets how many requests the concurrency tests send at once, spread over two instances of the host.</summary>
    /// <value>The default value is <see cref="DefaultRacingRequests"/>. Must be at least 2.</value>
    public int RacingRequests { get; set; } = DefaultRacingRequests;

    /// <summary>Gets or sets the policy of the host under test for a <c>POST /Users</c> that meets an inactive member; the kit configures the endpoints with it and expects its answers.</summary>
    /// <value>The default value is <see cref="MembershipStates.InactiveProvisionPolicy.Revive"/>, the adapter's default.</value>
    public InactiveProvisionPolicy InactiveProvisionPolicy { get; set; } = InactiveProvisionPolicy.Revive;

    /// <summary>Checks the values; the kit calls it before a test runs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSequences, 1, nameof(MaxSequences));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSteps, 1, nameof(MaxSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(RacingRequests, 2, nameof(RacingRequests));
        if (!Enum.IsDefined(InactiveProvisionPolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(InactiveProvisionPolicy), InactiveProvisionPolicy, "Not a defined policy.");
        }
    }
}
