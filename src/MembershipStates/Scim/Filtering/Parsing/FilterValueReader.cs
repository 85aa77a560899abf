using System.Diagnostics.CodeAnalysis;
using MembershipStates.Scim.Filtering.Messages;

namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>
/// Reads the value of a comparison (RFC 7644 §3.4.2.2 <c>compValue</c>): a JSON string, a number, <c>true</c>,
/// <c>false</c> or <c>null</c> (the keywords ignoring case), followed by whitespace, <c>)</c>, <c>]</c> or the end.
/// </summary>
internal static class FilterValueReader
{
    /// <summary>Reads the value at the cursor, and moves past it.</summary>
    /// <param name="cursor">The cursor, after the operator and its whitespace.</param>
    /// <param name="op">The operator, for messages.</param>
    /// <param name="value">The value, when valid.</param>
    /// <param name="error">Why it is not.</param>
    /// <returns><see langword="true"/> when read.</returns>
    public static bool TryRead(TextCursor cursor, ComparisonOperator op, out FilterValue value, [NotNullWhen(false)] out TextError? error)
    {
        if (!TryReadLiteral(cursor, op, out value, out error))
        {
            return false;
        }

        if (!cursor.AtEnd && !TextCursor.IsWhitespace(cursor.Current) && cursor.Current is not ')' and not ']')
        {
            error = new TextError(cursor.Position, FilterMessages.AfterValue(value, cursor.Current));
            return false;
        }

        return true;
    }

    private static bool TryReadLiteral(TextCursor cursor, ComparisonOperator op, out FilterValue value, [NotNullWhen(false)] out TextError? error)
    {
        value = FilterValue.Null;
        var start = cursor.Position;
        if (cursor.AtEnd)
        {
            error = new TextError(start, FilterMessages.ValueMissing(op.Keyword()));
            return false;
        }

        var c = cursor.Current;
        if (c == '"')
        {
            if (!JsonStringReader.TryRead(cursor, out var text, out error))
            {
                return false;
            }

            value = FilterValue.FromString(text);
            return true;
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            if (!JsonNumberReader.TryRead(cursor, out var number, out error))
            {
                return false;
            }

            value = FilterValue.FromNumber(number);
            return true;
        }

        if (!char.IsAsciiLetter(c))
        {
            error = new TextError(start, FilterMessages.ValueExpected(op.Keyword(), c));
            return false;
        }

        var word = cursor.ReadWord();
        error = null;
        if (word.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = FilterValue.True;
        }
        else if (word.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = FilterValue.False;
        }
        else if (!word.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            error = new TextError(start, FilterMessages.NotAValue(word));
            return false;
        }

        return true;
    }
}
