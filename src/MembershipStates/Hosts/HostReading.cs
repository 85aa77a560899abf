using System.Diagnostics.CodeAnalysis;

namespace MembershipStates;

/// <summary>
/// What a host's stored facts say about one membership: a snapshot to decide against, or the invariant they break.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct HostReading
{
    private HostReading(MembershipSnapshot snapshot, MembershipError? error)
    {
        Snapshot = snapshot;
        Error = error;
    }

    /// <summary>Gets the membership the facts describe; <see cref="MembershipSnapshot.NotMember"/> when they are inconsistent.</summary>
    public MembershipSnapshot Snapshot { get; }

    /// <summary>Gets the broken invariant, or <see langword="null"/> when the facts are consistent.</summary>
    public MembershipError? Error { get; }

    /// <summary>Gets a value indicating whether the facts are consistent; when not, <see cref="Error"/> says why.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsConsistent => Error is null;

    internal static HostReading Of(in MembershipSnapshot snapshot) => new(snapshot, null);

    internal static HostReading Broken(string code, string message) => new(default, new MembershipError(code, message));
}
