using System.Globalization;

namespace MembershipStates.Scim.Filtering;

/// <summary>
/// Why a SCIM filter or attribute path was rejected: the RFC 7644 §3.12 <c>scimType</c> to answer with
/// (HTTP 400), a message a developer can act on, and where the problem is in the text.
/// </summary>
/// <remarks>
/// The parser's, evaluator's and translator's own error: callers inside the library quote <see cref="Message"/> in
/// their own errors (a <c>PATCH</c> names the operation); the public API answers with <see cref="ToScimError"/>
/// inside a <see cref="ScimResult{T}"/>.
/// </remarks>
internal sealed class FilterError
{
    public FilterError(string scimType, string message, int? position)
    {
        ScimType = scimType;
        Message = message;
        Position = position;
    }

    /// <summary>Gets the RFC 7644 <c>scimType</c>: <see cref="ScimErrorTypes.InvalidFilter"/> (a filter) or <see cref="ScimErrorTypes.InvalidPath"/> (a <c>PATCH</c> path).</summary>
    public string ScimType { get; }

    /// <summary>Gets a message a developer can act on, suitable for the SCIM error's <c>detail</c>.</summary>
    public string Message { get; }

    /// <summary>
    /// Gets the 0-based character position of the problem in the parsed text, or <see langword="null"/> when the
    /// problem is not tied to one place (for example an attribute a host cannot filter on).
    /// </summary>
    public int? Position { get; }

    /// <summary>Returns the SCIM error that answers a request whose filter or path this error rejected.</summary>
    /// <returns>
    /// A 400 error with this <see cref="ScimType"/> (<c>invalidFilter</c> or <c>invalidPath</c>) and, as its
    /// <c>detail</c>, <see cref="Message"/> followed by the <see cref="Position"/> when there is one, such as
    /// <c>'eg' is not a SCIM operator; use eq, ne, co, sw, ew, gt, ge, lt, le or pr. (at position 9)</c> for
    /// <c>userName eg "x"</c>.
    /// </returns>
    public ScimError ToScimError()
    {
        var detail = Position is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"{Message} (at position {position})")
            : Message;
        return ScimType == ScimErrorTypes.InvalidPath ? ScimError.InvalidPath(detail) : ScimError.InvalidFilter(detail);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Position is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"{ScimType} at {position}: {Message}")
            : $"{ScimType}: {Message}";
}
