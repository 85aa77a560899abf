using MembershipStates.AspNetCore;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;

namespace MembershipStates.SampleHost;

/// <summary>The whole host: what the app registers, prepares and maps to serve SCIM.</summary>
internal static class SampleHostApp
{
    /// <summary>Builds the host, migrates the database, creates the organizations, and maps the endpoints; ready to run.</summary>
    /// <param name="args">The command line: standard ASP.NET Core configuration, such as <c>--urls</c>.</param>
    /// <param name="configure">Changes the builder before it builds, for tests and benchmarks.</param>
    /// <exception cref="SampleHostStartupException">The configuration or the database does not allow a start.</exception>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        // The app's database, on the engine the configuration names (Storage:Provider, ConnectionStrings:Membership).
        StorageConfiguration.Register(builder.Services);

        // What SCIM adds: the organizations' tokens, the stores over the app's tables, and the endpoints.
        builder.Services.AddSingleton<Organizations>();
        builder.Services.AddSingleton<IScimOrganizationResolver>(services => services.GetRequiredService<Organizations>());
        builder.Services.AddSingleton<MemberQueries>();
        builder.Services.AddSingleton<ExtensionAttributes>();
        builder.Services.AddScoped<IScimMemberStore, SampleMemberStore>();
        builder.Services.AddSingleton<GroupQueries>();
        builder.Services.AddScoped<IScimGroupStore, SampleGroupStore>();
        builder.Services.AddMembershipStates();

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddSampleHostTelemetry();
        configure?.Invoke(builder);

        var app = builder.Build();
        await SampleHostStartup.PrepareAsync(app).ConfigureAwait(false);
        app.MapMembershipStates("/scim/v2/organizations/{organization}");
        app.MapHealthChecks("/healthz");
        return app;
    }
}
