using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>How the sample host is observed: OpenTelemetry only when a collector is configured, and a /healthz that asks the database.</summary>
public sealed class SampleHostTelemetryTests
{
    [Fact]
    public async Task AddSampleHostTelemetry_WithAnOtlpEndpoint_ExportsTheMembershipStatesMeterAndSource()
    {
        // A collector that is not there: nothing is exported before the host is disposed, and then the exporter gives up quickly.
        var builder = WebApplication.CreateBuilder(["--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:9", "--OTEL_EXPORTER_OTLP_TIMEOUT=200"]);
        builder.Services.AddMembershipStates();

        builder.AddSampleHostTelemetry();
        await using var app = builder.Build();

        app.Services.GetService<TracerProvider>().Should().NotBeNull();
        app.Services.GetService<MeterProvider>().Should().NotBeNull();

        // OpenTelemetry's listener, the only one on this host's meter factory, has enabled the request-duration histogram.
        var scope = app.Services.GetRequiredService<ScimTelemetry>().StartRequest(Endpoint());
        scope.Activity?.Dispose();
        scope.StartTimestamp.Should().NotBe(0);
    }

    [Fact]
    public async Task AddSampleHostTelemetry_WithoutAnOtlpEndpoint_RegistersNothing()
    {
        var builder = WebApplication.CreateBuilder(["--OTEL_EXPORTER_OTLP_ENDPOINT="]);
        builder.Services.AddMembershipStates();
        var registered = builder.Services.Count;

        builder.AddSampleHostTelemetry();

        builder.Services.Count.Should().Be(registered);
        await using var app = builder.Build();
        app.Services.GetService<TracerProvider>().Should().BeNull();
        app.Services.GetService<MeterProvider>().Should().BeNull();
        var scope = app.Services.GetRequiredService<ScimTelemetry>().StartRequest(Endpoint());
        scope.Activity?.Dispose();
        scope.StartTimestamp.Should().Be(0, "nothing listens to the meter");
    }

    [Fact]
    public async Task Healthz_WhenTheDatabaseIsGone_Is503()
    {
        using var host = new SqliteHost();
        var databasePath = new SqliteConnectionStringBuilder(host.Database.ConnectionString).DataSource;
        using (var healthy = await host.RawClient().GetAsync("/healthz"))
        {
            ((int)healthy.StatusCode).Should().Be(200);
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        using var response = await host.RawClient().GetAsync("/healthz");

        ((int)response.StatusCode).Should().Be(503, "/healthz asks the database, not only whether the process runs");
    }

    private static ScimEndpoint Endpoint() => new("Users.Read", 2, readsBody: false, _ => throw new InvalidOperationException());
}
