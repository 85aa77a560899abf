using System.Globalization;
using MembershipStates.Scim.Schema;

namespace MembershipStates.Scim.Filtering.Messages;

/// <summary>
/// Every message a filter or a <c>PATCH</c> path can be refused with, whether by the parser, the checks against the
/// schemas, the JSON evaluator or the LINQ translation: the wording of the <c>detail</c> a client reads lives here
/// and nowhere else.
/// </summary>
/// <remarks>
/// Messages say what was found and what to write instead, quoting the client's own text. The code that decides when
/// each applies stays with its owner: the parsing types, <see cref="FilterSemantics"/>, the evaluator and the
/// translation.
/// </remarks>
internal static class FilterMessages
{
    /// <summary>The operators a comparison accepts, in the order messages list them.</summary>
    public const string OperatorList = "eq, ne, co, sw, ew, gt, ge, lt, le or pr";

    /// <summary>Describes a character for a message: quoted, or as a <c>\uXXXX</c> escape when it would not show.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The description, such as <c>'x'</c> or <c>'\u0009'</c>.</returns>
    public static string Describe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            ? string.Create(CultureInfo.InvariantCulture, $"'\\u{(int)c:x4}'")
            : $"'{c}'";

    // The whole text.
    public static string Empty(string noun) => $"The {noun} is empty.";

    public static string TooLong(string noun, int length, int maxLength) =>
        string.Create(CultureInfo.InvariantCulture, $"The {noun} is {length} characters long; at most {maxLength} are accepted.");

    public static string NotParsed(string noun) => $"The {noun} could not be parsed.";

    public static string TooDeep(string noun, int maxDepth) =>
        string.Create(CultureInfo.InvariantCulture, $"The {noun} nests parentheses, 'not' and value filters more than {maxDepth} levels deep.");

    public static string TooManyTerms(int maxTerms) =>
        string.Create(CultureInfo.InvariantCulture, $"The filter has more than {maxTerms} attribute expressions.");

    public static string EndOf(string noun) => $"the end of the {noun}";

    // Structure: expressions, parentheses, value filters.
    public const string MissingExpression = "The filter ends where an attribute expression, '(' or 'not' was expected.";

    public const string ExpressionExpected = "an attribute expression, '(' or 'not'";

    public const string LogicalOperatorOrEndExpected = "'and', 'or' or the end of the filter";

    public static string Quote(string word) => $"'{word}'";

    public static string Expected(string expected, string found) => $"Expected {expected}, found {found}.";

    public static string Unexpected(string expected, string found, char c) => $"Expected {expected}, found {found}.{UnexpectedHint(c)}";

    public static string UnclosedGroup(int open, string found) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected ')' to close the '(' at position {open}, found {found}.");

    public static string EmptyValueFilter(AttributePath parent) =>
        $"The value filter of '{parent}' is empty; write a condition such as {parent}[type eq \"work\"].";

    public static string UnclosedValueFilter(int open, string found) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected ']' to close the value filter opened at position {open}, found {found}.");

    public const string NestedValueFilter = "Value filters cannot be nested.";

    public const string NotNeedsParentheses = "'not' must be followed by a filter in parentheses, such as not (userName eq \"bjensen\").";

    // Operators and values.
    public static string OperatorExpected(AttributePath path, string found) => $"Expected an operator after '{path}' ({OperatorList}), found {found}.";

    public static string NotAnOperator(string word) => $"'{word}' is not a SCIM operator; use {OperatorList}.";

    public static string ValueMissing(string keyword) => $"Expected a value after '{keyword}': a string in double quotes, a number, true, false or null.";

    public static string ValueExpected(string keyword, char found) =>
        $"Expected a value after '{keyword}' (a string in double quotes, a number, true, false or null), found {Describe(found)}.";

    public static string NotAValue(string word) => $"'{word}' is not a value; write strings in double quotes, as in \"{word}\".";

    public static string AfterValue(FilterValue value, char found) => $"Expected whitespace, ')' or ']' after the value {value}, found {Describe(found)}.";

    public const string ShortUnicodeEscape = "A \\u escape needs four hexadecimal digits, as in \\u00e9.";

    public static string NotAnEscape(char escape) => $"'\\{escape}' is not a JSON escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX.";

    public static string UnclosedString(int open) =>
        string.Create(CultureInfo.InvariantCulture, $"The string starting at position {open} has no closing double quote.");

    public static string NotANumber(ReadOnlySpan<char> literal) => $"'{literal}' is not a number; numbers are written as in JSON, such as 42, -1.5 or 1e3.";

    public static string NumberOutOfRange(ReadOnlySpan<char> literal) => $"The number {literal} is out of range.";

    // Attribute paths.
    public static string AttributeNameExpected(string found) => $"Expected an attribute name, found {found}.";

    public const string AttributeNameMissing = "Expected an attribute name.";

    public static string InvalidName(string name) =>
        $"'{name}' is not a valid attribute name; names start with a letter and contain only letters, digits, '-' and '_'.";

    public static string EmptySchemaUrn(string word) => $"'{word}' has an empty schema URN before ':'.";

    public static string NameAfterUrnExpected(string schemaUrn) => $"Expected an attribute name after the schema URN '{schemaUrn}:'.";

    public static string MoreThanOneSubAttribute(string rest) =>
        $"'{rest}' names more than one sub-attribute; a SCIM path names an attribute and at most one sub-attribute.";

    public static string QualifiedInValueFilter(AttributePath parent, string word) =>
        $"Inside the value filter of '{parent}', name its sub-attributes directly, such as 'type' or 'value'; '{word}' is not one.";

    public static string ValueFilterAfterSubAttribute(string qualified, string subAttribute, string word) =>
        $"A value filter follows the attribute name: write '{qualified}[...].{subAttribute}', not '{word}[...]'.";

    public static string OneSubAttributeAfterValueFilter(AttributePath attribute, string found) =>
        $"Expected one sub-attribute name after '{attribute}[...].', found '{found}'.";

    public static string UnexpectedAfterPath(char found, AttributePath parsed) =>
        $"Unexpected {Describe(found)} after '{parsed}'. A path is an attribute with an optional value filter and sub-attribute, such as emails[type eq \"work\"].value.";

    // Comparisons the attribute's type does not allow (RFC 7644 §3.4.2.2).
    public static string NullOrdered(AttributePath path) => $"null can only be compared with eq or ne; use '{path} pr' to test whether {path} has a value.";

    public static string SubstringOfNonString(AttributePath path, string keyword, FilterValue value) =>
        $"'{keyword}' matches part of a string; write the value in double quotes, as in {path} {keyword} \"{value}\".";

    public static string BooleansOrdered(string keyword) => $"true and false cannot be ordered: '{keyword}' applies to strings, numbers and dates (RFC 7644 §3.4.2.2).";

    public static string ComplexCompared(AttributePath path, string example) => $"'{path}' is a complex attribute; compare one of its sub-attributes, such as {example}.";

    public static string BooleanOrdered(AttributePath path, string keyword) =>
        $"'{path}' is a Boolean; '{keyword}' does not apply to Booleans (RFC 7644 §3.4.2.2). Compare it with eq or ne.";

    public static string BooleanSubstring(AttributePath path) => $"'{path}' is a Boolean; compare it with eq or ne and true or false.";

    public static string BooleanValue(AttributePath path) => $"'{path}' is a Boolean; compare it with true or false, without quotes.";

    public static string BinaryOrdered(AttributePath path, string keyword) => $"'{path}' is binary; '{keyword}' does not apply to binary attributes (RFC 7644 §3.4.2.2).";

    public static string NumberSubstring(AttributePath path, string keyword) => $"'{path}' is a number; '{keyword}' applies to strings.";

    public static string NumberValue(AttributePath path) => $"'{path}' is a number; write the value without quotes.";

    public static string DateTimeSubstring(AttributePath path) => $"'{path}' is a dateTime; compare it with eq, ne, gt, ge, lt or le.";

    public static string DateTimeValue(AttributePath path) =>
        $"'{path}' is a dateTime; write the value as an xsd:dateTime string such as \"2011-05-13T04:42:34Z\".";

    public static string StringValue(AttributePath path, string keyword, FilterValue value) =>
        $"'{path}' is a string; write the value in double quotes, as in {path} {keyword} \"{value}\".";

    public static string NotComplex(AttributePath path) =>
        $"'{path}' is not a complex attribute; a value filter [...] selects values of a complex attribute such as emails.";

    public static string HoldsBoolean(AttributePath path, string keyword) => $"'{path}' holds a Boolean; '{keyword}' does not apply to Booleans (RFC 7644 §3.4.2.2).";

    // Attributes the server's schemas do not declare, or never return (RFC 7643 §2.2).
    public static string NotASubAttribute(string name, AttributePath parent, IEnumerable<ScimAttributeDefinition> subAttributes) =>
        $"'{name}' is not a sub-attribute of '{parent}'; its sub-attributes are {Names(subAttributes)}.";

    public static string SchemaNotServed(AttributePath path, IEnumerable<ScimSchemaDefinition> schemas) =>
        $"'{path}' names the schema '{path.SchemaUrn}', which this server does not serve; its User schemas are {string.Join(", ", schemas.Select(s => s.Id))}.";

    public static string NotAUserAttribute(string name, ScimSchemaDefinition extension) =>
        $"'{name}' is not an attribute of the User resource; attributes of the extensions are named with their schema URN, such as {extension.Id}:{extension.Attributes[0].Name}.";

    public static string NotASchemaAttribute(string name, ScimSchemaDefinition schema) =>
        $"'{name}' is not an attribute of {schema.Id}; its attributes are {Names(schema.Attributes)}.";

    public static string HasNoSubAttributes(string attribute, AttributePath path) => $"'{attribute}' has no sub-attributes; '{path}' names one.";

    public static string NotASubAttributeOf(string? subAttribute, string attribute, IEnumerable<ScimAttributeDefinition> subAttributes) =>
        $"'{subAttribute}' is not a sub-attribute of '{attribute}'; its sub-attributes are {Names(subAttributes)}.";

    public static string WriteOnly(AttributePath path) =>
        $"'{path}' is writeOnly: its values are never returned, so filters and sorting cannot use them (RFC 7643 §2.2).";

    // What a host's map cannot translate into a query.
    public const string NotTranslated = "The filter could not be translated.";

    public static string NodeNotTranslated(string kind) => $"Filters of kind {kind} cannot be translated.";

    public static string MembersNotTranslated(AttributePath path) =>
        $"'{path}' cannot be translated: members are compared by their value only: members eq \"id\", members.value eq \"id\" or members[value eq \"id\"].";

    public static string Unmapped(AttributePath path, string supported) =>
        $"The filter uses '{path}', which this server cannot filter on. Attributes it can filter on: {supported}.";

    public static string MappedString(AttributePath path) => $"'{path}' is mapped to a string property; compare it with a string value in double quotes.";

    public static string MappedBoolean(AttributePath path) => $"'{path}' is mapped to a Boolean property; compare it with eq or ne and true or false.";

    public static string MappedNumber(AttributePath path) => $"'{path}' is mapped to a number property; compare it with eq, ne, gt, ge, lt or le and a number.";

    public static string MappedDate(AttributePath path) =>
        $"'{path}' is mapped to a date property; compare it with eq, ne, gt, ge, lt or le and an xsd:dateTime string such as \"2011-05-13T04:42:34Z\".";

    public static string MappedGuid(AttributePath path) => $"'{path}' is mapped to a Guid property; compare it with eq or ne and a string.";

    public static string MappedOther(AttributePath path, string typeName) => $"'{path}' is mapped to a property of type {typeName}, which filters cannot compare.";

    public static string NormalizerReturnedNull(AttributePath path) => $"The normalizer mapped for '{path}' returned null.";

    private static string UnexpectedHint(char c) => c switch
    {
        ')' => " There is no '(' for this ')' to close.",
        ']' => " There is no '[' for this ']' to close.",
        '"' => " A string can only follow an operator, as in userName eq \"bjensen\".",
        _ => string.Empty,
    };

    private static string Names(IEnumerable<ScimAttributeDefinition> attributes) => string.Join(", ", attributes.Select(a => a.Name));
}
