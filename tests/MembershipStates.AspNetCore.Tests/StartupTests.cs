using FluentAssertions;
using MembershipStates.SampleHost.Scim;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>The sample host's configuration contract at start.</summary>
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
    public void InvalidOrganizationConfiguration_FailsTheStart(string name, string key, string value)
    {
        using var factory = Factory(builder => builder.UseSetting($"Organizations:{name}:{key}", value));

        var start = () => factory.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*Organizations:*");
    }

    [Fact]
    public void DatabaseWithAnotherSchema_FailsTheStartWithWhatToDo()
    {
        using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE memberships (OrganizationId INTEGER, UserId INTEGER);";
            command.ExecuteNonQuery();
        }

        using var factory = Factory(builder => builder.UseSetting("Organizations:acme:Token", "t"));

        var start = () => factory.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*schema*Delete the file*");
    }

    [Fact]
    public void DatabaseWithoutAColumnOfThisVersion_FailsTheStartWithWhatToDo()
    {
        using (var factory = Factory(builder => builder.UseSetting("Organizations:acme:Token", "t")))
        {
            _ = factory.Server;
        }

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            // The file as an earlier version of the sample created it, before e-mail addresses were normalized.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE inactive_memberships DROP COLUMN NormalizedEmail;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        using var restarted = Factory(builder => builder.UseSetting("Organizations:acme:Token", "t"));

        var start = () => restarted.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*schema*Delete the file*");
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

    private WebApplicationFactory<Program> Factory(Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Membership", $"Data Source={DatabasePath}");
            configure?.Invoke(builder);
        });
}
