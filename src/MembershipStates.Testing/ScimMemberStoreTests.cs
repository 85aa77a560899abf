using MembershipStates.AspNetCore;
using MembershipStates.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MembershipStates.Testing;

/// <summary>
/// The conformance tests of a host's <see cref="IScimMemberStore"/>: subclass it in a test project, register the
/// store in <see cref="ConfigureStore"/>, and every test runs against it through the SCIM endpoints of
/// MembershipStates.AspNetCore, in memory.
/// </summary>
/// <remarks>
/// <para><b>What runs.</b> Okta's SCIM 2.0 SPEC and CRUD tests (catalog apps' PATCH and wizard apps' PUT), Okta's
/// re-assignment, Microsoft Entra ID's Test Connection and user lifecycle in both payload forms; a model-based
/// property that generates request sequences (create, deactivate, reactivate, re-POST, replace, patch attributes,
/// delete, re-create, stale <c>If-Match</c>, races) and compares every answer and the store's state with a reference
/// model of the lifecycle, shrinking a failure to the smallest sequence; and racing requests on one member and
/// racing creations of one <c>userName</c>. A failure is a <see cref="ScimConformanceException"/>.</para>
/// <para><b>How.</b> For each test the kit starts two instances of a host in memory (TestServer), as two instances
/// behind a load balancer over one database: each calls <see cref="ConfigureStore"/>, then
/// <c>AddMembershipStates</c> and <c>MapMembershipStates</c>. Every sequence and script acts on organizations of its own, made
/// by <see cref="CreateOrganizationAsync"/>, so a store needs no cleaning between them. The kit authenticates its
/// requests itself: it replaces any <see cref="IScimOrganizationResolver"/> with one that knows the organizations
/// it created.</para>
/// <para>xunit creates an instance of the test class per test; a store whose data lives in the test class (an
/// in-memory store, a database the constructor creates) is fresh for each test.</para>
/// </remarks>
public abstract partial class ScimMemberStoreTests : IAsyncLifetime
{
    private readonly ScimStoreTestOptions _options;
    private readonly bool _requiresGroups;
    private KitHost? _host;

    /// <summary>Initializes a new instance of the <see cref="ScimMemberStoreTests"/> class.</summary>
    /// <param name="options">How much to try; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    protected ScimMemberStoreTests(ScimStoreTestOptions? options = null)
        : this(options, requiresGroups: false)
    {
    }

    private protected ScimMemberStoreTests(ScimStoreTestOptions? options, bool requiresGroups)
    {
        _options = options ?? new ScimStoreTestOptions();
        _options.Validate();
        _requiresGroups = requiresGroups;
    }

    /// <summary>Gets the options the tests run with.</summary>
    protected ScimStoreTestOptions Options => _options;

    private KitHost Host => _host ?? throw new InvalidOperationException("The host is not started: xunit calls InitializeAsync before each test.");

    /// <summary>Registers the store under test: the host's <see cref="IScimMemberStore"/> (and <see cref="IScimGroupStore"/>) and everything they need.</summary>
    /// <param name="services">The services of one instance of the host.</param>
    /// <remarks>Called twice per test, once for each instance; both registrations must reach the same data (the
    /// same database, or the same in-memory store object). Register the stores as the host does, usually scoped. The
    /// tests are <c>[SkippableFact]</c>s (Xunit.SkippableFact): a host whose database is not there in some runs calls
    /// <c>Skip.IfNot(…)</c> here to skip rather than fail them.</remarks>
    protected abstract void ConfigureStore(IServiceCollection services);

    /// <summary>Creates an empty organization in the store and returns its key, the organization the store is then called with.</summary>
    /// <param name="services">The services of the first instance of the host.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The organization key; the kit sends it in the route, so it is any text of up to 64 characters.</returns>
    /// <remarks>Called for every script and every generated sequence, often hundreds of times per test. The default
    /// returns a new unique key (<c>org-</c> and 12 hexadecimal digits), for stores that accept any key; a store whose
    /// organizations are rows of its own creates one here.</remarks>
    protected virtual Task<string> CreateOrganizationAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult("org-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Starts the two instances of the host over the store.</summary>
    /// <returns>A task that completes when both serve.</returns>
    public virtual async Task InitializeAsync()
    {
        _host = await KitHost.StartAsync(ConfigureStore, _options).ConfigureAwait(false);
        if (_requiresGroups && !_host.ServesGroups)
        {
            throw new InvalidOperationException($"ConfigureStore registers no {nameof(IScimGroupStore)}: the group tests need one. A host without groups subclasses {nameof(ScimMemberStoreTests)}.");
        }
    }

    /// <summary>Stops both instances of the host.</summary>
    /// <returns>A task that completes when they are stopped.</returns>
    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A run against fresh organizations, with its own transcript.</summary>
    private protected KitSession NewSession() =>
        new(Host, cancellationToken => CreateOrganizationAsync(Host.Services, cancellationToken));
}
