using System.Globalization;

namespace MembershipStates.Scim.Filtering;

/// <summary>Reads SCIM <c>dateTime</c> values: <c>xsd:dateTime</c> strings such as <c>2011-05-13T04:42:34Z</c> (RFC 7643 §2.3.5).</summary>
internal static class ScimDateTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses an <c>xsd:dateTime</c>; a value without an offset is taken as UTC.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The instant, when the text is a dateTime.</param>
    /// <returns><see langword="true"/> when the text is a dateTime.</returns>
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text,
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out value);
}
