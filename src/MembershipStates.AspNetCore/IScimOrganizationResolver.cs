using Microsoft.AspNetCore.Http;

namespace MembershipStates.AspNetCore;

/// <summary>
/// Authenticates a SCIM request and tells which organization it acts on: the host's hook for tokens and tenants.
/// </summary>
/// <remarks>
/// <para>Called once per request under the SCIM base path, before anything else is read. Return the organization
/// key that the <see cref="IScimMemberStore"/> is called with, or <see langword="null"/> to answer 401 with a SCIM
/// error: for a missing or wrong token, for an unknown organization, and for a token of another organization, so
/// that no request ever sees another organization's data.</para>
/// <para>Compare secrets in constant time (<see cref="System.Security.Cryptography.CryptographicOperations.FixedTimeEquals"/>).</para>
/// <para>Resolved from the request's services; a singleton registration is the usual one. Must be thread-safe if shared.</para>
/// </remarks>
public interface IScimOrganizationResolver
{
    /// <summary>Authenticates the request and returns the key of the organization it acts on.</summary>
    /// <param name="httpContext">The request, for hosts that authenticate by other means than a bearer token.</param>
    /// <param name="routeOrganization">The <c>{organization}</c> value of the route, or <see langword="null"/> when the pattern has none.</param>
    /// <param name="bearerToken">The token of an <c>Authorization: Bearer …</c> header, or <see langword="null"/> when there is none.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The organization key, or <see langword="null"/> when the request is not authorized.</returns>
    ValueTask<string?> ResolveAsync(HttpContext httpContext, string? routeOrganization, string? bearerToken, CancellationToken cancellationToken = default);
}
