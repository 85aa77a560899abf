using System.Globalization;

namespace MembershipStates.Scim;

/// <summary>
/// Entity tags of SCIM resources: the weak tag of a lifecycle version, <c>W/"7"</c>, equal to <c>meta.version</c>.
/// Public for hosts and tests that read a version from an <c>ETag</c> or <c>meta.version</c>, or write one.
/// </summary>
/// <remarks>
/// <para>Tags are weak (RFC 7232 §2.3) because the representation of one version may vary, for example with the
/// <c>attributes</c> query parameter. A version is written in decimal without leading zeros, and only such a tag is
/// read back as a version: <c>W/"7"</c> and the strong form <c>"7"</c> are version 7, while <c>W/"07"</c>,
/// <c>W/"abc"</c> or <c>7</c> without quotes are no version at all.</para>
/// <para>Thread-safe: all members are pure functions.</para>
/// </remarks>
public static class ScimETag
{
    /// <summary>Returns the weak entity tag of a version.</summary>
    /// <param name="version">The lifecycle version, at least 1.</param>
    /// <returns>The tag, such as <c>W/"7"</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static string FromVersion(long version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"");
    }

    /// <summary>Reads the version from one entity tag, weak or strong.</summary>
    /// <param name="entityTag">The tag, such as <c>W/"7"</c> or <c>"7"</c>; surrounding white space is ignored.</param>
    /// <param name="version">The version, or 0 when the tag is not the tag of a version.</param>
    /// <returns><see langword="true"/> when the tag is the tag of a version.</returns>
    public static bool TryParseVersion(string? entityTag, out long version)
    {
        version = 0;
        if (entityTag is null)
        {
            return false;
        }

        var text = entityTag.AsSpan().Trim(" \t");
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return false;
        }

        return TryParseOpaque(text[1..^1], out version);
    }

    /// <summary>Reads the version from the opaque part of a tag, the text between its quotes.</summary>
    internal static bool TryParseOpaque(ReadOnlySpan<char> opaque, out long version)
    {
        version = 0;
        if (opaque.IsEmpty || opaque.Length > 19 || opaque[0] == '0')
        {
            return false;
        }

        foreach (var c in opaque)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(opaque, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
