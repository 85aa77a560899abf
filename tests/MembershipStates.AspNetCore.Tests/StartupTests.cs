using FluentAssertions;
using MembershipStates.SampleHost;
using MembershipStates.SampleHost.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>The sample host's configuration contract at start.</summary>
/// <remarks>
/// Alone in a collection that runs after the others: ASP.NET Core's test factory applies its settings to any host
/// built in the process while one starts, and these tests build hosts of their own.
/// </remarks>
[Collection(nameof(StartupTests))]
public sealed class StartupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "membership-states-tests", Guid.NewGuid().ToString("N"));

    public StartupTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "membership-states.db");

    [Fact]
    public void NoOrganizationsConfigured_CreatesDemoWithARandomToken()
    {
        using var factory = Factory();

        var organizations = factory.Services.GetRequiredService<Organizations>().All;

        organizations.Select(o => o.Name).Should().Equal("demo");
        organizations.Single().TokenHash.Should().HaveCount(32);
    }

    [Theory]
    [InlineData("bad name", "Token", "t")]
    [InlineData("acme", "Token", "")]
    [InlineData("acme", "Secret", "t")]
    public async Task InvalidOrganizationConfiguration_FailsTheStart(string name, string key, string value)
    {
        var start = () => BuildAsync($"--Organizations:{name}:{key}={value}");

        await start.Should().ThrowAsync<SampleHostStartupException>().WithMessage("*Organizations:*");
    }

    [Theory]
    [InlineData("MySql")]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public async Task UnknownProvider_FailsTheStartNamingTheProvidersThereAre(string provider)
    {
        var start = () => BuildAsync($"--Storage:Provider={provider}");

        await start.Should().ThrowAsync<SampleHostStartupException>().WithMessage($"Storage:Provider '{provider}'*'Sqlite'*'PostgreSQL'*");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("SQLITE")]
    [InlineData("Sqlite")]
    public void ProviderNames_AreReadInAnyCase(string provider)
    {
        using var factory = Factory(builder => builder.UseSetting("Storage:Provider", provider));

        var start = () => factory.Server;

        start.Should().NotThrow();
    }

    [Fact]
    public async Task PostgreSqlWithoutAConnectionString_FailsTheStartWithAnExample()
    {
        var start = () => SampleHostApp.BuildAsync(["--Storage:Provider=PostgreSQL"], builder => builder.WebHost.UseTestServer());

        await start.Should().ThrowAsync<SampleHostStartupException>().WithMessage("ConnectionStrings:Membership is required*Host=*");
    }

    [Fact]
    public async Task UnreachableSqliteDatabase_FailsTheStartNamingIt()
    {
        var missing = Path.Combine(_directory, "no-such-directory", "membership.db");

        var start = () => BuildAsync($"--ConnectionStrings:Membership=Data Source={missing}");

        await start.Should().ThrowAsync<SampleHostStartupException>().WithMessage($"The database SQLite '{missing}' cannot be opened: *");
    }

    [Fact]
    public async Task UnreachablePostgreSqlServer_FailsTheStartNamingIt()
    {
        // Nothing listens on port 1 of the loopback address: the connection is refused at once.
        var start = () => BuildAsync(
            "--Storage:Provider=PostgreSQL",
            "--ConnectionStrings:Membership=Host=127.0.0.1;Port=1;Database=membership;Username=postgres;Password=secret-password;Timeout=3");

        (await start.Should().ThrowAsync<SampleHostStartupException>()
            .WithMessage("The database PostgreSQL 'membership' on 127.0.0.1:1 cannot be opened: *"))
            .Which.Message.Should().NotContain("secret-password");
    }

    [Fact]
    public async Task DatabaseMadeWithoutMigrations_FailsTheStartWithWhatToDo()
    {
        // A file with the app's tables and no migrations history: what an earlier version of the sample created.
        using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE users (Id INTEGER PRIMARY KEY, Email TEXT);";
            command.ExecuteNonQuery();
        }

        var start = () => BuildAsync("--Organizations:acme:Token=t");

        await start.Should().ThrowAsync<SampleHostStartupException>().WithMessage("*has tables that no migration of this host created*delete it*");
    }

    [Fact]
    public void MigratedDatabase_StartsAgainAndKeepsItsOrganizations()
    {
        int firstId;
        using (var first = Factory(builder => builder.UseSetting("Organizations:acme:Token", "t")))
        {
            firstId = first.Services.GetRequiredService<Organizations>().All.Single().Id;
        }

        using var second = Factory(builder => builder.UseSetting("Organizations:acme:Token", "t"));

        second.Services.GetRequiredService<Organizations>().All.Single().Id.Should().Be(firstId);
    }

    public void Dispose()
    {
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

    /// <summary>Builds the host as <c>Program</c> does, on this test's SQLite file unless the arguments say otherwise.</summary>
    private async Task BuildAsync(params string[] args)
    {
        var app = await SampleHostApp.BuildAsync(
            [$"--ConnectionStrings:Membership=Data Source={DatabasePath}", .. args],
            builder => builder.WebHost.UseTestServer());
        await app.DisposeAsync();
    }

    private WebApplicationFactory<Program> Factory(Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Membership", $"Data Source={DatabasePath}");
            configure?.Invoke(builder);
        });
}

/// <summary>The tests that build hosts outside ASP.NET Core's test factory: run alone.</summary>
[CollectionDefinition(nameof(StartupTests), DisableParallelization = true)]
public sealed class StartupTestsRunAlone;
