using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MembershipStates.SampleHost.Data;

/// <summary>
/// The sample's storage contract: <c>Storage:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>) and
/// <c>ConnectionStrings:Membership</c>, read once at start.
/// </summary>
internal sealed record StorageConfiguration(StorageProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite database in the working directory, used when <c>ConnectionStrings:Membership</c> is not set.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=membership-states.db";

    /// <summary>Reads the contract, or fails the start with one line that says what to change.</summary>
    public static StorageConfiguration Read(IConfiguration configuration)
    {
        var name = configuration["Storage:Provider"];
        StorageProvider provider;
        if (string.IsNullOrWhiteSpace(name) || name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            provider = StorageProvider.Sqlite;
        }
        else if (name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            provider = StorageProvider.PostgreSql;
        }
        else
        {
            throw new SampleHostStartupException($"Storage:Provider '{name}' is not a database this host runs on: use 'Sqlite' (the default) or 'PostgreSQL'.");
        }

        var connectionString = configuration.GetConnectionString("Membership");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == StorageProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new SampleHostStartupException(
                    "ConnectionStrings:Membership is required with Storage:Provider PostgreSQL, for example 'Host=127.0.0.1;Port=5432;Database=membership;Username=postgres'.");
        }

        return new StorageConfiguration(provider, connectionString);
    }

    /// <summary>
    /// Registers a pooled context per engine and <see cref="MembershipDbContext"/> as the one the configuration
    /// names, read when first resolved: the final configuration, command line and tests' settings included.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(services => Read(services.GetRequiredService<IConfiguration>()));
        services.AddDbContextPool<SqliteMembershipDbContext>((services, options) =>
            ConfigureSqlite(options, services.GetRequiredService<StorageConfiguration>().ConnectionString));
        services.AddDbContextPool<PostgreSqlMembershipDbContext>((services, options) =>
            ConfigurePostgreSql(options, services.GetRequiredService<StorageConfiguration>().ConnectionString));
        services.AddScoped<MembershipDbContext>(services => services.GetRequiredService<StorageConfiguration>().Provider switch
        {
            StorageProvider.Sqlite => services.GetRequiredService<SqliteMembershipDbContext>(),
            StorageProvider.PostgreSql => services.GetRequiredService<PostgreSqlMembershipDbContext>(),
            var other => throw new InvalidOperationException($"No context for {other}."),
        });
    }

    /// <summary>SQLite: every connection syncs each commit to disk (<see cref="SqliteDurability"/>).</summary>
    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        Common(options.UseSqlite(connectionString).AddInterceptors(new SqliteDurability()));

    /// <summary>
    /// PostgreSQL through Npgsql: a transaction that fails transiently (a serializable transaction that could not be
    /// ordered after a concurrent one, a dropped connection) runs again.
    /// </summary>
    public static void ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        Common(options.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.EnableRetryOnFailure()));

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, unless it sets <c>Max Auto Prepare</c> itself:
    /// a statement run a few times on a connection is prepared on the server, which then neither parses nor plans
    /// it again. The store runs the same few statements on every request, so each connection of the pool keeps
    /// them prepared.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// A command or save that fails is logged at Debug, not Error: it is a race the store answers (a unique index or
    /// a serialization failure: a conflict, read and decided again) or it fails the request, which the SCIM adapter
    /// logs once, with the exception, as the request's failure.
    /// </summary>
    private static void Common(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>Creates a context of the configured engine outside the pool, such as the one that migrates at start.</summary>
    /// <param name="loggerFactory">Where EF Core logs; <see langword="null"/> to log nothing.</param>
    public MembershipDbContext CreateContext(ILoggerFactory? loggerFactory = null)
    {
        switch (Provider)
        {
            case StorageProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteMembershipDbContext>().UseLoggerFactory(loggerFactory ?? NullLoggerFactory.Instance);
                ConfigureSqlite(sqlite, ConnectionString);
                return new SqliteMembershipDbContext(sqlite.Options);
            case StorageProvider.PostgreSql:
                var postgreSql = new DbContextOptionsBuilder<PostgreSqlMembershipDbContext>().UseLoggerFactory(loggerFactory ?? NullLoggerFactory.Instance);
                ConfigurePostgreSql(postgreSql, ConnectionString);
                return new PostgreSqlMembershipDbContext(postgreSql.Options);
            default:
                throw new InvalidOperationException($"No context for {Provider}.");
        }
    }

    /// <summary>Names the database for a person, without a password: the SQLite file, or PostgreSQL's host, port and database.</summary>
    public string Describe()
    {
        try
        {
            return Provider == StorageProvider.Sqlite
                ? $"SQLite '{new SqliteConnectionStringBuilder(ConnectionString).DataSource}'"
                : new NpgsqlConnectionStringBuilder(ConnectionString) is var builder
                    ? $"PostgreSQL '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}"
                    : string.Empty;
        }
        catch (ArgumentException)
        {
            return $"{Provider} (the connection string cannot be read)";
        }
    }
}
