using System.Globalization;

namespace MembershipStates.Scim;

/// <summary>
/// The page a list or query asks for: a 1-based start index and a count (RFC 7644 §3.4.2.4), read once from the
/// request and handed to the store, so that every store pages alike.
/// </summary>
/// <remarks>
/// <para>From the query values, as RFC 7644 §3.4.2.4 says and the providers expect: a missing <c>startIndex</c>,
/// or one below 1, is 1; a missing <c>count</c> is the default page size; a negative <c>count</c> is 0 (only
/// <c>totalResults</c> is returned); a <c>count</c> above the maximum page size, <c>2147483647</c> included, is the
/// maximum. An empty value counts as missing. Numbers too large for 32 bits are clamped the same way.</para>
/// <para>A value that is not an integer (<c>count=ten</c>, <c>startIndex=1.5</c>) is a 400 <c>invalidValue</c>
/// rather than a guess: the RFC says nothing of it, and answering a page the client did not ask for would hide the
/// client's bug.</para>
/// <para>The <c>default</c> value is start index 1 with count 0. Immutable and thread-safe.</para>
/// </remarks>
public readonly struct ScimPage : IEquatable<ScimPage>
{
    private readonly int _startIndexMinusOne;

    private ScimPage(int startIndex, int count)
    {
        _startIndexMinusOne = startIndex - 1;
        Count = count;
    }

    /// <summary>Gets the 1-based index of the first resource to return; at least 1.</summary>
    public int StartIndex => _startIndexMinusOne + 1;

    /// <summary>Gets the largest number of resources to return; from 0 to the maximum page size.</summary>
    public int Count { get; }

    /// <summary>Gets how many matching resources to skip before the first one returned: <see cref="StartIndex"/> − 1.</summary>
    public int Offset => _startIndexMinusOne;

    /// <summary>Reads the page from the <c>startIndex</c> and <c>count</c> query values.</summary>
    /// <param name="startIndex">The <c>startIndex</c> value, or <see langword="null"/> when absent.</param>
    /// <param name="count">The <c>count</c> value, or <see langword="null"/> when absent.</param>
    /// <param name="options">The page sizes; <see cref="ScimPagingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The page, or a 400 <c>invalidValue</c> error naming the parameter that is not an integer.</returns>
    public static ScimResult<ScimPage> Parse(string? startIndex, string? count, ScimPagingOptions? options = null)
    {
        options ??= ScimPagingOptions.Default;
        if (!TryReadInteger(startIndex, out var start))
        {
            return ScimResult<ScimPage>.Failure(ScimError.InvalidValue("The startIndex query parameter must be an integer."));
        }

        if (!TryReadInteger(count, out var size))
        {
            return ScimResult<ScimPage>.Failure(ScimError.InvalidValue("The count query parameter must be an integer."));
        }

        return ScimResult<ScimPage>.Success(Of(start, size, options));
    }

    /// <summary>Builds the page from numbers already read, with the same rules as <see cref="Parse"/>.</summary>
    /// <param name="startIndex">The start index, or <see langword="null"/> when absent.</param>
    /// <param name="count">The count, or <see langword="null"/> when absent.</param>
    /// <param name="options">The page sizes; <see cref="ScimPagingOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The page.</returns>
    public static ScimPage Of(long? startIndex, long? count, ScimPagingOptions? options = null)
    {
        options ??= ScimPagingOptions.Default;
        var start = startIndex is { } s ? (int)Math.Clamp(s, 1, int.MaxValue) : 1;
        var size = count is { } c ? (int)Math.Clamp(c, 0, options.MaxPageSize) : options.EffectiveDefaultPageSize;
        return new ScimPage(start, size);
    }

    /// <inheritdoc />
    public bool Equals(ScimPage other) => _startIndexMinusOne == other._startIndexMinusOne && Count == other.Count;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScimPage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_startIndexMinusOne, Count);

    /// <inheritdoc />
    public override string ToString() => $"startIndex={StartIndex}, count={Count}";

    /// <summary>Compares two pages for equality.</summary>
    /// <param name="left">The first page.</param>
    /// <param name="right">The second page.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ScimPage left, ScimPage right) => left.Equals(right);

    /// <summary>Compares two pages for inequality.</summary>
    /// <param name="left">The first page.</param>
    /// <param name="right">The second page.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ScimPage left, ScimPage right) => !left.Equals(right);

    // An optional sign and decimal digits, white space around them allowed; digits beyond 64 bits saturate.
    private static bool TryReadInteger(string? text, out long? value)
    {
        value = null;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return true;
        }

        var negative = false;
        if (span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.IsEmpty)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        value = long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude)
            ? (negative ? -magnitude : magnitude)
            : (negative ? long.MinValue : long.MaxValue);
        return true;
    }
}
