using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// A recursive-descent parser for SCIM filters (RFC 7644 §3.4.2.2) and <c>PATCH</c> paths (RFC 7644 §3.5.2).
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
/// <para>Inside a value filter, attributes are plain sub-attribute names and value filters do not nest. Input is
/// bounded (<see cref="MaxLength"/>, <see cref="MaxDepth"/>, <see cref="MaxTerms"/>), so no input can exhaust the
/// stack; every input yields a tree or an error, never an exception. The first error wins.</para>
/// </remarks>
internal sealed class FilterParser
{
    /// <summary>The longest text accepted.</summary>
    internal const int MaxLength = 4096;

    /// <summary>The deepest nesting of parentheses, <c>not</c> and value filters accepted.</summary>
    internal const int MaxDepth = 32;

    /// <summary>The most attribute expressions accepted in one text.</summary>
    internal const int MaxTerms = 128;

    private const string OperatorList = "eq, ne, co, sw, ew, gt, ge, lt, le or pr";

    private static readonly Scope ResourceScope = new(null, null);

    private readonly string _text;
    private readonly string _scimType;
    private readonly ScimAttributeCatalog _catalog;
    private readonly bool _declaredOnly;
    private int _position;
    private int _depth;
    private int _terms;
    private ScimFilterError? _error;

    private FilterParser(string text, string scimType, ScimAttributeCatalog catalog, bool declaredOnly)
    {
        _text = text;
        _scimType = scimType;
        _catalog = catalog;
        _declaredOnly = declaredOnly;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

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
        [NotNullWhen(false)] out ScimFilterError? error)
    {
        filter = null;
        if (!TryStart(text, ScimFilterError.InvalidFilter, "filter", catalog, declaredOnly, out var parser, out error))
        {
            return false;
        }

        var root = parser.ParseOr(ResourceScope);
        if (root is not null)
        {
            parser.SkipWhitespace();
            if (!parser.AtEnd)
            {
                parser.FailUnexpected("'and', 'or' or the end of the filter");
            }
        }

        error = parser._error;
        if (error is not null || root is null)
        {
            error ??= parser.Error(0, "The filter could not be parsed.");
            return false;
        }

        filter = new ScimFilter(root, catalog);
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
        [NotNullWhen(false)] out ScimFilterError? error)
    {
        path = null;
        if (!TryStart(text, ScimFilterError.InvalidPath, "path", ScimAttributeCatalog.Default, declaredOnly: false, out var parser, out error))
        {
            return false;
        }

        var parsed = parser.ParsePath(ResourceScope);
        if (parsed is not null)
        {
            parser.SkipWhitespace();
            if (!parser.AtEnd)
            {
                parser.Fail(
                    parser._position,
                    $"Unexpected {Describe(parser.Current)} after '{parsed}'. A path is an attribute with an optional value filter and sub-attribute, such as emails[type eq \"work\"].value.");
            }
        }

        error = parser._error;
        if (error is not null || parsed is null)
        {
            error ??= parser.Error(0, "The path could not be parsed.");
            return false;
        }

        path = parsed;
        return true;
    }

    private static bool TryStart(
        string? text,
        string scimType,
        string what,
        ScimAttributeCatalog catalog,
        bool declaredOnly,
        [NotNullWhen(true)] out FilterParser? parser,
        [NotNullWhen(false)] out ScimFilterError? error)
    {
        parser = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ScimFilterError(scimType, $"The {what} is empty.", 0);
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = new ScimFilterError(
                scimType,
                string.Create(CultureInfo.InvariantCulture, $"The {what} is {text.Length} characters long; at most {MaxLength} are accepted."),
                MaxLength);
            return false;
        }

        parser = new FilterParser(text, scimType, catalog, declaredOnly);
        parser.SkipWhitespace();
        error = null;
        return true;
    }

    private FilterNode? ParseOr(Scope scope)
    {
        var left = ParseAnd(scope);
        while (left is not null && TryKeyword("or"))
        {
            var right = ParseAnd(scope);
            left = right is null ? null : new LogicalNode(LogicalOperator.Or, left, right);
        }

        return left;
    }

    private FilterNode? ParseAnd(Scope scope)
    {
        var left = ParseUnary(scope);
        while (left is not null && TryKeyword("and"))
        {
            var right = ParseUnary(scope);
            left = right is null ? null : new LogicalNode(LogicalOperator.And, left, right);
        }

        return left;
    }

    private FilterNode? ParseUnary(Scope scope)
    {
        SkipWhitespace();
        if (AtEnd)
        {
            return Fail(_position, "The filter ends where an attribute expression, '(' or 'not' was expected.");
        }

        if (Current == '(')
        {
            return ParseGroup(scope);
        }

        if (!IsWordChar(Current))
        {
            return FailUnexpected("an attribute expression, '(' or 'not'");
        }

        var start = _position;
        var word = PeekWord();
        if (word.Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            var afterNot = SkipWhitespace(start + word.Length);
            if (afterNot < _text.Length && _text[afterNot] == '(')
            {
                _position = afterNot;
                var operand = ParseGroup(scope);
                return operand is null ? null : new NotNode(operand);
            }
        }

        return ParseAttributeExpression(scope);
    }

    private FilterNode? ParseGroup(Scope scope)
    {
        var open = _position;
        if (!Enter(open))
        {
            return null;
        }

        _position++;
        var inner = ParseOr(scope);
        if (inner is null)
        {
            return null;
        }

        SkipWhitespace();
        if (AtEnd || Current != ')')
        {
            return Fail(_position, string.Create(CultureInfo.InvariantCulture, $"Expected ')' to close the '(' at position {open}, found {DescribeCurrent()}."));
        }

        _position++;
        _depth--;
        return inner;
    }

    private FilterNode? ParseAttributeExpression(Scope scope)
    {
        var start = _position;
        var path = ParsePath(scope);
        if (path is null)
        {
            return null;
        }

        if (++_terms > MaxTerms)
        {
            return Fail(start, string.Create(CultureInfo.InvariantCulture, $"The filter has more than {MaxTerms} attribute expressions."));
        }

        if (_declaredOnly && FilterSemantics.CheckDeclared(path, Resolve(path, scope), scope.Parent, _catalog) is { } undeclared)
        {
            return Fail(start, undeclared);
        }

        if (path.ValueFilter is not null && path.SubAttribute is null)
        {
            return new ValuePathNode(path);
        }

        SkipWhitespace();
        var operatorStart = _position;
        var word = AtEnd ? string.Empty : ReadWord();
        if (word.Length == 0)
        {
            return Fail(operatorStart, $"Expected an operator after '{path}' ({OperatorList}), found {DescribeCurrent()}.");
        }

        if (word.Equals("pr", StringComparison.OrdinalIgnoreCase))
        {
            return new PresentNode(path);
        }

        if (!ComparisonOperators.TryParse(word, out var op))
        {
            if (path.Name.Equals("not", StringComparison.OrdinalIgnoreCase) && path.SchemaUrn is null && path.SubAttribute is null && path.ValueFilter is null)
            {
                return Fail(start, "'not' must be followed by a filter in parentheses, such as not (userName eq \"bjensen\").");
            }

            return Fail(operatorStart, $"'{word}' is not a SCIM operator; use {OperatorList}.");
        }

        SkipWhitespace();
        if (ParseValue(op) is not { } value)
        {
            return null;
        }

        var target = Resolve(path, scope).Target;
        if (FilterSemantics.CheckComparison(path, target, op, value) is { } problem)
        {
            return Fail(start, problem);
        }

        return new ComparisonNode(path, op, value);
    }

    private ScimAttributeResolution Resolve(AttributePath path, Scope scope) =>
        scope.Parent is null
            ? _catalog.Resolve(path)
            : ScimAttributeCatalog.ResolveSubAttribute(scope.ParentDefinition, path.Name);

    private AttributePath? ParsePath(Scope scope)
    {
        var start = _position;
        if (AtEnd || !IsWordChar(Current))
        {
            return FailPath(_position, $"Expected an attribute name, found {DescribeCurrent()}.");
        }

        var word = ReadWord();
        string? schemaUrn = null;
        var rest = word;
        var restStart = start;
        var colon = word.LastIndexOf(':');
        if (colon >= 0)
        {
            schemaUrn = word[..colon];
            rest = word[(colon + 1)..];
            restStart = start + colon + 1;
            if (schemaUrn.Length == 0)
            {
                return FailPath(start, $"'{word}' has an empty schema URN before ':'.");
            }

            if (rest.Length == 0)
            {
                return FailPath(_position, $"Expected an attribute name after the schema URN '{schemaUrn}:'.");
            }
        }

        var name = rest;
        string? subAttribute = null;
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            name = rest[..dot];
            subAttribute = rest[(dot + 1)..];
            var secondDot = subAttribute.IndexOf('.', StringComparison.Ordinal);
            if (secondDot >= 0)
            {
                return FailPath(
                    restStart + dot + 1 + secondDot,
                    $"'{rest}' names more than one sub-attribute; a SCIM path names an attribute and at most one sub-attribute.");
            }
        }

        if (!CheckName(name, restStart) || (subAttribute is not null && !CheckName(subAttribute, restStart + dot + 1)))
        {
            return null;
        }

        if (scope.Parent is not null && (schemaUrn is not null || subAttribute is not null))
        {
            return FailPath(
                start,
                $"Inside the value filter of '{scope.Parent}', name its sub-attributes directly, such as 'type' or 'value'; '{word}' is not one.");
        }

        ScimFilter? valueFilter = null;
        if (!AtEnd && Current == '[')
        {
            if (scope.Parent is not null)
            {
                return FailPath(_position, "Value filters cannot be nested.");
            }

            if (subAttribute is not null)
            {
                var qualified = schemaUrn is null ? name : $"{schemaUrn}:{name}";
                return FailPath(_position, $"A value filter follows the attribute name: write '{qualified}[...].{subAttribute}', not '{word}[...]'.");
            }

            var attribute = new AttributePath(schemaUrn, name, null, null);
            var definition = _catalog.Resolve(attribute).Attribute;
            if (FilterSemantics.CheckValueFilterParent(attribute, definition) is { } problem)
            {
                return FailPath(start, problem);
            }

            var inner = ParseValueFilter(new Scope(attribute, definition));
            if (inner is null)
            {
                return null;
            }

            valueFilter = new ScimFilter(inner, _catalog);
            if (!AtEnd && Current == '.')
            {
                _position++;
                var subStart = _position;
                subAttribute = AtEnd || !IsWordChar(Current) ? string.Empty : ReadWord();
                if (subAttribute.Contains('.', StringComparison.Ordinal) || subAttribute.Contains(':', StringComparison.Ordinal))
                {
                    return FailPath(subStart, $"Expected one sub-attribute name after '{attribute}[...].', found '{subAttribute}'.");
                }

                if (!CheckName(subAttribute, subStart))
                {
                    return null;
                }
            }
        }

        return new AttributePath(schemaUrn, name, valueFilter, subAttribute);
    }

    private FilterNode? ParseValueFilter(Scope scope)
    {
        var open = _position;
        if (!Enter(open))
        {
            return null;
        }

        _position++;
        SkipWhitespace();
        if (!AtEnd && Current == ']')
        {
            return Fail(_position, $"The value filter of '{scope.Parent}' is empty; write a condition such as {scope.Parent}[type eq \"work\"].");
        }

        var inner = ParseOr(scope);
        if (inner is null)
        {
            return null;
        }

        SkipWhitespace();
        if (AtEnd || Current != ']')
        {
            return Fail(
                _position,
                string.Create(CultureInfo.InvariantCulture, $"Expected ']' to close the value filter opened at position {open}, found {DescribeCurrent()}."));
        }

        _position++;
        _depth--;
        return inner;
    }

    private FilterValue? ParseValue(ComparisonOperator op)
    {
        var start = _position;
        if (AtEnd)
        {
            return FailValue(start, $"Expected a value after '{op.Keyword()}': a string in double quotes, a number, true, false or null.");
        }

        FilterValue value;
        var c = Current;
        if (c == '"')
        {
            if (ParseString() is not { } text)
            {
                return null;
            }

            value = FilterValue.FromString(text);
        }
        else if (c == '-' || char.IsAsciiDigit(c))
        {
            if (ParseNumber() is not { } number)
            {
                return null;
            }

            value = FilterValue.FromNumber(number);
        }
        else if (char.IsAsciiLetter(c))
        {
            var word = ReadWord();
            if (word.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                value = FilterValue.True;
            }
            else if (word.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                value = FilterValue.False;
            }
            else if (word.Equals("null", StringComparison.OrdinalIgnoreCase))
            {
                value = FilterValue.Null;
            }
            else
            {
                return FailValue(start, $"'{word}' is not a value; write strings in double quotes, as in \"{word}\".");
            }
        }
        else
        {
            return FailValue(start, $"Expected a value after '{op.Keyword()}' (a string in double quotes, a number, true, false or null), found {Describe(c)}.");
        }

        if (!AtEnd && !IsWhitespace(Current) && Current is not ')' and not ']')
        {
            return FailValue(_position, $"Expected whitespace, ')' or ']' after the value {value}, found {Describe(Current)}.");
        }

        return value;
    }

    private string? ParseString()
    {
        var open = _position;
        _position++;
        var text = new StringBuilder();
        while (!AtEnd)
        {
            var c = Current;
            if (c == '"')
            {
                _position++;
                return text.ToString();
            }

            if (c != '\\')
            {
                text.Append(c);
                _position++;
                continue;
            }

            var escape = _position;
            if (_position + 1 >= _text.Length)
            {
                break;
            }

            var e = _text[_position + 1];
            _position += 2;
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    text.Append(e);
                    break;
                case 'b':
                    text.Append('\b');
                    break;
                case 'f':
                    text.Append('\f');
                    break;
                case 'n':
                    text.Append('\n');
                    break;
                case 'r':
                    text.Append('\r');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    _position += 4;
                    break;
                case 'u':
                    Fail(escape, "A \\u escape needs four hexadecimal digits, as in \\u00e9.");
                    return null;
                default:
                    Fail(escape, $"'\\{e}' is not a JSON escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX.");
                    return null;
            }
        }

        Fail(open, string.Create(CultureInfo.InvariantCulture, $"The string starting at position {open} has no closing double quote."));
        return null;
    }

    private decimal? ParseNumber()
    {
        var start = _position;
        var i = _position;
        if (i < _text.Length && _text[i] == '-')
        {
            i++;
        }

        var digits = CountDigits(i);
        var valid = digits > 0;
        i += digits;
        if (valid && i < _text.Length && _text[i] == '.')
        {
            digits = CountDigits(i + 1);
            valid = digits > 0;
            i += 1 + digits;
        }

        if (valid && i < _text.Length && _text[i] is 'e' or 'E')
        {
            i++;
            if (i < _text.Length && _text[i] is '+' or '-')
            {
                i++;
            }

            digits = CountDigits(i);
            valid = digits > 0;
            i += digits;
        }

        while (i < _text.Length && IsWordChar(_text[i]))
        {
            i++;
            valid = false;
        }

        var literal = _text.AsSpan(start, i - start);
        if (!valid)
        {
            FailValue(start, $"'{literal}' is not a number; numbers are written as in JSON, such as 42, -1.5 or 1e3.");
            return null;
        }

        if (!decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            FailValue(start, $"The number {literal} is out of range.");
            return null;
        }

        _position = i;
        return number;
    }

    private int CountDigits(int from)
    {
        var i = from;
        while (i < _text.Length && char.IsAsciiDigit(_text[i]))
        {
            i++;
        }

        return i - from;
    }

    private bool CheckName(string name, int position)
    {
        if (IsValidName(name))
        {
            return true;
        }

        FailPath(
            position,
            name.Length == 0
                ? "Expected an attribute name."
                : $"'{name}' is not a valid attribute name; names start with a letter and contain only letters, digits, '-' and '_'.");
        return false;
    }

    private static bool IsValidName(string name)
    {
        if (name.Equals("$ref", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    private bool TryKeyword(string keyword)
    {
        var start = SkipWhitespace(_position);
        if (start >= _text.Length || !IsWordChar(_text[start]))
        {
            return false;
        }

        var end = start;
        while (end < _text.Length && IsWordChar(_text[end]))
        {
            end++;
        }

        if (!_text.AsSpan(start, end - start).Equals(keyword, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        _position = end;
        return true;
    }

    private bool Enter(int position)
    {
        if (++_depth <= MaxDepth)
        {
            return true;
        }

        Fail(position, string.Create(CultureInfo.InvariantCulture, $"The {Noun} nests parentheses, 'not' and value filters more than {MaxDepth} levels deep."));
        return false;
    }

    private string Noun => _scimType == ScimFilterError.InvalidPath ? "path" : "filter";

    private string PeekWord()
    {
        var end = _position;
        while (end < _text.Length && IsWordChar(_text[end]))
        {
            end++;
        }

        return _text[_position..end];
    }

    private string ReadWord()
    {
        var word = PeekWord();
        _position += word.Length;
        return word;
    }

    private void SkipWhitespace() => _position = SkipWhitespace(_position);

    private int SkipWhitespace(int from)
    {
        while (from < _text.Length && IsWhitespace(_text[from]))
        {
            from++;
        }

        return from;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or ':' or '.';

    private string DescribeCurrent() => AtEnd ? $"the end of the {Noun}" : Describe(Current);

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            ? string.Create(CultureInfo.InvariantCulture, $"'\\u{(int)c:x4}'")
            : $"'{c}'";

    private FilterNode? FailUnexpected(string expected)
    {
        if (AtEnd)
        {
            return Fail(_position, $"Expected {expected}, found the end of the {Noun}.");
        }

        var found = IsWordChar(Current) ? $"'{PeekWord()}'" : Describe(Current);
        var hint = Current switch
        {
            ')' => " There is no '(' for this ')' to close.",
            ']' => " There is no '[' for this ']' to close.",
            '"' => " A string can only follow an operator, as in userName eq \"bjensen\".",
            _ => string.Empty,
        };
        return Fail(_position, $"Expected {expected}, found {found}.{hint}");
    }

    private FilterNode? Fail(int position, string message)
    {
        _error ??= Error(position, message);
        return null;
    }

    private AttributePath? FailPath(int position, string message)
    {
        Fail(position, message);
        return null;
    }

    private FilterValue? FailValue(int position, string message)
    {
        Fail(position, message);
        return null;
    }

    private ScimFilterError Error(int position, string message) => new(_scimType, message, position);

    /// <summary>Where an attribute expression is parsed: the resource, or the values of a complex attribute.</summary>
    /// <param name="Parent">The attribute whose value filter is being parsed, or <see langword="null"/> at the resource level.</param>
    /// <param name="ParentDefinition">Its definition, when known.</param>
    private sealed record Scope(AttributePath? Parent, ScimAttributeDefinition? ParentDefinition);
}
