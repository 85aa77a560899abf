using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using MembershipStates.SampleHost;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MembershipStates.Benchmarks;

/// <summary>
/// The last page of 100,000 members against the first, through the sample host on each engine:
/// <c>GET /Users?startIndex=99901&amp;count=100</c> must cost at most twice <c>GET /Users?startIndex=1&amp;count=100</c>.
/// </summary>
/// <remarks>
/// <para>The members are written straight into the tables (a quarter of them Inactive, in
/// <c>inactive_memberships</c>), as the host itself would store them; going through <c>POST /Users</c> 100,000 times
/// would measure nothing more and take minutes. PostgreSQL is vacuumed and analyzed afterwards, as autovacuum would do
/// on a live database, so that its planner sees the tables as they are. PostgreSQL needs
/// <c>MEMBERSHIPSTATES_TEST_POSTGRES</c>, as for the tests.</para>
/// </remarks>
[MemoryDiagnoser]
public class DeepPagingBenchmarks
{
    private const string Organization = "bench";
    private const string Token = "bench-token";
    private const int Members = 100_000;

    private BenchmarkDatabase? _database;
    private WebApplication? _host;
    private HttpClient _client = null!;

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

        await SeedAsync(_host.Services);
        var last = await _client.GetStringAsync($"{Base}/Users?startIndex={Members - 99}&count=100");
        if (!last.Contains($"\"totalResults\":{Members},", StringComparison.Ordinal) || !last.Contains("member099999@", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The last page does not hold the last member: " + last[..Math.Min(400, last.Length)]);
        }
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

    [Benchmark(Baseline = true)]
    public Task<byte[]> FirstPage() => _client.GetByteArrayAsync($"{Base}/Users?startIndex=1&count=100");

    [Benchmark]
    public Task<byte[]> DeepPage() => _client.GetByteArrayAsync($"{Base}/Users?startIndex={Members - 99}&count=100");

    private static async Task SeedAsync(IServiceProvider services)
    {
        var organizationId = services.GetRequiredService<Organizations>().IdOf(Organization);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var chunk in Enumerable.Range(0, Members).Chunk(10_000))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var users = chunk.Select(i => new User
            {
                Email = UserName(i),
                NormalizedEmail = Normalization.Normalize(UserName(i)),
                CreatedAt = start,
            }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();

            foreach (var (i, user) in chunk.Zip(users))
            {
                var created = start.AddSeconds(i);
                var attributes = Encoding.UTF8.GetString(ScimJson.ToUtf8Bytes(new ScimUser
                {
                    UserName = UserName(i),
                    ExternalId = $"ext-{i}",
                    DisplayName = $"Member {i}",
                    Name = new ScimName { GivenName = "Member", FamilyName = $"N{i:D6}" },
                }));
                if (i % 4 == 3)
                {
                    db.InactiveMemberships.Add(new InactiveMembership
                    {
                        OrganizationId = organizationId, UserId = user.Id, ScimId = Guid.NewGuid().ToString("D"), Version = 2,
                        UserName = UserName(i), NormalizedUserName = Normalization.Normalize(UserName(i)), ExternalId = $"ext-{i}",
                        DisplayName = $"Member {i}", GivenName = "Member", FamilyName = $"N{i:D6}",
                        Attributes = attributes, Created = created, LastModified = created, DeactivatedAt = created,
                    });
                }
                else
                {
                    db.Memberships.Add(new Membership
                    {
                        OrganizationId = organizationId, UserId = user.Id, ScimId = Guid.NewGuid().ToString("D"), Version = 1,
                        UserName = UserName(i), NormalizedUserName = Normalization.Normalize(UserName(i)), ExternalId = $"ext-{i}",
                        DisplayName = $"Member {i}", GivenName = "Member", FamilyName = $"N{i:D6}",
                        Attributes = attributes, Created = created, LastModified = created, JoinedAt = created,
                    });
                }
            }

            await db.SaveChangesAsync();
        }

        await using var last = services.CreateAsyncScope();
        var context = last.ServiceProvider.GetRequiredService<MembershipDbContext>();
        await context.Database.ExecuteSqlRawAsync(context.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE");
    }

    private static string UserName(int i) => $"member{i:D6}@example.com";
}
