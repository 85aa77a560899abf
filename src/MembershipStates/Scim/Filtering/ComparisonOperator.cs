namespace MembershipStates.Scim.Filtering;

/// <summary>The attribute operators of RFC 7644 §3.4.2.2 that compare with a value (<c>pr</c> is <see cref="PresentNode"/>).</summary>
internal enum ComparisonOperator
{
    /// <summary><c>eq</c>: equal.</summary>
    Equal,

    /// <summary><c>ne</c>: not equal.</summary>
    NotEqual,

    /// <summary><c>co</c>: contains.</summary>
    Contains,

    /// <summary><c>sw</c>: starts with.</summary>
    StartsWith,

    /// <summary><c>ew</c>: ends with.</summary>
    EndsWith,

    /// <summary><c>gt</c>: greater than.</summary>
    GreaterThan,

    /// <summary><c>ge</c>: greater than or equal to.</summary>
    GreaterThanOrEqual,

    /// <summary><c>lt</c>: less than.</summary>
    LessThan,

    /// <summary><c>le</c>: less than or equal to.</summary>
    LessThanOrEqual,
}

/// <summary>Spelling and classification of <see cref="ComparisonOperator"/>.</summary>
internal static class ComparisonOperators
{
    /// <summary>Gets the operators in the order messages list them.</summary>
    public static ReadOnlySpan<ComparisonOperator> All =>
    [
        ComparisonOperator.Equal,
        ComparisonOperator.NotEqual,
        ComparisonOperator.Contains,
        ComparisonOperator.StartsWith,
        ComparisonOperator.EndsWith,
        ComparisonOperator.GreaterThan,
        ComparisonOperator.GreaterThanOrEqual,
        ComparisonOperator.LessThan,
        ComparisonOperator.LessThanOrEqual,
    ];

    /// <summary>Returns the lower-case keyword, such as <c>eq</c>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The keyword.</returns>
    public static string Keyword(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "eq",
        ComparisonOperator.NotEqual => "ne",
        ComparisonOperator.Contains => "co",
        ComparisonOperator.StartsWith => "sw",
        ComparisonOperator.EndsWith => "ew",
        ComparisonOperator.GreaterThan => "gt",
        ComparisonOperator.GreaterThanOrEqual => "ge",
        ComparisonOperator.LessThan => "lt",
        ComparisonOperator.LessThanOrEqual => "le",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Parses a keyword, ignoring case.</summary>
    /// <param name="word">The word.</param>
    /// <param name="op">The operator, when the word is one.</param>
    /// <returns><see langword="true"/> when <paramref name="word"/> is a comparison keyword.</returns>
    public static bool TryParse(ReadOnlySpan<char> word, out ComparisonOperator op)
    {
        foreach (var candidate in All)
        {
            if (word.Equals(candidate.Keyword(), StringComparison.OrdinalIgnoreCase))
            {
                op = candidate;
                return true;
            }
        }

        op = default;
        return false;
    }

    /// <summary>Returns a value indicating whether the operator orders values (<c>gt ge lt le</c>).</summary>
    /// <param name="op">The operator.</param>
    /// <returns><see langword="true"/> for an ordering operator.</returns>
    public static bool IsOrdering(this ComparisonOperator op) =>
        op is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual
            or ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual;

    /// <summary>Returns a value indicating whether the operator matches substrings (<c>co sw ew</c>).</summary>
    /// <param name="op">The operator.</param>
    /// <returns><see langword="true"/> for a substring operator.</returns>
    public static bool IsSubstring(this ComparisonOperator op) =>
        op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith;

    /// <summary>Returns a value indicating whether a comparison result satisfies an ordering operator.</summary>
    /// <param name="op">An ordering operator.</param>
    /// <param name="comparison">The sign of comparing the attribute value with the operator value.</param>
    /// <returns><see langword="true"/> when the order satisfies the operator.</returns>
    public static bool Accepts(this ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.LessThanOrEqual => comparison <= 0,
        _ => false,
    };
}
