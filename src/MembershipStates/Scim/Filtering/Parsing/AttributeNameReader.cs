using System.Diagnostics.CodeAnalysis;
using MembershipStates.Scim.Filtering.Messages;

namespace MembershipStates.Scim.Filtering.Parsing;

/// <summary>An attribute named in a filter or path: <c>[URN ":"] ATTRNAME ["." subAttr]</c>.</summary>
/// <param name="Word">The text as written.</param>
/// <param name="SchemaUrn">The schema URN, or <see langword="null"/>.</param>
/// <param name="Name">The attribute name.</param>
/// <param name="SubAttribute">The sub-attribute name, or <see langword="null"/>.</param>
internal readonly record struct AttributeName(string Word, string? SchemaUrn, string Name, string? SubAttribute);

/// <summary>Reads attribute names (RFC 7643 §2.1: <c>ATTRNAME = ALPHA *(nameChar)</c>, plus <c>$ref</c>) and the URN that may qualify them.</summary>
internal static class AttributeNameReader
{
    /// <summary>Reads the qualified name at the cursor, and moves past it.</summary>
    /// <param name="cursor">The cursor, at a word character.</param>
    /// <param name="name">The name, when valid.</param>
    /// <param name="error">Why it is not: an empty URN or name, a second sub-attribute, or a character names may not have.</param>
    /// <returns><see langword="true"/> when read.</returns>
    public static bool TryRead(TextCursor cursor, out AttributeName name, [NotNullWhen(false)] out TextError? error)
    {
        var start = cursor.Position;
        var word = cursor.ReadWord();
        string? schemaUrn = null;
        var rest = word;
        var restStart = start;
        name = default;
        var colon = word.LastIndexOf(':');
        if (colon >= 0)
        {
            schemaUrn = word[..colon];
            rest = word[(colon + 1)..];
            restStart = start + colon + 1;
            if (schemaUrn.Length == 0)
            {
                error = new TextError(start, FilterMessages.EmptySchemaUrn(word));
                return false;
            }

            if (rest.Length == 0)
            {
                error = new TextError(cursor.Position, FilterMessages.NameAfterUrnExpected(schemaUrn));
                return false;
            }
        }

        var attribute = rest;
        string? subAttribute = null;
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            attribute = rest[..dot];
            subAttribute = rest[(dot + 1)..];
            var secondDot = subAttribute.IndexOf('.', StringComparison.Ordinal);
            if (secondDot >= 0)
            {
                error = new TextError(restStart + dot + 1 + secondDot, FilterMessages.MoreThanOneSubAttribute(rest));
                return false;
            }
        }

        error = Check(attribute, restStart) ?? (subAttribute is null ? null : Check(subAttribute, restStart + dot + 1));
        name = new AttributeName(word, schemaUrn, attribute, subAttribute);
        return error is null;
    }

    /// <summary>Checks one attribute or sub-attribute name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="position">Where it starts.</param>
    /// <returns>The problem, or <see langword="null"/> when the name is valid.</returns>
    public static TextError? Check(string name, int position) =>
        IsValid(name)
            ? null
            : new TextError(position, name.Length == 0 ? FilterMessages.AttributeNameMissing : FilterMessages.InvalidName(name));

    private static bool IsValid(string name)
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
}
