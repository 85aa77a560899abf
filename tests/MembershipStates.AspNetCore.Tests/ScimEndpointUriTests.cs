using FluentAssertions;
using MembershipStates.AspNetCore;
using Xunit;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>
/// The endpoint URIs of a request, for the base URL of a mapped endpoint and for the catch-all route's empty base.
/// <c>new Uri("/Users", UriKind.Absolute)</c> is a <c>file:</c> URI on Unix and throws on Windows; these checks hold
/// on both because they never ask the OS's rules for an absolute URI without a scheme.
/// </summary>
public sealed class ScimEndpointUriTests
{
    [Theory]
    [InlineData("/Users")]
    [InlineData("/Groups")]
    [InlineData("/")]
    public void AnEmptyBase_GivesTheRelativePath_NeverAFileUri(string path)
    {
        var uri = ScimEndpointUri.Of(string.Empty, path);

        uri.IsAbsoluteUri.Should().BeFalse();
        uri.OriginalString.Should().Be(path);
        Uri.IsWellFormedUriString(uri.OriginalString, UriKind.Relative).Should().BeTrue();
    }

    [Theory]
    [InlineData("https://scim.example.com/scim/v2/organizations/acme", "/Users", "https://scim.example.com/scim/v2/organizations/acme/Users")]
    [InlineData("http://localhost:5080/scim/v2/organizations/a%20b", "/Groups", "http://localhost:5080/scim/v2/organizations/a%20b/Groups")]
    [InlineData("HTTPS://[::1]:8443/base", "/", "https://[::1]:8443/base/")]
    public void AnHttpBase_GivesTheAbsoluteUrlUnderIt(string baseUrl, string path, string expected)
    {
        var uri = ScimEndpointUri.Of(baseUrl, path);

        uri.IsAbsoluteUri.Should().BeTrue();
        uri.Scheme.Should().BeOneOf(Uri.UriSchemeHttp, Uri.UriSchemeHttps);
        uri.AbsoluteUri.Should().Be(expected);
    }

    [Theory]
    [InlineData("scim/v2")]
    [InlineData("/scim/v2")]
    [InlineData("file:///scim")]
    public void ABaseThatIsNotAnHttpUrl_GivesTheRelativePath(string baseUrl)
    {
        var uri = ScimEndpointUri.Of(baseUrl, "/Users");

        uri.IsAbsoluteUri.Should().BeFalse();
        uri.OriginalString.Should().Be("/Users");
    }
}
