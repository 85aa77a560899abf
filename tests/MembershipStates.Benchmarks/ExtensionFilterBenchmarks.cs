using BenchmarkDotNet.Attributes;
using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.Benchmarks;

/// <summary>
/// The sample host's filtered and sorted list over 100,000 members with a declared User schema extension, through
/// its store: a string, an integer and a complex sub-attribute of the extension, and a sort by the integer, against
/// <c>userName eq</c> (the baseline), on SQLite and PostgreSQL.
/// </summary>
[MemoryDiagnoser]
public class ExtensionFilterBenchmarks
{
    private const int MemberCount = 100_000;
    private const string Organization = "bench";
    private const string Acme = "urn:example:params:scim:schemas:extension:acme:2.0:User";

    private BenchmarkDatabase? _database;
    private WebApplication? _host;
    private ScimFilter _userNameEq = null!;
    private ScimFilter _stringEq = null!;
    private ScimFilter _integerGt = null!;
    private ScimFilter _subAttributeEq = null!;
    private ScimSort _byInteger = null!;

    /// <summary>Gets or sets the engine.</summary>
    [Params("Sqlite", "PostgreSQL")]
    public string Engine { get; set; } = "Sqlite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = new BenchmarkDatabase(Engine);
        _host = await BenchmarkHost.StartAsync(Engine, _database, Organization, "bench-token", builder =>
            builder.Services.Configure<MembershipStatesOptions>(options => options.SchemaExtensions.Add(new ScimSchemaExtension
            {
                Id = Acme,
                Name = "AcmeUser",
                Attributes =
                [
                    new() { Name = "costCenter" },
                    new() { Name = "level", Type = ScimAttributeType.Integer },
                    new() { Name = "office", Type = ScimAttributeType.Complex, SubAttributes = [new() { Name = "floor", Type = ScimAttributeType.Integer }] },
                ],
            })));
        await MemberSeed.WriteAsync(
            _host.Services,
            Organization,
            MemberCount,
            static i => $$$$"""{"{{{{Acme}}}}":{"costCenter":"CC{{{{i}}}}","level":{{{{i}}}},"office":{"floor":{{{{i}}}}}}}""",
            static (i, organizationId, scimId) =>
            [
                new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = $"{Acme}:costCenter", Value = $"CC{i}" },
                new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = $"{Acme}:level", Integer = i },
                new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = $"{Acme}:office.floor", Integer = i },
            ]);
        var schema = _host.Services.GetRequiredService<ExtensionAttributes>().Schema;
        _userNameEq = Parse("userName eq \"RUNSCOPE77777HFLUAKLAB@atko.com\"", schema);
        _stringEq = Parse($"{Acme}:costCenter eq \"cc77777\"", schema);
        _integerGt = Parse($"{Acme}:level gt 99998", schema);
        _subAttributeEq = Parse($"{Acme}:office.floor eq 77777", schema);
        _byInteger = ScimSort.Parse($"{Acme}:level", "descending", schema).Value!;
        foreach (var filter in new[] { _userNameEq, _stringEq, _integerGt, _subAttributeEq })
        {
            if (await QueryAsync(filter, null) != 1)
            {
                throw new InvalidOperationException($"{filter} does not find one member; the benchmark would measure something else.");
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
    public Task<int> UserNameEq() => QueryAsync(_userNameEq, null);

    [Benchmark]
    public Task<int> ExtensionStringEq() => QueryAsync(_stringEq, null);

    [Benchmark]
    public Task<int> ExtensionIntegerGt() => QueryAsync(_integerGt, null);

    [Benchmark]
    public Task<int> ExtensionSubAttributeEq() => QueryAsync(_subAttributeEq, null);

    [Benchmark]
    public Task<int> SortByExtensionInteger() => QueryAsync(null, _byInteger);

    private static ScimFilter Parse(string text, ScimUserSchema schema) =>
        ScimFilter.Parse(text, schema).Value;

    private Task<int> QueryAsync(ScimFilter? filter, ScimSort? sort) => BenchmarkHost.CountAsync(_host!, Organization, filter, sort);
}
