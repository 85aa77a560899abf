using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using MembershipStates.Scim.Filtering.Messages;

namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>Reads a string value of a filter: a JSON string in double quotes, with JSON's escapes (RFC 8259 §7).</summary>
internal static class JsonStringReader
{
    /// <summary>Reads the string that starts at the cursor's double quote, and moves past its closing one.</summary>
    /// <param name="cursor">The cursor, at <c>"</c>.</param>
    /// <param name="value">The string, unescaped, when valid.</param>
    /// <param name="error">Why it is not: an unknown escape, a short <c>\u</c> escape, or no closing quote.</param>
    /// <returns><see langword="true"/> when read.</returns>
    public static bool TryRead(TextCursor cursor, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out TextError? error)
    {
        var text = cursor.Text;
        var open = cursor.Position;
        var i = open + 1;
        var builder = new StringBuilder();
        value = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                cursor.Position = i + 1;
                value = builder.ToString();
                error = null;
                return true;
            }

            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            var escape = i;
            if (i + 1 >= text.Length)
            {
                break;
            }

            var e = text[i + 1];
            i += 2;
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    builder.Append(e);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u' when i + 4 <= text.Length
                    && int.TryParse(text.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                case 'u':
                    error = new TextError(escape, FilterMessages.ShortUnicodeEscape);
                    return false;
                default:
                    error = new TextError(escape, FilterMessages.NotAnEscape(e));
                    return false;
            }
        }

        error = new TextError(open, FilterMessages.UnclosedString(open));
        return false;
    }
}
