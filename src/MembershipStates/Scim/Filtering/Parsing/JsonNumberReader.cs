using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MembershipStates.Scim.Filtering.Messages;

namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>Reads a number value of a filter, written as in JSON (RFC 8259 §6): <c>42</c>, <c>-1.5</c>, <c>1e3</c>.</summary>
internal static class JsonNumberReader
{
    /// <summary>Reads the number that starts at the cursor, and moves past it.</summary>
    /// <param name="cursor">The cursor, at <c>-</c> or a digit.</param>
    /// <param name="number">The number, when valid.</param>
    /// <param name="error">Why it is not: not JSON's syntax (letters run into it, say), or beyond <see cref="decimal"/>.</param>
    /// <returns><see langword="true"/> when read.</returns>
    public static bool TryRead(TextCursor cursor, out decimal number, [NotNullWhen(false)] out TextError? error)
    {
        var text = cursor.Text;
        var start = cursor.Position;
        var i = start;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var digits = cursor.CountDigits(i);
        var valid = digits > 0;
        i += digits;
        if (valid && i < text.Length && text[i] == '.')
        {
            digits = cursor.CountDigits(i + 1);
            valid = digits > 0;
            i += 1 + digits;
        }

        if (valid && i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            digits = cursor.CountDigits(i);
            valid = digits > 0;
            i += digits;
        }

        while (i < text.Length && TextCursor.IsWordChar(text[i]))
        {
            i++;
            valid = false;
        }

        var literal = text.AsSpan(start, i - start);
        if (!valid)
        {
            number = 0;
            error = new TextError(start, FilterMessages.NotANumber(literal));
            return false;
        }

        if (!decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            error = new TextError(start, FilterMessages.NumberOutOfRange(literal));
            return false;
        }

        cursor.Position = i;
        error = null;
        return true;
    }
}
