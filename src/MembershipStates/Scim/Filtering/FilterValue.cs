using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace MembershipStates.Scim.Filtering;

/// <summary>The kind of a comparison value.</summary>
internal enum FilterValueKind
{
    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON string.</summary>
    String,
}

/// <summary>A comparison value of a filter: a JSON string, number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
/// <remarks>Equality is structural: strings compare ordinally, numbers by value. Immutable and thread-safe.</remarks>
internal readonly record struct FilterValue
{
    private FilterValue(FilterValueKind kind, string? text, decimal number, bool boolean)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Boolean = boolean;
    }

    /// <summary>Gets the kind of value.</summary>
    public FilterValueKind Kind { get; }

    /// <summary>Gets the string, for <see cref="FilterValueKind.String"/>.</summary>
    public string? Text { get; }

    /// <summary>Gets the number, for <see cref="FilterValueKind.Number"/>.</summary>
    public decimal Number { get; }

    /// <summary>Gets the Boolean, for <see cref="FilterValueKind.Boolean"/>.</summary>
    public bool Boolean { get; }

    /// <summary>Gets the string of a <see cref="FilterValueKind.String"/> value.</summary>
    /// <param name="text">The string, when the value is one.</param>
    /// <returns><see langword="true"/> for a string value.</returns>
    public bool TryGetText([NotNullWhen(true)] out string? text)
    {
        text = Text;
        return text is not null;
    }

    /// <summary>Gets <c>null</c>.</summary>
    public static FilterValue Null => default;

    /// <summary>Gets <c>true</c>.</summary>
    public static FilterValue True => new(FilterValueKind.Boolean, null, 0, boolean: true);

    /// <summary>Gets <c>false</c>.</summary>
    public static FilterValue False => new(FilterValueKind.Boolean, null, 0, boolean: false);

    /// <summary>Creates a Boolean value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter value.</returns>
    public static FilterValue FromBoolean(bool value) => value ? True : False;

    /// <summary>Creates a number value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter value.</returns>
    public static FilterValue FromNumber(decimal value) => new(FilterValueKind.Number, null, value, boolean: false);

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter value.</returns>
    public static FilterValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(FilterValueKind.String, value, 0, boolean: false);
    }

    /// <summary>Appends the canonical form: a JSON literal.</summary>
    /// <param name="text">The builder.</param>
    public void AppendTo(StringBuilder text)
    {
        switch (Kind)
        {
            case FilterValueKind.Boolean:
                text.Append(Boolean ? "true" : "false");
                break;
            case FilterValueKind.Number:
                text.Append(Number.ToString(CultureInfo.InvariantCulture));
                break;
            case FilterValueKind.String:
                AppendJsonString(text, Text!);
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    private static void AppendJsonString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < ' ':
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
