using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The real sample host in memory on a real database of its own, SQLite or PostgreSQL: one per test class.
/// </summary>
/// <remarks>
/// <para>Two organizations, <c>acme</c> and <c>globex</c>, each with its own token.</para>
/// <para>Each test class that runs on both engines is abstract over this fixture and has one concrete class per
/// engine (<see cref="SqliteHost"/>, <see cref="PostgreSqlHost"/>). Where the engine cannot run here (no PostgreSQL
/// server configured), every member that a test uses skips the test with the reason.</para>
/// </remarks>
public abstract class SampleHostFixture : IDisposable
{
    public const string Acme = "acme";
    public const string Globex = "globex";
    public const string AcmeToken = "acme-token-6f1c0e";
    public const string GlobexToken = "globex-token-93b2d7";

    private readonly TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;

    protected SampleHostFixture(Engine engine)
    {
        Engine = engine;
        if (TestDatabase.IsAvailable(engine))
        {
            _database = TestDatabase.Create(engine);
            _factory = Start();
        }
    }

    public Engine Engine { get; }

    /// <summary>Gets the database the host runs on.</summary>
    public TestDatabase Database => Available()._database!;

    public IServiceProvider Services => Available()._factory!.Services;

    public static string BasePath(string organization) => $"/scim/v2/organizations/{organization}";

    /// <summary>A client of one organization's SCIM base, with its bearer token.</summary>
    public ScimClient Client(string organization = Acme, string? token = null) =>
        new(Available()._factory!.CreateClient(), BasePath(organization), token ?? TokenOf(organization));

    /// <summary>A client with no Authorization header, or any header value.</summary>
    public HttpClient RawClient() => Available()._factory!.CreateClient();

    /// <summary>Stops the host and starts a new one on the same database, as a restart of the process would.</summary>
    public void Restart()
    {
        Available()._factory!.Dispose();
        _factory = Start();
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Adds to the sample's services, as a host's own code would: nothing by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private static string TokenOf(string organization) => organization switch
    {
        Acme => AcmeToken,
        Globex => GlobexToken,
        _ => "no-such-token",
    };

    private SampleHostFixture Available()
    {
        Skip.If(_factory is null, TestDatabase.UnavailableReason);
        return this;
    }

    private WebApplicationFactory<Program> Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in _database!.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting($"Organizations:{Acme}:Token", AcmeToken);
            builder.UseSetting($"Organizations:{Globex}:Token", GlobexToken);
            builder.ConfigureServices(ConfigureServices);
        });

        // Start it now, so that a failure to start shows here and not in the first request.
        _ = factory.Server;
        return factory;
    }
}

/// <summary>The sample host on a SQLite file of its own.</summary>
public sealed class SqliteHost() : SampleHostFixture(Engine.Sqlite);

/// <summary>The sample host on a PostgreSQL database of its own.</summary>
public sealed class PostgreSqlHost() : SampleHostFixture(Engine.PostgreSql);
