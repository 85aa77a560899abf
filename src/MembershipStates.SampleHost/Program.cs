using MembershipStates.SampleHost;

// The two-state app with SCIM: `dotnet run --project src/MembershipStates.SampleHost -- --urls http://127.0.0.1:5080`
WebApplication app;
try
{
    app = await SampleHostApp.BuildAsync(args).ConfigureAwait(false);
}
catch (SampleHostStartupException exception)
{
    // A configuration or database the host cannot start on: one line that says what to change, no stack trace.
    await Console.Error.WriteLineAsync($"MembershipStates sample host cannot start: {exception.Message}").ConfigureAwait(false);
    return 1;
}

await app.RunAsync().ConfigureAwait(false);
return 0;
