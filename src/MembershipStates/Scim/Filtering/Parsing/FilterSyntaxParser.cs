using MembershipStates.Scim.Filtering.Messages;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>
/// The syntax of SCIM filters (RFC 7644 §3.4.2.2) and <c>PATCH</c> paths (RFC 7644 §3.5.2): a recursive-descent
/// parser that builds the tree, and records every attribute it reads for <see cref="FilterSchemaCheck"/>.
/// </summary>
/// <remarks>
/// <para>Grammar, with whitespace allowed between tokens and keywords ignoring case:</para>
/// <code>
/// filter    = or
/// or        = and *("or" and)
/// and       = unary *("and" unary)
/// unary     = "not" "(" filter ")" / "(" filter ")" / attrExp
/// attrExp   = path "pr" / path compareOp compValue / valuePath
/// path      = [URN ":"] ATTRNAME ["." ATTRNAME] / valuePath "." ATTRNAME
/// valuePath = [URN ":"] ATTRNAME "[" filter "]"
/// </code>
/// <para>Inside a value filter, attributes are plain sub-attribute names and value filters do not nest. Nesting and
/// the number of attribute expressions are bounded (<see cref="MaxDepth"/>, <see cref="MaxTerms"/>), so no input
/// can exhaust the stack. Parsing stops at the first syntax error.</para>
/// <para>Each method is one rule of the grammar; the rules of paths are in <c>FilterSyntaxParser.Paths.cs</c>.
/// Tokens, values and names are read by <see cref="TextCursor"/>, <see cref="FilterValueReader"/> and
/// <see cref="AttributeNameReader"/>.</para>
/// <para>Not thread-safe; one per parse.</para>
/// </remarks>
internal sealed partial class FilterSyntaxParser
{
    /// <summary>The deepest nesting of parentheses, <c>not</c> and value filters accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most attribute expressions accepted in one text.</summary>
    public const int MaxTerms = 128;

    private readonly TextCursor _cursor;
    private readonly ScimAttributeCatalog _catalog;
    private readonly List<AttributeUse> _uses = [];
    private int _depth;
    private int _terms;

    /// <summary>Initializes a parser of the text under <paramref name="cursor"/>.</summary>
    /// <param name="cursor">The text, at its first token.</param>
    /// <param name="catalog">The catalog the value filters of paths evaluate with.</param>
    public FilterSyntaxParser(TextCursor cursor, ScimAttributeCatalog catalog)
    {
        _cursor = cursor;
        _catalog = catalog;
    }

    /// <summary>Gets the attributes read, in the order they were read, up to the syntax error if there is one.</summary>
    public IReadOnlyList<AttributeUse> Uses => _uses;

    /// <summary>Gets the syntax error, or <see langword="null"/> when the text is well formed.</summary>
    public TextError? Error { get; private set; }

    /// <summary>Parses the whole text as a filter.</summary>
    /// <returns>The tree, or <see langword="null"/> when <see cref="Error"/> says why not.</returns>
    public FilterNode? ParseFilter()
    {
        var root = ParseOr(parent: null);
        if (root is not null)
        {
            _cursor.SkipWhitespace();
            if (!_cursor.AtEnd)
            {
                FailUnexpected(FilterMessages.LogicalOperatorOrEndExpected);
            }
        }

        return Error is null ? root : null;
    }

    private FilterNode? ParseOr(AttributePath? parent)
    {
        var left = ParseAnd(parent);
        while (left is not null && _cursor.TryKeyword("or"))
        {
            var right = ParseAnd(parent);
            left = right is null ? null : new LogicalNode(LogicalOperator.Or, left, right);
        }

        return left;
    }

    private FilterNode? ParseAnd(AttributePath? parent)
    {
        var left = ParseUnary(parent);
        while (left is not null && _cursor.TryKeyword("and"))
        {
            var right = ParseUnary(parent);
            left = right is null ? null : new LogicalNode(LogicalOperator.And, left, right);
        }

        return left;
    }

    private FilterNode? ParseUnary(AttributePath? parent)
    {
        _cursor.SkipWhitespace();
        if (_cursor.AtEnd)
        {
            return Fail(_cursor.Position, FilterMessages.MissingExpression);
        }

        if (_cursor.Current == '(')
        {
            return ParseGroup(parent);
        }

        if (!TextCursor.IsWordChar(_cursor.Current))
        {
            return FailUnexpected(FilterMessages.ExpressionExpected);
        }

        var word = _cursor.PeekWord();
        if (word.Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            var afterNot = _cursor.SkipWhitespace(_cursor.Position + word.Length);
            if (afterNot < _cursor.Text.Length && _cursor.Text[afterNot] == '(')
            {
                _cursor.Position = afterNot;
                return ParseGroup(parent) is { } operand ? new NotNode(operand) : null;
            }
        }

        return ParseAttributeExpression(parent);
    }

    private FilterNode? ParseGroup(AttributePath? parent) => ParseEnclosed(parent, ')');

    private FilterNode? ParseValueFilter(AttributePath parent) => ParseEnclosed(parent, ']');

    /// <summary>Parses <c>( filter )</c>, or the <c>[ filter ]</c> of a value path, from its opening bracket.</summary>
    private FilterNode? ParseEnclosed(AttributePath? parent, char close)
    {
        var open = _cursor.Position;
        if (!Enter(open))
        {
            return null;
        }

        _cursor.Position++;
        if (close == ']' && parent is not null)
        {
            _cursor.SkipWhitespace();
            if (_cursor.At(']'))
            {
                return Fail(_cursor.Position, FilterMessages.EmptyValueFilter(parent));
            }
        }

        var inner = ParseOr(parent);
        if (inner is null)
        {
            return null;
        }

        _cursor.SkipWhitespace();
        if (!_cursor.At(close))
        {
            var found = _cursor.DescribeCurrent();
            return Fail(_cursor.Position, close == ')' ? FilterMessages.UnclosedGroup(open, found) : FilterMessages.UnclosedValueFilter(open, found));
        }

        _cursor.Position++;
        _depth--;
        return inner;
    }

    private FilterNode? ParseAttributeExpression(AttributePath? parent)
    {
        var start = _cursor.Position;
        var path = ParsePath(parent);
        if (path is null)
        {
            return null;
        }

        if (++_terms > MaxTerms)
        {
            return Fail(start, FilterMessages.TooManyTerms(MaxTerms));
        }

        _uses.Add(new TermUse(path, parent, start));
        if (path.ValueFilter is not null && path.SubAttribute is null)
        {
            return new ValuePathNode(path);
        }

        _cursor.SkipWhitespace();
        var operatorStart = _cursor.Position;
        var word = _cursor.ReadWord();
        if (word.Length == 0)
        {
            return Fail(operatorStart, FilterMessages.OperatorExpected(path, _cursor.DescribeCurrent()));
        }

        if (word.Equals("pr", StringComparison.OrdinalIgnoreCase))
        {
            return new PresentNode(path);
        }

        if (!ComparisonOperators.TryParse(word, out var op))
        {
            return path is { SchemaUrn: null, SubAttribute: null, ValueFilter: null } && path.Name.Equals("not", StringComparison.OrdinalIgnoreCase)
                ? Fail(start, FilterMessages.NotNeedsParentheses)
                : Fail(operatorStart, FilterMessages.NotAnOperator(word));
        }

        _cursor.SkipWhitespace();
        if (!FilterValueReader.TryRead(_cursor, op, out var value, out var error))
        {
            return Fail(error);
        }

        _uses.Add(new ComparisonUse(path, parent, op, value, start));
        return new ComparisonNode(path, op, value);
    }

    private bool Enter(int position)
    {
        if (++_depth <= MaxDepth)
        {
            return true;
        }

        Fail(position, FilterMessages.TooDeep(_cursor.Noun, MaxDepth));
        return false;
    }

    private FilterNode? FailUnexpected(string expected)
    {
        if (_cursor.AtEnd)
        {
            return Fail(_cursor.Position, FilterMessages.Expected(expected, FilterMessages.EndOf(_cursor.Noun)));
        }

        var found = TextCursor.IsWordChar(_cursor.Current) ? FilterMessages.Quote(_cursor.PeekWord()) : FilterMessages.Describe(_cursor.Current);
        return Fail(_cursor.Position, FilterMessages.Unexpected(expected, found, _cursor.Current));
    }

    private FilterNode? Fail(int position, string message) => Fail(new TextError(position, message));

    private FilterNode? Fail(TextError error)
    {
        Error ??= error;
        return null;
    }
}
