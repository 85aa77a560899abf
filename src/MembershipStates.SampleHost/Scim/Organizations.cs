using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using MembershipStates.AspNetCore;

namespace MembershipStates.SampleHost.Scim;

/// <summary>One configured organization: its name, its database id, and the SHA-256 of its bearer token.</summary>
internal sealed record OrganizationEntry(string Name, int Id, byte[] TokenHash);

/// <summary>
/// The organizations this host serves, with their tokens: the host's answer to "which organization is this request
/// for, and may it act there?".
/// </summary>
/// <remarks>
/// Built once at start from configuration (<c>Organizations:&lt;name&gt;:Token</c>); thread-safe. Keeping each
/// organization's database id here, rather than looking it up per request, is safe across instances: an
/// organization row is only ever created (at start, by name, unique), never renamed, re-keyed or deleted, so the id
/// an instance read at start is the id every instance reads for as long as the row exists.
/// </remarks>
internal sealed class Organizations : IScimOrganizationResolver
{
    private FrozenDictionary<string, OrganizationEntry> _byName = FrozenDictionary<string, OrganizationEntry>.Empty;

    public IReadOnlyCollection<OrganizationEntry> All => _byName.Values;

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public void Load(IEnumerable<OrganizationEntry> entries) =>
        _byName = entries.ToFrozenDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the database id of an organization key the resolver returned.</summary>
    public int IdOf(string organization) =>
        _byName.TryGetValue(organization, out var entry)
            ? entry.Id
            : throw new InvalidOperationException($"Organization '{organization}' is not configured.");

    public ValueTask<string?> ResolveAsync(HttpContext httpContext, string? routeOrganization, string? bearerToken, CancellationToken cancellationToken = default)
    {
        if (routeOrganization is null || bearerToken is null || !_byName.TryGetValue(routeOrganization, out var entry))
        {
            return ValueTask.FromResult<string?>(null);
        }

        // Equal-length hashes compared in constant time: the comparison reveals nothing about the token.
        return ValueTask.FromResult(CryptographicOperations.FixedTimeEquals(Hash(bearerToken), entry.TokenHash) ? entry.Name : null);
    }
}
