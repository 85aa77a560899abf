using MembershipStates.Testing.Http;

namespace MembershipStates.Testing.Hosting;

/// <summary>
/// One run against the store: fresh organizations created on demand, a transcript of every request, and the
/// checks that fail with it.
/// </summary>
internal sealed class KitSession(KitHost host, Func<CancellationToken, Task<string>> createOrganization)
{
    private readonly Dictionary<int, KitClient> _organizations = [];

    public Transcript Transcript { get; } = new();

    public Checker Check => new(Transcript);

    public KitHost Host => host;

    /// <summary>The client of the session's organization number <paramref name="index"/> on the first instance; created, empty, on first use.</summary>
    public async Task<KitClient> OrganizationAsync(int index = 0)
    {
        if (!_organizations.TryGetValue(index, out var client))
        {
            var organization = await createOrganization(CancellationToken.None).ConfigureAwait(false);
            host.Organizations.Add(organization);
            client = new KitClient(host.First, "/scim/v2/organizations/" + Uri.EscapeDataString(organization), KitOrganizations.Token, Transcript, string.Empty);
            _organizations[index] = client;
        }

        return client;
    }

    /// <summary>The organizations created so far, by number.</summary>
    public IReadOnlyDictionary<int, KitClient> Organizations => _organizations;

    /// <summary>The same organization's client on the second instance of the host.</summary>
    public KitClient OnSecondInstance(KitClient client) => client.With(host.Second, "second instance");

    /// <summary>The same organization's client on the first instance, marked as such in the transcript.</summary>
    public KitClient OnFirstInstance(KitClient client) => client.With(host.First, "first instance");
}
