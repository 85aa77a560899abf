using System.Diagnostics.CodeAnalysis;
using MembershipStates.Scim.Filtering.Messages;
using MembershipStates.Scim.Filtering.Parsing;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// Parses SCIM filters (RFC 7644 §3.4.2.2) and <c>PATCH</c> paths (RFC 7644 §3.5.2): the bounds on the text, then
/// the syntax (<see cref="FilterSyntaxParser"/>), then the attributes read against the catalog
/// (<see cref="FilterSchemaCheck"/>).
/// </summary>
/// <remarks>
/// Input is bounded (<see cref="MaxLength"/>, <see cref="MaxDepth"/>, <see cref="MaxTerms"/>), so no input can exhaust
/// the stack; every input yields a tree or an error, never an exception. The first problem in the text wins, whether
/// of syntax or of meaning.
/// </remarks>
internal static class FilterParser
{
    /// <summary>The longest text accepted.</summary>
    internal const int MaxLength = 4096;

    /// <summary>The deepest nesting of parentheses, <c>not</c> and value filters accepted.</summary>
    internal const int MaxDepth = FilterSyntaxParser.MaxDepth;

    /// <summary>The most attribute expressions accepted in one text.</summary>
    internal const int MaxTerms = FilterSyntaxParser.MaxTerms;

    /// <summary>Parses a filter.</summary>
    /// <param name="text">The filter text.</param>
    /// <param name="catalog">The attributes comparisons are checked against, and that the filter evaluates with.</param>
    /// <param name="declaredOnly">
    /// Whether every attribute named must be declared by <paramref name="catalog"/> and readable (not <c>writeOnly</c>);
    /// otherwise unknown attributes are accepted, with the RFC 7643 §2.2 defaults.
    /// </param>
    /// <param name="filter">The filter, when valid.</param>
    /// <param name="error">The <c>invalidFilter</c> error, when not.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParseFilter(
        string? text,
        ScimAttributeCatalog catalog,
        bool declaredOnly,
        [NotNullWhen(true)] out ScimFilter? filter,
        [NotNullWhen(false)] out FilterError? error)
    {
        const string Noun = "filter";
        filter = null;
        if (!TryStart(text, Noun, catalog, out var parser, out var refused))
        {
            error = refused.ToFilterError(ScimErrorTypes.InvalidFilter);
            return false;
        }

        var root = parser.ParseFilter();
        var problem = FirstError(parser, catalog, declaredOnly);
        if (problem is not null || root is null)
        {
            error = (problem ?? NotParsed(Noun)).ToFilterError(ScimErrorTypes.InvalidFilter);
            return false;
        }

        filter = new ScimFilter(root, catalog);
        error = null;
        return true;
    }

    /// <summary>Parses a <c>PATCH</c> path.</summary>
    /// <param name="text">The path text.</param>
    /// <param name="path">The path, when valid.</param>
    /// <param name="error">The <c>invalidPath</c> error, when not.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParsePath(
        string? text,
        [NotNullWhen(true)] out AttributePath? path,
        [NotNullWhen(false)] out FilterError? error)
    {
        const string Noun = "path";
        var catalog = ScimAttributeCatalog.Default;
        path = null;
        if (!TryStart(text, Noun, catalog, out var parser, out var refused))
        {
            error = refused.ToFilterError(ScimErrorTypes.InvalidPath);
            return false;
        }

        var parsed = parser.ParsePath();
        var problem = FirstError(parser, catalog, declaredOnly: false);
        if (problem is not null || parsed is null)
        {
            error = (problem ?? NotParsed(Noun)).ToFilterError(ScimErrorTypes.InvalidPath);
            return false;
        }

        path = parsed;
        error = null;
        return true;
    }

    private static bool TryStart(
        string? text,
        string noun,
        ScimAttributeCatalog catalog,
        [NotNullWhen(true)] out FilterSyntaxParser? parser,
        [NotNullWhen(false)] out TextError? error)
    {
        parser = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new TextError(0, FilterMessages.Empty(noun));
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = new TextError(MaxLength, FilterMessages.TooLong(noun, text.Length, MaxLength));
            return false;
        }

        var cursor = new TextCursor(text, noun);
        cursor.SkipWhitespace();
        parser = new FilterSyntaxParser(cursor, catalog);
        error = null;
        return true;
    }

    /// <summary>
    /// The first problem in the text: every attribute read before a syntax error was read before it, so a problem of
    /// meaning among them comes first.
    /// </summary>
    private static TextError? FirstError(FilterSyntaxParser parser, ScimAttributeCatalog catalog, bool declaredOnly) =>
        FilterSchemaCheck.FirstError(parser.Uses, catalog, declaredOnly) ?? parser.Error;

    private static TextError NotParsed(string noun) => new(0, FilterMessages.NotParsed(noun));
}
