using BenchmarkDotNet.Attributes;
using MembershipStates.AspNetCore;
using MembershipStates.SampleHost;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MembershipStates.Benchmarks;

/// <summary>
/// The sample host's filtered list over 100,000 members (two e-mail addresses each) in its database, through its
/// store: <c>userName sw</c>, <c>emails.value eq</c> and a multi-valued value path against <c>userName eq</c>
/// (the baseline), on SQLite and PostgreSQL.
/// </summary>
[MemoryDiagnoser]
public class StoreFilterBenchmarks
{
    private const int MemberCount = 100_000;
    private const string Organization = "bench";

    private BenchmarkDatabase? _database;
    private WebApplication? _host;
    private ScimFilter _userNameEq = null!;
    private ScimFilter _userNameSw = null!;
    private ScimFilter _emailEq = null!;
    private ScimFilter _valuePath = null!;

    /// <summary>Gets or sets the engine.</summary>
    [Params("Sqlite", "PostgreSQL")]
    public string Engine { get; set; } = "Sqlite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = new BenchmarkDatabase(Engine);
        _host = await BenchmarkHost.StartAsync(Engine, _database, Organization, "bench-token");
        await SeedAsync();
        _userNameEq = Parse("userName eq \"RUNSCOPE77777HFLUAKLAB@atko.com\"");
        _userNameSw = Parse("userName sw \"runscope7777\"");
        _emailEq = Parse("emails.value eq \"U77777@CONTOSO.COM\"");
        _valuePath = Parse("emails[type eq \"work\" and primary eq true].value eq \"u77777@contoso.com\"");
        foreach (var filter in new[] { _userNameEq, _userNameSw, _emailEq, _valuePath })
        {
            var total = await QueryAsync(filter);
            if (total == 0)
            {
                throw new InvalidOperationException($"{filter} finds nobody; the benchmark would measure nothing.");
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
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
    public Task<int> UserNameEq() => QueryAsync(_userNameEq);

    [Benchmark]
    public Task<int> UserNameSw() => QueryAsync(_userNameSw);

    [Benchmark]
    public Task<int> EmailsValueEq() => QueryAsync(_emailEq);

    [Benchmark]
    public Task<int> EmailsValuePath() => QueryAsync(_valuePath);

    private static ScimFilter Parse(string text) =>
        ScimFilter.Parse(text).Value;

    private async Task<int> QueryAsync(ScimFilter filter)
    {
        using var scope = _host!.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var page = (await store.QueryAsync(Organization, new ScimMemberQuery(filter, ScimPage.Of(1, 100)))).Value;
        return page.TotalResults;
    }

    /// <summary>Writes 100,000 members straight into the tables, as the store would have stored them, then gathers statistics.</summary>
    private async Task SeedAsync()
    {
        using var scope = _host!.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var organizationId = await db.Organizations.Where(o => o.Name == Organization).Select(o => o.Id).SingleAsync();
        var now = DateTimeOffset.UnixEpoch;
        for (var start = 0; start < MemberCount; start += 10_000)
        {
            var users = Enumerable.Range(start, 10_000).Select(i => new User { Email = $"u{i}@contoso.com", NormalizedEmail = $"U{i}@CONTOSO.COM" }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            foreach (var user in users)
            {
                var i = start + users.IndexOf(user);
                var userName = $"{(i % 2 == 0 ? "Runscope" : "runscope")}{i}Hfluaklab@atko.com";
                var scimId = Guid.NewGuid().ToString();
                db.Memberships.Add(new Membership
                {
                    OrganizationId = organizationId,
                    UserId = user.Id,
                    ScimId = scimId,
                    Version = 1,
                    UserName = userName,
                    NormalizedUserName = userName.ToUpperInvariant(),
                    ExternalId = $"00u{i:x8}",
                    Attributes = "{}",
                    Created = now.AddSeconds(i),
                    LastModified = now.AddSeconds(i),
                });
                db.MemberValues.Add(new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = "emails", Position = 0, Value = $"U{i}@CONTOSO.COM", Type = "WORK", Primary = true });
                db.MemberValues.Add(new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = "emails", Position = 1, Value = $"U{i}@HOME.EXAMPLE", Type = "HOME" });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
