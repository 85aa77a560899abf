using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MembershipStates.SampleHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace MembershipStates.Benchmarks;

/// <summary>
/// A group of 10,000 members against a group of 10, through the sample host: adding one member with PATCH (and
/// removing it again) and reading the group without its members must cost about the same, since both work on rows,
/// never on the member list.
/// </summary>
/// <remarks>The add is measured as add-then-remove pairs (<c>OperationsPerInvoke = 2</c>) so that the group keeps
/// its size; figures are per request. PostgreSQL needs <c>MEMBERSHIPSTATES_TEST_POSTGRES</c>, as for the tests.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GroupScaleBenchmarks
{
    private const string Organization = "bench";
    private const string Token = "bench-token";
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private const int LargeSize = 10_000;
    private const int SmallSize = 10;

    private BenchmarkDatabase? _database;
    private WebApplication? _host;
    private HttpClient _client = null!;
    private string _small = string.Empty;
    private string _large = string.Empty;
    private string _extraMember = string.Empty;

    /// <summary>Gets or sets the engine the sample host runs on.</summary>
    [Params("Sqlite", "PostgreSQL")]
    public string Engine { get; set; } = "Sqlite";

    private static string Base => $"/scim/v2/organizations/{Organization}";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = new BenchmarkDatabase(Engine);
        _host = await BenchmarkHost.StartAsync(Engine, _database, Organization, Token);
        _client = BenchmarkHost.ClientOf(_host, Token);

        var members = new List<string>(LargeSize + 1);
        for (var i = 0; i <= LargeSize; i++)
        {
            members.Add(await CreateUserAsync($"member{i:D5}@example.com"));
        }

        _extraMember = members[LargeSize];
        _small = await CreateGroupAsync("Small", members.Take(SmallSize));
        _large = await CreateGroupAsync("Large", members.Take(LargeSize));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    [BenchmarkCategory("PATCH add one member")]
    public Task SmallGroupAddAndRemove() => AddAndRemoveAsync(_small);

    [Benchmark(OperationsPerInvoke = 2)]
    [BenchmarkCategory("PATCH add one member")]
    public Task LargeGroupAddAndRemove() => AddAndRemoveAsync(_large);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("GET excludedAttributes=members")]
    public Task<byte[]> SmallGroupRead() => _client.GetByteArrayAsync($"{Base}/Groups/{_small}?excludedAttributes=members");

    [Benchmark]
    [BenchmarkCategory("GET excludedAttributes=members")]
    public Task<byte[]> LargeGroupRead() => _client.GetByteArrayAsync($"{Base}/Groups/{_large}?excludedAttributes=members");

    private async Task AddAndRemoveAsync(string group)
    {
        await SendAsync(HttpMethod.Patch, $"{Base}/Groups/{group}", Patch(new JsonObject
        {
            ["op"] = "add",
            ["path"] = "members",
            ["value"] = new JsonArray(new JsonObject { ["value"] = _extraMember }),
        }));
        await SendAsync(HttpMethod.Patch, $"{Base}/Groups/{group}", Patch(new JsonObject
        {
            ["op"] = "remove",
            ["path"] = $"members[value eq \"{_extraMember}\"]",
        }));
    }

    private async Task<string> CreateUserAsync(string userName)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = userName,
            ["active"] = true,
        };
        return (string)JsonNode.Parse(await SendAsync(HttpMethod.Post, $"{Base}/Users", body.ToJsonString()))!["id"]!;
    }

    private async Task<string> CreateGroupAsync(string displayName, IEnumerable<string> members)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = displayName,
            ["members"] = new JsonArray(),
        };
        var id = (string)JsonNode.Parse(await SendAsync(HttpMethod.Post, $"{Base}/Groups", body.ToJsonString()))!["id"]!;
        foreach (var chunk in members.Chunk(500))
        {
            await SendAsync(HttpMethod.Patch, $"{Base}/Groups/{id}", Patch(new JsonObject
            {
                ["op"] = "add",
                ["path"] = "members",
                ["value"] = new JsonArray([.. chunk.Select(member => (JsonNode)new JsonObject { ["value"] = member })]),
            }));
        }

        return id;
    }

    private static string Patch(JsonObject operation) =>
        new JsonObject { ["schemas"] = new JsonArray(PatchOp), ["Operations"] = new JsonArray(operation) }.ToJsonString();

    private async Task<string> SendAsync(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/scim+json") };
        using var response = await _client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadAsStringAsync();
    }
}
