using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The sample host as a real process (<c>dotnet MembershipStates.SampleHost.dll</c>), on a port of its own, for what
/// one process cannot show: several instances on one database, a kill, the exit of a failed start.
/// </summary>
public sealed partial class SampleHostProcess : IAsyncDisposable
{
    public const string Organization = "acme";
    public const string Token = "process-token-4e1d";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpClient? _http;

    private SampleHostProcess(IReadOnlyDictionary<string, string> settings, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MembershipStates.SampleHost.dll"));

        // Port 0: the system picks a free port, and the host prints its base URL with it.
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment[$"Organizations__{Organization}__Token"] = Token;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) => Received(line.Data);
        _process.ErrorDataReceived += (_, line) => Received(line.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The host exited ({_process.ExitCode}) before it listened:\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Gets everything the process printed so far, standard output and error.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Gets what the process printed until it listened: its start.</summary>
    public string StartOutput { get; private set; } = string.Empty;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>A provider's client of organization <see cref="Organization"/> on this instance.</summary>
    public ScimClient Client => new(_http ?? throw new InvalidOperationException("The host has not started."), SampleHostFixture.BasePath(Organization), Token);

    /// <summary>Starts an instance and waits until it serves, or fails with what it printed.</summary>
    public static async Task<SampleHostProcess> StartAsync(TestDatabase database, string workingDirectory)
    {
        var host = new SampleHostProcess(database.Settings, workingDirectory);
        try
        {
            var root = await host._listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            host._http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(60) };
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the host until it exits by itself (a start that fails), and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> settings, string workingDirectory)
    {
        var host = new SampleHostProcess(settings, workingDirectory);
        await using (host)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await host._process.WaitForExitAsync(timeout.Token);
            return (host.ExitCode, host.Output);
        }
    }

    /// <summary>Kills the process at once (SIGKILL on Unix): no shutdown, no flush, nothing it did not already write.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        // "SCIM base URL (acme): http://127.0.0.1:PORT/scim/v2/organizations/acme"
        if (BaseUrlLine().Match(line) is { Success: true } match && !_listening.Task.IsCompleted)
        {
            StartOutput = Output;
            _listening.TrySetResult(new Uri(match.Groups["root"].Value));
        }
    }

    [GeneratedRegex(@"^SCIM base URL \([^)]*\): (?<root>http://[^/]+)/")]
    private static partial Regex BaseUrlLine();
}
