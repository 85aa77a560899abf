using MembershipStates.Scim.Filtering.Messages;

namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>The rules of attribute paths: <c>[URN ":"] ATTRNAME ["." subAttr]</c> and <c>valuePath ["." subAttr]</c>.</summary>
internal sealed partial class FilterSyntaxParser
{
    /// <summary>Parses the whole text as a path.</summary>
    /// <returns>The path, or <see langword="null"/> when <see cref="Error"/> says why not.</returns>
    public AttributePath? ParsePath()
    {
        var path = ParsePath(parent: null);
        if (path is not null)
        {
            _cursor.SkipWhitespace();
            if (!_cursor.AtEnd)
            {
                Fail(_cursor.Position, FilterMessages.UnexpectedAfterPath(_cursor.Current, path));
            }
        }

        return Error is null ? path : null;
    }

    private AttributePath? ParsePath(AttributePath? parent)
    {
        var start = _cursor.Position;
        if (_cursor.AtEnd || !TextCursor.IsWordChar(_cursor.Current))
        {
            return FailPath(new TextError(start, FilterMessages.AttributeNameExpected(_cursor.DescribeCurrent())));
        }

        if (!AttributeNameReader.TryRead(_cursor, out var name, out var invalid))
        {
            return FailPath(invalid);
        }

        if (parent is not null && (name.SchemaUrn is not null || name.SubAttribute is not null))
        {
            return FailPath(new TextError(start, FilterMessages.QualifiedInValueFilter(parent, name.Word)));
        }

        if (!_cursor.At('['))
        {
            return new AttributePath(name.SchemaUrn, name.Name, null, name.SubAttribute);
        }

        if (parent is not null)
        {
            return FailPath(new TextError(_cursor.Position, FilterMessages.NestedValueFilter));
        }

        if (name.SubAttribute is not null)
        {
            var qualified = name.SchemaUrn is null ? name.Name : $"{name.SchemaUrn}:{name.Name}";
            return FailPath(new TextError(_cursor.Position, FilterMessages.ValueFilterAfterSubAttribute(qualified, name.SubAttribute, name.Word)));
        }

        var attribute = new AttributePath(name.SchemaUrn, name.Name, null, null);
        _uses.Add(new ValueFilterUse(attribute, start));
        if (ParseValueFilter(attribute) is not { } inner)
        {
            return null;
        }

        string? subAttribute = null;
        if (_cursor.At('.'))
        {
            _cursor.Position++;
            var subStart = _cursor.Position;
            subAttribute = _cursor.ReadWord();
            if (subAttribute.Contains('.', StringComparison.Ordinal) || subAttribute.Contains(':', StringComparison.Ordinal))
            {
                return FailPath(new TextError(subStart, FilterMessages.OneSubAttributeAfterValueFilter(attribute, subAttribute)));
            }

            if (AttributeNameReader.Check(subAttribute, subStart) is { } problem)
            {
                return FailPath(problem);
            }
        }

        return new AttributePath(name.SchemaUrn, name.Name, new ScimFilter(inner, _catalog), subAttribute);
    }

    private AttributePath? FailPath(TextError error)
    {
        Error ??= error;
        return null;
    }
}
