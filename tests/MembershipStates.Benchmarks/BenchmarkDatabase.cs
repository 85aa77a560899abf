using Microsoft.Data.Sqlite;
using Npgsql;

namespace MembershipStates.Benchmarks;

/// <summary>
/// A database of its own for one benchmark run: a SQLite file in a temporary directory, or a PostgreSQL database on the
/// server <c>MEMBERSHIPSTATES_TEST_POSTGRES</c> names (as for the tests). Removed on dispose.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "membership-states-bench", Guid.NewGuid().ToString("N"));
    private readonly string? _postgreSqlName;

    public BenchmarkDatabase(string engine)
    {
        Directory.CreateDirectory(_directory);
        if (engine == "Sqlite")
        {
            ConnectionString = $"Data Source={Path.Combine(_directory, "bench.db")}";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("MEMBERSHIPSTATES_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set MEMBERSHIPSTATES_TEST_POSTGRES to a PostgreSQL server's connection string.");
            _postgreSqlName = "membership_bench_" + Guid.NewGuid().ToString("N");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgreSqlName }.ConnectionString;
        }
    }

    /// <summary>Gets the value of <c>ConnectionStrings:Membership</c>; the host creates the database at start.</summary>
    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        if (_postgreSqlName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{_postgreSqlName}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }
}
