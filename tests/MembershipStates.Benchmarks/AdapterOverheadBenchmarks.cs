using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Scim;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MembershipStates.Benchmarks;

/// <summary>
/// What the SCIM adapter itself costs per request, with no database: <c>MapMembershipStates</c> over a store that
/// holds one member in memory, against a minimal-API endpoint that checks the token and returns the very same bytes.
/// Both run on TestServer, logging off.
/// </summary>
/// <remarks>
/// <para>The adapter side is what a host's request goes through besides its store: routing, the organization resolver
/// (the sample host's: the bearer token checked against the organization's), the store's resolution, the request's
/// URLs, the decision, the SCIM JSON and headers. The store answers the member with its groups (none), as the sample
/// host's does, so the answer is a User's with its <c>groups</c>.</para>
/// <para>The Okta deactivate PATCH is measured as a pair, deactivate then reactivate, as in
/// <see cref="RequestPathBenchmarks"/>: every request is a real decision and an in-memory commit.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdapterOverheadBenchmarks
{
    private const string Organization = "bench";
    private const string Token = "bench-token";
    private const string User = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Bench.User@example.com","externalId":"00ubench","name":{"givenName":"Bench","familyName":"User"},"emails":[{"primary":true,"value":"bench.user@example.com","type":"work"}],"displayName":"Bench User","active":true}""";
    private const string MemberId = "2819c223-7f76-453a-919d-413861904646";

    private WebApplication? _adapter;
    private WebApplication? _minimal;
    private HttpClient _adapterClient = null!;
    private HttpClient _minimalClient = null!;
    private byte[] _userBytes = [];
    private readonly string _userPath = $"/scim/v2/organizations/{Organization}/Users/{MemberId}";
    private readonly string _minimalPath = $"/minimal/Users/{MemberId}";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var organizations = new Organizations();
        organizations.Load([new OrganizationEntry(Organization, 1, Organizations.Hash(Token))]);
        builder.Services.AddSingleton<IScimOrganizationResolver>(organizations);
        builder.Services.AddSingleton<OneMemberStore>();
        builder.Services.AddSingleton<IScimMemberStore>(services => services.GetRequiredService<OneMemberStore>());
        builder.Services.AddSingleton<IScimGroupStore>(services => services.GetRequiredService<OneMemberStore>());
        builder.Services.AddMembershipStates();
        _adapter = builder.Build();
        _adapter.MapMembershipStates();
        await _adapter.StartAsync();
        _adapterClient = BenchmarkHost.ClientOf(_adapter, Token);
        _userBytes = await _adapterClient.GetByteArrayAsync(_userPath);

        _minimal = BuildMinimal();
        await _minimal.StartAsync();
        _minimalClient = BenchmarkHost.ClientOf(_minimal, Token);
        if (!(await _minimalClient.GetByteArrayAsync(_minimalPath)).AsSpan().SequenceEqual(_userBytes))
        {
            throw new InvalidOperationException("The minimal endpoint must answer the same bytes.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _adapterClient.Dispose();
        _minimalClient.Dispose();
        if (_adapter is not null)
        {
            await _adapter.DisposeAsync();
        }

        if (_minimal is not null)
        {
            await _minimal.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("GET /Users/{id}")]
    public Task<byte[]> MinimalGet() => _minimalClient.GetByteArrayAsync(_minimalPath);

    [Benchmark]
    [BenchmarkCategory("GET /Users/{id}")]
    public Task<byte[]> AdapterGet() => _adapterClient.GetByteArrayAsync(_userPath);

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    [BenchmarkCategory("PATCH deactivate")]
    public async Task MinimalPatchPair()
    {
        await BenchmarkHost.SendAsync(_minimalClient, HttpMethod.Patch, _minimalPath, OktaPatch.Deactivate);
        await BenchmarkHost.SendAsync(_minimalClient, HttpMethod.Patch, _minimalPath, OktaPatch.Reactivate);
    }

    [Benchmark(OperationsPerInvoke = 2)]
    [BenchmarkCategory("PATCH deactivate")]
    public async Task AdapterDeactivateReactivatePair()
    {
        await BenchmarkHost.SendAsync(_adapterClient, HttpMethod.Patch, _userPath, OktaPatch.Deactivate);
        await BenchmarkHost.SendAsync(_adapterClient, HttpMethod.Patch, _userPath, OktaPatch.Reactivate);
    }

    /// <summary>The least an endpoint can do: check the token, read the body of a PATCH, answer fixed bytes.</summary>
    private WebApplication BuildMinimal()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        const string ExpectedAuthorization = "Bearer " + Token;
        app.MapGet("/minimal/Users/{id}", (HttpContext context, string id) =>
            context.Request.Headers.Authorization != ExpectedAuthorization ? Results.Unauthorized()
            : id == MemberId ? Results.Bytes(_userBytes, ScimResponse.ScimContentType)
            : Results.NotFound());
        app.MapPatch("/minimal/Users/{id}", async (HttpContext context, string id) =>
        {
            if (context.Request.Headers.Authorization != ExpectedAuthorization)
            {
                return Results.Unauthorized();
            }

            using var body = new StreamReader(context.Request.Body);
            _ = await body.ReadToEndAsync();
            return id == MemberId ? Results.Bytes(_userBytes, ScimResponse.ScimContentType) : Results.NotFound();
        });
        return app;
    }

    /// <summary>One member of the organization, in no group, kept in memory; a commit applies a decision made on its current version.</summary>
    private sealed class OneMemberStore : IScimMemberStore, IScimGroupStore
    {
        private readonly Lock _lock = new();
        private ScimMember _member;

        public OneMemberStore()
        {
            var then = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var attributes = ScimJson.ParseUser(User).TryGetValue(out var user) ? user : throw new InvalidOperationException("Not a user.");
            _member = new ScimMember(MembershipSnapshot.Active(MemberId, 1, then, then), attributes, []);
        }

        public Task<ScimMember?> FindByIdAsync(string organization, string id, CancellationToken cancellationToken = default)
        {
            lock (_lock)
            {
                return Task.FromResult(id == MemberId ? _member : null);
            }
        }

        public Task<ScimMember?> FindByUserNameOrExternalIdAsync(string organization, string userName, string? externalId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ScimResult<ScimMemberPage>> QueryAsync(string organization, ScimMemberQuery query, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ScimCommitResult> CommitAsync(string organization, MembershipDecision decision, ScimUser? attributes, CancellationToken cancellationToken = default)
        {
            lock (_lock)
            {
                if (decision.Previous.Version != _member.Membership.Version || !decision.Next.Exists || attributes is null)
                {
                    return Task.FromResult(ScimCommitResult.VersionConflict);
                }

                _member = new ScimMember(decision.Next, attributes, []);
                return Task.FromResult(ScimCommitResult.Committed);
            }
        }

        public Task<ScimStoredGroup?> FindByIdAsync(string organization, string id, bool includeMembers, CancellationToken cancellationToken = default) =>
            Task.FromResult<ScimStoredGroup?>(null);

        public Task<ScimResult<ScimGroupPage>> QueryAsync(string organization, ScimGroupQuery query, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ScimGroupCommitResult> CommitAsync(string organization, ScimGroupChange change, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ILookup<string, ScimGroupReference>> FindGroupsOfMembersAsync(string organization, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default) =>
            Task.FromResult(Array.Empty<ScimGroupReference>().ToLookup(_ => string.Empty));
    }
}
