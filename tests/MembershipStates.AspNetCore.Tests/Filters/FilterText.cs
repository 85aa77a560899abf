using FsCheck;
using FsCheck.Fluent;

namespace MembershipStates.AspNetCore.Tests.Filters;

/// <summary>Generated filter texts: terms combined with <c>and</c>, <c>or</c> and <c>not</c>, and their shrinking.</summary>
internal static class FilterText
{
    /// <summary>Combines <paramref name="term"/> into filters of about <paramref name="size"/> terms.</summary>
    public static Gen<string> Compose(Gen<string> term, int size)
    {
        if (size <= 1)
        {
            return term;
        }

        var half = Gen.Sized(_ => Compose(term, size / 2));
        return Gen.Frequency(
            (3, term),
            (2, half.Two().Select(pair => $"({pair.Item1}) and ({pair.Item2})")),
            (2, half.Two().Select(pair => $"({pair.Item1}) or ({pair.Item2})")),
            (1, Gen.Sized(_ => Compose(term, size - 1)).Select(inner => $"not ({inner})")));
    }

    /// <summary>Shrinks a generated filter to its operands: <c>not (x)</c> to <c>x</c>, <c>(x) and (y)</c> to each.</summary>
    public static IEnumerable<string> Shrink(string text)
    {
        if (text.StartsWith("not (", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            yield return text[5..^1];
            yield break;
        }

        if (!text.StartsWith('('))
        {
            yield break;
        }

        // The first operand ends at the parenthesis that closes the first; quoted values may hold parentheses.
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }

                continue;
            }

            if (c == '"')
            {
                quoted = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                var rest = text[(i + 1)..];
                var second = rest.StartsWith(" and (", StringComparison.Ordinal) ? rest[6..^1] : rest.StartsWith(" or (", StringComparison.Ordinal) ? rest[5..^1] : null;
                if (second is not null)
                {
                    yield return text[1..i];
                    yield return second;
                }

                yield break;
            }
        }
    }
}
