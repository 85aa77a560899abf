using MembershipStates.AspNetCore;
using MembershipStates.SampleHost;
using MembershipStates.SampleHost.Data;
using MembershipStates.SampleHost.Scim;
using Microsoft.EntityFrameworkCore;

// The two-state app with SCIM: `dotnet run --project src/MembershipStates.SampleHost -- --urls http://127.0.0.1:5080`
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

builder.Services.AddDbContextPool<MembershipDbContext>((services, options) => options
    .UseSqlite(services.GetRequiredService<IConfiguration>().GetConnectionString("Membership") ?? SampleHostDefaults.ConnectionString)
    .AddInterceptors(new SqliteDurability()));
builder.Services.AddSingleton<Organizations>();
builder.Services.AddSingleton<IScimOrganizationResolver>(services => services.GetRequiredService<Organizations>());
builder.Services.AddScoped<IScimMemberStore, SampleMemberStore>();
builder.Services.AddMembershipStates();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await SampleHostStartup.PrepareAsync(app).ConfigureAwait(false);

app.MapScim("/scim/v2/organizations/{organization}");
app.MapHealthChecks("/healthz");

await app.RunAsync().ConfigureAwait(false);
