namespace MembershipStates.Scim.Filtering;

/// <summary>
/// How filters compare strings, in memory and in a database alike: case folded with
/// <see cref="string.ToUpperInvariant()"/> where the attribute is not <c>caseExact</c>, then ordered by Unicode code
/// point.
/// </summary>
/// <remarks>
/// <para><b>Folding.</b> Each character is replaced by its simple, one-to-one invariant upper case (the Unicode
/// Character Database's mapping, as <see cref="StringComparison.OrdinalIgnoreCase"/> uses): <c>é</c> and
/// <c>É</c>, <c>σ</c>, <c>ς</c> and <c>Σ</c>, <c>µ</c> and <c>μ</c> fold alike, and no string changes length. The
/// few letters that are an upper case of their own without being the upper case of their lower case (the Kelvin
/// sign, the Ohm sign, the Ångström sign, capital sharp s <c>ẞ</c>) stay themselves. Canonically equivalent spellings
/// (a precomposed <c>é</c> and <c>e</c> with a combining accent) are different strings, as they are to the unique
/// indexes of a host.</para>
/// <para><b>Ordering.</b> By code point, which is the order of the strings' UTF-8 bytes: SQLite's <c>BINARY</c>
/// collation and PostgreSQL's <c>"C"</c> order text that way, and a column a host stores folded and compares with
/// one of those collations answers every operator exactly as the in-memory evaluator does. UTF-16 ordinal order
/// (<see cref="string.CompareOrdinal(string, string)"/>) differs only where characters beyond U+FFFF meet
/// characters from U+E000 to U+FFFF.</para>
/// </remarks>
internal static class ScimStringComparison
{
    /// <summary>Folds case as filters do.</summary>
    /// <param name="value">The string.</param>
    /// <returns>Its invariant upper case.</returns>
    public static string Fold(string value) => value.ToUpperInvariant();

    /// <summary>Compares two strings by code point; <see langword="null"/> sorts first.</summary>
    /// <param name="left">The first string.</param>
    /// <param name="right">The second string.</param>
    /// <returns>Negative, zero or positive, as <paramref name="left"/> sorts before, with or after <paramref name="right"/>.</returns>
    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            if (left[i] != right[i])
            {
                return CodePointRank(left[i]) - CodePointRank(right[i]);
            }
        }

        return left.Length - right.Length;
    }

    /// <summary>
    /// Returns the least string greater, by code point, than every string that starts with
    /// <paramref name="prefix"/>: a string starts with the prefix exactly when it sorts at or after the prefix and
    /// before this bound, a range an index on the column serves.
    /// </summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>The bound, or <see langword="null"/> when there is none (an empty prefix, one of U+10FFFF only, or one with a lone surrogate).</returns>
    public static string? PrefixUpperBound(string prefix)
    {
        var end = prefix.Length;
        while (end > 0)
        {
            var last = prefix[end - 1];
            if (char.IsLowSurrogate(last) && end > 1 && char.IsHighSurrogate(prefix[end - 2]))
            {
                var codePoint = char.ConvertToUtf32(prefix[end - 2], last);
                if (codePoint == 0x10FFFF)
                {
                    end -= 2;
                    continue;
                }

                return string.Concat(prefix.AsSpan(0, end - 2), char.ConvertFromUtf32(codePoint + 1));
            }

            if (char.IsSurrogate(last))
            {
                return null;
            }

            var next = last switch
            {
                '\uD7FF' => "\uE000",
                '\uFFFF' => char.ConvertFromUtf32(0x10000),
                _ => ((char)(last + 1)).ToString(),
            };
            return string.Concat(prefix.AsSpan(0, end - 1), next);
        }

        return null;
    }

    /// <summary>
    /// Ranks a UTF-16 code unit so that code units compare in code point order: surrogates (which encode code points
    /// above U+FFFF) after U+E000 to U+FFFF.
    /// </summary>
    private static int CodePointRank(char c) => c >= '\uE000' ? c - 0x800 : c >= '\uD800' ? c + 0x2000 : c;
}
