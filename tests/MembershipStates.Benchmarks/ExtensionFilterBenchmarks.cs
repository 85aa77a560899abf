using BenchmarkDotNet.Attributes;
using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using MembershipStates.Scim;
using MembershipStates.Scim.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
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
        await SeedAsync();
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

    private async Task<int> QueryAsync(ScimFilter? filter, ScimSort? sort)
    {
        using var scope = _host!.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IScimMemberStore>();
        var page = (await store.QueryAsync(Organization, new ScimMemberQuery(filter, ScimPage.Of(1, 100), sort))).Value;
        return page.TotalResults;
    }

    /// <summary>Writes 100,000 members straight into the tables, each with its three extension rows, then gathers statistics.</summary>
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
            for (var n = 0; n < users.Count; n++)
            {
                var i = start + n;
                var userName = $"{(i % 2 == 0 ? "Runscope" : "runscope")}{i}Hfluaklab@atko.com";
                var scimId = Guid.NewGuid().ToString();
                db.Memberships.Add(new Membership
                {
                    OrganizationId = organizationId,
                    UserId = users[n].Id,
                    ScimId = scimId,
                    Version = 1,
                    UserName = userName,
                    NormalizedUserName = userName.ToUpperInvariant(),
                    ExternalId = $"00u{i:x8}",
                    Attributes = $$$$"""{"{{{{Acme}}}}":{"costCenter":"CC{{{{i}}}}","level":{{{{i}}}},"office":{"floor":{{{{i}}}}}}}""",
                    Created = now.AddSeconds(i),
                    LastModified = now.AddSeconds(i),
                });
                db.MemberValues.Add(new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = $"{Acme}:costCenter", Value = $"CC{i}" });
                db.MemberValues.Add(new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = $"{Acme}:level", Integer = i });
                db.MemberValues.Add(new MemberValue { OrganizationId = organizationId, ScimId = scimId, Attribute = $"{Acme}:office.floor", Integer = i });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
