using MembershipStates.SampleHost;

// The two-state app with SCIM: `dotnet run --project src/MembershipStates.SampleHost -- --urls http://127.0.0.1:5080`
var app = await SampleHostApp.BuildAsync(args).ConfigureAwait(false);
await app.RunAsync().ConfigureAwait(false);
