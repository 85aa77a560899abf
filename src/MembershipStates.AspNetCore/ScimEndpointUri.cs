namespace MembershipStates.AspNetCore;

/// <summary>
/// The URI of a SCIM endpoint under an organization's base URL, built the same way on every operating system.
/// </summary>
/// <remarks>
/// A base URL is absolute (<c>https://host/scim/v2/organizations/acme</c>) for every mapped endpoint and empty for
/// the catch-all route, which answers errors and links nothing. <c>new Uri("/Users", UriKind.Absolute)</c> would be a
/// <c>file:</c> URI on Linux and throw on Windows, so only an <c>http</c> or <c>https</c> base gives an absolute URI;
/// anything else gives the relative path.
/// </remarks>
internal static class ScimEndpointUri
{
    /// <summary>Returns <paramref name="baseUrl"/> followed by <paramref name="path"/>.</summary>
    /// <param name="baseUrl">The organization's SCIM base without a trailing slash, or empty.</param>
    /// <param name="path">The endpoint's path under the base, starting with a slash, such as <c>/Users</c>.</param>
    public static Uri Of(string baseUrl, string path)
    {
        var text = baseUrl + path;
        return IsHttp(baseUrl) && Uri.TryCreate(text, UriKind.Absolute, out var absolute)
            ? absolute
            : new Uri(path, UriKind.Relative);
    }

    private static bool IsHttp(string baseUrl) =>
        baseUrl.StartsWith(Uri.UriSchemeHttps + Uri.SchemeDelimiter, StringComparison.OrdinalIgnoreCase)
        || baseUrl.StartsWith(Uri.UriSchemeHttp + Uri.SchemeDelimiter, StringComparison.OrdinalIgnoreCase);
}
