using Microsoft.Data.Sqlite;
using Npgsql;

namespace MembershipStates.AspNetCore.Tests.Infrastructure;

/// <summary>The database engines the sample host runs on; every end-to-end test class runs on each.</summary>
public enum Engine
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// A database of its own for one test class or test: a SQLite file in a temporary directory, or a PostgreSQL database
/// with a new name on the server the environment names. Removed on dispose.
/// </summary>
/// <remarks>
/// PostgreSQL tests need a server: <c>MEMBERSHIPSTATES_TEST_POSTGRES</c> holds a connection string without a
/// database, such as <c>Host=127.0.0.1;Port=5432;Username=postgres</c> (<c>.ci/run</c> starts a throwaway cluster and
/// sets it). Without it they are reported as skipped, with this reason, and <c>.ci/run</c> fails on any skipped test.
/// </remarks>
public abstract class TestDatabase : IDisposable
{
    public const string PostgreSqlVariable = "MEMBERSHIPSTATES_TEST_POSTGRES";

    public static string? PostgreSqlServer { get; } = Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } server ? server : null;

    public static string UnavailableReason =>
        $"PostgreSQL is not configured: set {PostgreSqlVariable} to a server's connection string (bash .ci/run starts one).";

    public abstract Engine Engine { get; }

    /// <summary>Gets the value of <c>Storage:Provider</c> for this engine.</summary>
    public string Provider => Engine == Engine.Sqlite ? "Sqlite" : "PostgreSQL";

    /// <summary>Gets the value of <c>ConnectionStrings:Membership</c>.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Gets the sample host's configuration for this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage:Provider"] = Provider,
        ["ConnectionStrings:Membership"] = ConnectionString,
    };

    /// <summary>Creates a new, empty database of an engine; the sample host creates its schema when it starts.</summary>
    public static TestDatabase Create(Engine engine) => engine switch
    {
        Engine.Sqlite => new SqliteTestDatabase(),
        Engine.PostgreSql => new PostgreSqlTestDatabase(PostgreSqlServer ?? throw new InvalidOperationException(UnavailableReason)),
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };

    /// <summary>Whether tests on the engine can run here.</summary>
    public static bool IsAvailable(Engine engine) => engine == Engine.Sqlite || PostgreSqlServer is not null;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    private sealed class SqliteTestDatabase : TestDatabase
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "membership-states-tests", Guid.NewGuid().ToString("N"));

        public SqliteTestDatabase()
        {
            Directory.CreateDirectory(_directory);
            ConnectionString = $"Data Source={Path.Combine(_directory, "membership-states.db")}";
        }

        public override Engine Engine => Engine.Sqlite;

        public override string ConnectionString { get; }

        protected override void Dispose(bool disposing)
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
    }

    private sealed class PostgreSqlTestDatabase : TestDatabase
    {
        private readonly string _server;
        private readonly string _name = "membership_test_" + Guid.NewGuid().ToString("N");

        public PostgreSqlTestDatabase(string server)
        {
            _server = server;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
        }

        public override Engine Engine => Engine.PostgreSql;

        public override string ConnectionString { get; }

        protected override void Dispose(bool disposing)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
    }
}
