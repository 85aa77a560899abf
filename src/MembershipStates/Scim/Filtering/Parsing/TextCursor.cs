using MembershipStates.Scim.Filtering.Messages;

namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>
/// A position in the text of a filter or path, and the tokens of RFC 7644 §3.4.2.2 read from there: whitespace,
/// words (attribute paths, operators, keywords and literals) and single characters.
/// </summary>
/// <remarks>Not thread-safe; one per parse.</remarks>
internal sealed class TextCursor
{
    /// <summary>Initializes a cursor at the start of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="noun">What the text is, <c>filter</c> or <c>path</c>, for messages.</param>
    public TextCursor(string text, string noun)
    {
        Text = text;
        Noun = noun;
    }

    /// <summary>Gets the whole text.</summary>
    public string Text { get; }

    /// <summary>Gets what the text is, <c>filter</c> or <c>path</c>, as messages name it.</summary>
    public string Noun { get; }

    /// <summary>Gets or sets the index of the next character to read.</summary>
    public int Position { get; set; }

    /// <summary>Gets a value indicating whether every character has been read.</summary>
    public bool AtEnd => Position >= Text.Length;

    /// <summary>Gets the next character; only when not <see cref="AtEnd"/>.</summary>
    public char Current => Text[Position];

    /// <summary>Returns a value indicating whether the next character is <paramref name="c"/>.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool At(char c) => !AtEnd && Current == c;

    /// <summary>Returns a value indicating whether a character can be part of a word: a name, URN, keyword or number.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for a word character.</returns>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or ':' or '.';

    /// <summary>Returns a value indicating whether a character is whitespace between tokens.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for a space, tab, carriage return or line feed.</returns>
    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>Moves past whitespace.</summary>
    public void SkipWhitespace() => Position = SkipWhitespace(Position);

    /// <summary>Returns the index of the first character at or after <paramref name="from"/> that is not whitespace.</summary>
    /// <param name="from">Where to start.</param>
    /// <returns>The index, or the text's length.</returns>
    public int SkipWhitespace(int from)
    {
        while (from < Text.Length && IsWhitespace(Text[from]))
        {
            from++;
        }

        return from;
    }

    /// <summary>Returns the word that starts at the cursor, without moving; empty when none does.</summary>
    /// <returns>The word.</returns>
    public string PeekWord() => Text[Position..WordEnd(Position)];

    /// <summary>Reads the word that starts at the cursor; empty when none does.</summary>
    /// <returns>The word.</returns>
    public string ReadWord()
    {
        var word = PeekWord();
        Position += word.Length;
        return word;
    }

    /// <summary>Reads <paramref name="keyword"/>, ignoring case, when it is the next word after whitespace.</summary>
    /// <param name="keyword">The keyword, such as <c>and</c>.</param>
    /// <returns><see langword="true"/> when read; otherwise the cursor has not moved.</returns>
    public bool TryKeyword(string keyword)
    {
        var start = SkipWhitespace(Position);
        var end = WordEnd(start);
        if (end == start || !Text.AsSpan(start, end - start).Equals(keyword, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Position = end;
        return true;
    }

    /// <summary>Counts the ASCII digits from <paramref name="from"/> on.</summary>
    /// <param name="from">Where to start.</param>
    /// <returns>How many digits follow.</returns>
    public int CountDigits(int from)
    {
        var i = from;
        while (i < Text.Length && char.IsAsciiDigit(Text[i]))
        {
            i++;
        }

        return i - from;
    }

    /// <summary>Describes what is at the cursor for a message: the next character, or the end of the text.</summary>
    /// <returns>The description.</returns>
    public string DescribeCurrent() => AtEnd ? FilterMessages.EndOf(Noun) : FilterMessages.Describe(Current);

    private int WordEnd(int start)
    {
        var end = start;
        while (end < Text.Length && IsWordChar(Text[end]))
        {
            end++;
        }

        return end;
    }
}
