using MembershipStates.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MembershipStates.Testing.Hosting;

/// <summary>
/// Two instances of a host over the store under test, in memory (TestServer), as two instances behind a load
/// balancer: each with the adapter's endpoints, the kit's organizations, and the first with its commits gated.
/// </summary>
internal sealed class KitHost : IAsyncDisposable
{
    private readonly WebApplication _first;
    private readonly WebApplication _second;

    private KitHost(WebApplication first, WebApplication second, CommitGate gate, KitOrganizations organizations)
    {
        _first = first;
        _second = second;
        Gate = gate;
        Organizations = organizations;
        First = first.GetTestClient();
        Second = second.GetTestClient();
        ServesGroups = first.Services.GetService<IServiceProviderIsService>()?.IsService(typeof(IScimGroupStore)) == true;
    }

    public HttpClient First { get; }

    public HttpClient Second { get; }

    public CommitGate Gate { get; }

    public KitOrganizations Organizations { get; }

    public bool ServesGroups { get; }

    /// <summary>The services of the first instance, for the host's hooks.</summary>
    public IServiceProvider Services => _first.Services;

    public static async Task<KitHost> StartAsync(Action<IServiceCollection> configureStore, ScimStoreTestOptions options)
    {
        var gate = new CommitGate();
        var organizations = new KitOrganizations();
        var first = await StartInstanceAsync(configureStore, options, organizations, gate).ConfigureAwait(false);
        try
        {
            var second = await StartInstanceAsync(configureStore, options, organizations, gate: null).ConfigureAwait(false);
            return new KitHost(first, second, gate, organizations);
        }
        catch
        {
            await first.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Gate.Release();
        First.Dispose();
        Second.Dispose();
        await _second.DisposeAsync().ConfigureAwait(false);
        await _first.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<WebApplication> StartInstanceAsync(
        Action<IServiceCollection> configureStore, ScimStoreTestOptions options, KitOrganizations organizations, CommitGate? gate)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        configureStore(builder.Services);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IScimMemberStore) && !d.IsKeyedService))
        {
            throw new InvalidOperationException($"ConfigureStore registers no {nameof(IScimMemberStore)}: register the store under test, for example services.AddScoped<{nameof(IScimMemberStore)}, MyMemberStore>().");
        }

        // The kit creates the organizations each test acts on, so it authenticates its own requests.
        builder.Services.RemoveAll<IScimOrganizationResolver>();
        builder.Services.AddSingleton<IScimOrganizationResolver>(organizations);
        builder.Services.AddMembershipStates(o => o.InactiveProvisionPolicy = options.InactiveProvisionPolicy);
        if (gate is not null)
        {
            Decorate(builder.Services, gate);
        }

        var app = builder.Build();
        app.MapMembershipStates();
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    /// <summary>Replaces the member store's registration with the same store behind the gate, at the same lifetime.</summary>
    private static void Decorate(IServiceCollection services, CommitGate gate)
    {
        var original = services.Last(d => d.ServiceType == typeof(IScimMemberStore) && !d.IsKeyedService);
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(
            typeof(IScimMemberStore),
            provider => original switch
            {
                { ImplementationInstance: IScimMemberStore instance } => new GatedMemberStore(instance, gate, ownsInner: false),
                { ImplementationFactory: { } factory } => new GatedMemberStore((IScimMemberStore)factory(provider), gate, ownsInner: true),
                _ => new GatedMemberStore((IScimMemberStore)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), gate, ownsInner: true),
            },
            original.Lifetime));
    }
}
