using BenchmarkDotNet.Attributes;
using MembershipStates.SampleHost.Data;
using MembershipStates.Scim;
using Microsoft.AspNetCore.Builder;

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
        await MemberSeed.WriteAsync(_host.Services, Organization, MemberCount, _ => "{}", static (i, organizationId, scimId) =>
        [
            new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = "emails", Position = 0, Value = $"U{i}@CONTOSO.COM", Type = "WORK", Primary = true },
            new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = "emails", Position = 1, Value = $"U{i}@HOME.EXAMPLE", Type = "HOME" },
        ]);
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

    private Task<int> QueryAsync(ScimFilter filter) => BenchmarkHost.CountAsync(_host!, Organization, filter, sort: null);
}
