using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost;

/// <summary>The whole host: what the app registers, prepares and maps to serve SCIM.</summary>
internal static class SampleHostApp
{
    /// <summary>Builds the host, creates the schema and the organizations, and maps the endpoints; ready to run.</summary>
    /// <param name="args">The command line: standard ASP.NET Core configuration, such as <c>--urls</c>.</param>
    /// <param name="configure">Changes the builder before it builds, for tests and benchmarks.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        // The app's database, as it was.
        builder.Services.AddDbContextPool<MembershipDbContext>((services, options) => options
            .UseSqlite(ConnectionString(services))
            .AddInterceptors(new SqliteDurability()));

        // The two statements of every change (read a member by id, commit a decision on it), kept prepared.
        builder.Services.AddSingleton(services => new MemberStatements(ConnectionString(services)));

        // What SCIM adds: the organizations' tokens, the store over the app's tables, and the endpoints.
        builder.Services.AddSingleton<Organizations>();
        builder.Services.AddSingleton<IScimOrganizationResolver>(services => services.GetRequiredService<Organizations>());
        builder.Services.AddScoped<IScimMemberStore, SampleMemberStore>();
        builder.Services.AddMembershipStates();

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddSampleHostTelemetry();
        configure?.Invoke(builder);

        var app = builder.Build();
        await SampleHostStartup.PrepareAsync(app).ConfigureAwait(false);
        app.MapScim("/scim/v2/organizations/{organization}");
        app.MapHealthChecks("/healthz");
        return app;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString("Membership") ?? SampleHostDefaults.ConnectionString;
}
