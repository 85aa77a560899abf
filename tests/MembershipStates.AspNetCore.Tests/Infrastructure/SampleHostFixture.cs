using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The real sample host in memory, on a real SQLite file in a temporary directory of its own: one per test class.
/// </summary>
/// <remarks>Two organizations, <c>acme</c> and <c>globex</c>, each with its own token.</remarks>
public sealed class SampleHostFixture : IDisposable
{
    public const string Acme = "acme";
    public const string Globex = "globex";
    public const string AcmeToken = "acme-token-6f1c0e";
    public const string GlobexToken = "globex-token-93b2d7";

    private readonly string _directory;
    private WebApplicationFactory<Program> _factory;

    public SampleHostFixture()
    {
        _directory = Path.Combine(Path.GetTempPath(), "membership-states-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "membership-states.db");
        _factory = Start();
    }

    public string DatabasePath { get; }

    public IServiceProvider Services => _factory.Services;

    public static string BasePath(string organization) => $"/scim/v2/organizations/{organization}";

    /// <summary>A client of one organization's SCIM base, with its bearer token.</summary>
    public ScimClient Client(string organization = Acme, string? token = null) =>
        new(_factory.CreateClient(), BasePath(organization), token ?? TokenOf(organization));

    /// <summary>A client with no Authorization header, or any header value.</summary>
    public HttpClient RawClient() => _factory.CreateClient();

    /// <summary>Stops the host and starts a new one on the same database file, as a restart of the process would.</summary>
    public void Restart()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        _factory = Start();
    }

    public void Dispose()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private static string TokenOf(string organization) => organization switch
    {
        Acme => AcmeToken,
        Globex => GlobexToken,
        _ => "no-such-token",
    };

    private WebApplicationFactory<Program> Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Membership", $"Data Source={DatabasePath}");
            builder.UseSetting($"Organizations:{Acme}:Token", AcmeToken);
            builder.UseSetting($"Organizations:{Globex}:Token", GlobexToken);
        });

        // Start it now, so that a failure to start shows here and not in the first request.
        _ = factory.Server;
        return factory;
    }
}
