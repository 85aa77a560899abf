using System.Collections.Concurrent;
using MembershipStates.AspNetCore;
using Microsoft.AspNetCore.Http;

namespace MembershipStates.Testing.Hosting;

/// <summary>
/// The kit's organization resolver: a request acts on the organization its route names, if the kit created that
/// organization and the request carries the kit's token.
/// </summary>
/// <remarks>Thread-safe; shared by both instances of the host.</remarks>
internal sealed class KitOrganizations : IScimOrganizationResolver
{
    /// <summary>The bearer token of every request the kit sends.</summary>
    public const string Token = "membership-states-testing-kit";

    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    public void Add(string organization) => _created[organization] = true;

    public ValueTask<string?> ResolveAsync(HttpContext httpContext, string? routeOrganization, string? bearerToken, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(routeOrganization is not null && bearerToken == Token && _created.ContainsKey(routeOrganization) ? routeOrganization : null);
}
