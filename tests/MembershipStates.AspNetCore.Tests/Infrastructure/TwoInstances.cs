namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Two instances of the sample host as processes, started at the same moment on one new, empty database: both
/// create and migrate it. One pair per test class.
/// </summary>
public abstract class TwoInstances(Engine engine) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "membership-states-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;
    private SampleHostProcess? _a;
    private SampleHostProcess? _b;

    public Engine Engine => engine;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The instances did not start.");

    public SampleHostProcess A => _a ?? throw new InvalidOperationException("The instances did not start.");

    public SampleHostProcess B => _b ?? throw new InvalidOperationException("The instances did not start.");

    public async Task InitializeAsync()
    {
        if (!TestDatabase.IsAvailable(engine))
        {
            return;
        }

        Directory.CreateDirectory(_directory);
        _database = TestDatabase.Create(engine);
        var starting = new[] { SampleHostProcess.StartAsync(_database, _directory), SampleHostProcess.StartAsync(_database, _directory) };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _a = starting[0].IsCompletedSuccessfully ? starting[0].Result : null;
            _b = starting[1].IsCompletedSuccessfully ? starting[1].Result : null;
        }
    }

    /// <summary>Starts a third instance on the same database, for a test that kills it.</summary>
    public Task<SampleHostProcess> StartAnotherAsync() => SampleHostProcess.StartAsync(Database, _directory);

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _a, _b })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        _database?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>On one SQLite file.</summary>
    public sealed class OnSqlite() : TwoInstances(Engine.Sqlite);

    /// <summary>On one PostgreSQL database.</summary>
    public sealed class OnPostgreSql() : TwoInstances(Engine.PostgreSql);
}
