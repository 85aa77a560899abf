namespace MembershipStates.Scim;

/// <summary>
/// A parsed <c>If-Match</c> or <c>If-None-Match</c> header (RFC 7232 §3.1, §3.2; RFC 7644 §3.14), evaluated against
/// the lifecycle's version.
/// </summary>
/// <remarks>
/// <para><b>Parsing</b> never fails. The value is <c>*</c> or a comma-separated list of entity tags, each weak
/// (<c>W/"7"</c>) or strong (<c>"7"</c>), with optional white space; several header lines may be joined with commas.
/// A tag that is not the tag of a version (see <see cref="ScimETag"/>), a member that is not a tag at all, and a
/// <c>*</c> inside a list are kept as unparseable members that never match anything.</para>
/// <para><b>Comparison</b> is weak (RFC 7232 §2.3.2) for both headers: the tags this package issues are weak, and
/// SCIM clients send them back in <c>If-Match</c> as they got them.</para>
/// <para><b>If-Match</b> holds when the header is absent, when it is <c>*</c> and the membership exists, or when a
/// listed version equals the current one. <b>If-None-Match</b> holds when the header is absent, when it is
/// <c>*</c> and the membership does not exist, or when no listed version equals the current one. So an unparseable
/// tag makes an <c>If-Match</c> fail (412) and never makes an <c>If-None-Match</c> fail.</para>
/// <para>The <c>default</c> value is an absent <c>If-Match</c>, which always holds. Immutable and thread-safe.</para>
/// </remarks>
public readonly struct ScimPrecondition : IEquatable<ScimPrecondition>
{
    private readonly long[]? _versions;

    private ScimPrecondition(bool isNoneMatch, bool isPresent, bool isAny, long[]? versions, bool hasUnparseable)
    {
        IsNoneMatch = isNoneMatch;
        IsPresent = isPresent;
        IsAny = isAny;
        _versions = versions;
        HasUnparseableTags = hasUnparseable;
    }

    /// <summary>Gets a value indicating whether this is an <c>If-None-Match</c> rather than an <c>If-Match</c>.</summary>
    public bool IsNoneMatch { get; }

    /// <summary>Gets a value indicating whether the header was sent with a value that is not blank.</summary>
    public bool IsPresent { get; }

    /// <summary>Gets a value indicating whether the header is <c>*</c>, alone.</summary>
    public bool IsAny { get; }

    /// <summary>Gets the versions of the tags listed, in order, duplicates kept.</summary>
    public IReadOnlyList<long> Versions => _versions ?? [];

    /// <summary>Gets a value indicating whether some member of the list is not the tag of a version.</summary>
    public bool HasUnparseableTags { get; }

    /// <summary>Parses an <c>If-Match</c> header value.</summary>
    /// <param name="headerValue">The value, or <see langword="null"/> when the header is absent.</param>
    /// <returns>The precondition.</returns>
    public static ScimPrecondition IfMatch(string? headerValue) => Parse(isNoneMatch: false, headerValue);

    /// <summary>Parses an <c>If-None-Match</c> header value.</summary>
    /// <param name="headerValue">The value, or <see langword="null"/> when the header is absent.</param>
    /// <returns>The precondition.</returns>
    public static ScimPrecondition IfNoneMatch(string? headerValue) => Parse(isNoneMatch: true, headerValue);

    /// <summary>Evaluates the precondition against the membership as it is now.</summary>
    /// <param name="current">The current membership.</param>
    /// <returns><see langword="true"/> when the request may go on.</returns>
    /// <remarks>When an <c>If-None-Match</c> fails, a <c>GET</c> answers 304 (<see cref="ScimResponse.NotModified"/>)
    /// and any other method 412; when an <c>If-Match</c> fails, every method answers 412.</remarks>
    public bool IsSatisfiedBy(in MembershipSnapshot current) => IsSatisfiedBy(current.Exists, current.Version);

    /// <summary>Evaluates the precondition against any resource: whether it exists, and its version.</summary>
    internal bool IsSatisfiedBy(bool exists, long version)
    {
        if (!IsPresent)
        {
            return true;
        }

        var matches = IsAny ? exists : exists && Lists(version);
        return IsNoneMatch ? !matches : matches;
    }

    /// <summary>Returns the command with the expectation this precondition puts on it, for the lifecycle to decide.</summary>
    /// <param name="command">The command the request carries.</param>
    /// <param name="current">The membership as it is now, as the command will be decided against it.</param>
    /// <returns>The command, expecting what makes the decision honour this precondition.</returns>
    /// <remarks>
    /// <para>A satisfied <c>If-Match</c> that lists versions expects the current version, so that a store that writes
    /// with optimistic concurrency still refuses a change that raced it (and a version conflict at that commit is
    /// then a 412: <see cref="ScimUserDecision.VersionConflictError"/>). Any other
    /// satisfied precondition leaves the command as it is. A failed one makes the command
    /// <see cref="MembershipCommand.FailingPrecondition"/>, so <see cref="MembershipLifecycle.Decide"/> answers
    /// <see cref="MembershipOutcome.PreconditionFailed"/>, or <see cref="MembershipOutcome.NotFound"/> first for a
    /// non-member, in the lifecycle's own order, and changes nothing.</para>
    /// </remarks>
    public MembershipCommand ApplyTo(in MembershipCommand command, in MembershipSnapshot current)
    {
        if (!IsPresent)
        {
            return command;
        }

        if (!IsSatisfiedBy(current))
        {
            return command.FailingPrecondition();
        }

        return NamesVersions && current.Exists ? command.ExpectingVersion(current.Version) : command;
    }

    /// <summary>
    /// Gets a value indicating whether this is an <c>If-Match</c> that names versions: a change decided under it
    /// holds only for the version it was read at, so when the store finds that version gone at commit, the answer
    /// is 412, not a new decision on a fresh read.
    /// </summary>
    internal bool NamesVersions => IsPresent && !IsNoneMatch && !IsAny;

    /// <inheritdoc />
    public bool Equals(ScimPrecondition other) =>
        IsNoneMatch == other.IsNoneMatch
        && IsPresent == other.IsPresent
        && IsAny == other.IsAny
        && HasUnparseableTags == other.HasUnparseableTags
        && Versions.SequenceEqual(other.Versions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScimPrecondition other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsNoneMatch, IsPresent, IsAny, HasUnparseableTags, Versions.Count);

    /// <inheritdoc />
    public override string ToString()
    {
        var name = IsNoneMatch ? "If-None-Match" : "If-Match";
        if (!IsPresent)
        {
            return $"{name}: (absent)";
        }

        if (IsAny)
        {
            return $"{name}: *";
        }

        var tags = string.Join(", ", Versions.Select(ScimETag.FromVersion));
        return HasUnparseableTags ? $"{name}: {tags} (+unparseable)" : $"{name}: {tags}";
    }

    /// <summary>Compares two preconditions for equality.</summary>
    /// <param name="left">The first precondition.</param>
    /// <param name="right">The second precondition.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ScimPrecondition left, ScimPrecondition right) => left.Equals(right);

    /// <summary>Compares two preconditions for inequality.</summary>
    /// <param name="left">The first precondition.</param>
    /// <param name="right">The second precondition.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ScimPrecondition left, ScimPrecondition right) => !left.Equals(right);

    private bool Lists(long version) => _versions is not null && Array.IndexOf(_versions, version) >= 0;

    private static ScimPrecondition Parse(bool isNoneMatch, string? headerValue)
    {
        var text = headerValue.AsSpan();
        if (text.Trim(" \t,").IsEmpty)
        {
            return new ScimPrecondition(isNoneMatch, isPresent: false, isAny: false, null, hasUnparseable: false);
        }

        if (text.Trim(" \t").SequenceEqual("*"))
        {
            return new ScimPrecondition(isNoneMatch, isPresent: true, isAny: true, null, hasUnparseable: false);
        }

        var versions = new List<long>();
        var unparseable = false;
        var i = 0;
        while (i < text.Length)
        {
            // Skip white space and empty list members.
            while (i < text.Length && text[i] is ' ' or '\t' or ',')
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            if (text[i..].StartsWith("W/", StringComparison.Ordinal))
            {
                i += 2;
            }

            if (i < text.Length && text[i] == '"')
            {
                // An entity tag: its opaque part may hold any character but a quote, commas included.
                var close = text[(i + 1)..].IndexOf('"');
                if (close >= 0)
                {
                    var opaque = text.Slice(i + 1, close);
                    i += close + 2;
                    var rest = i;
                    while (rest < text.Length && text[rest] is ' ' or '\t')
                    {
                        rest++;
                    }

                    if (rest == text.Length || text[rest] == ',')
                    {
                        if (ScimETag.TryParseOpaque(opaque, out var version))
                        {
                            versions.Add(version);
                        }
                        else
                        {
                            unparseable = true;
                        }

                        i = rest;
                        continue;
                    }
                }
            }

            // Not a well-formed tag: the member runs to the next comma and never matches.
            unparseable = true;
            i = start;
            while (i < text.Length && text[i] != ',')
            {
                i++;
            }
        }

        return new ScimPrecondition(isNoneMatch, isPresent: true, isAny: false, [.. versions], unparseable);
    }
}
