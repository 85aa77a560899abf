using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MembershipStates.SampleHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.Benchmarks;

/// <summary>
/// The in-process request path of the sample host (authentication, store, decision, SCIM JSON) against a bare
/// minimal-API endpoint that reads the same row and returns the same bytes, on each engine: SQLite (one file, WAL,
/// synchronous=FULL on both sides) and PostgreSQL (one database, through Npgsql's pool on both sides). Both run on
/// TestServer, logging off.
/// </summary>
/// <remarks>
/// <para><c>GET /Users/{id}</c> is one request per operation. The Okta deactivate PATCH is measured as a pair,
/// deactivate then reactivate, so that every request is a real state change that moves the membership between the
/// two tables; the bare side changes the same row twice, each in its own transaction.</para>
/// <para>PostgreSQL needs a server: <c>MEMBERSHIPSTATES_TEST_POSTGRES</c> names it (a connection string without a
/// database, as for the tests); the benchmark creates a database of its own and drops it at the end.</para>
/// <para>The bare write must change the row: SQLite skips writing a row whose new content equals the old
/// (<c>SET Attributes = Attributes</c>), and a transaction that writes no page commits without syncing anything,
/// so such a baseline would measure no durability at all. It bumps the version, as every SCIM change does, and is
/// synced like the host's commits.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RequestPathBenchmarks
{
    private const string Organization = "bench";
    private const string Token = "bench-token";
    private const string ReadSql =
        "SELECT \"Attributes\", \"Version\" FROM memberships WHERE \"ScimId\" = @id UNION ALL SELECT \"Attributes\", \"Version\" FROM inactive_memberships WHERE \"ScimId\" = @id";

    /// <summary>The member and its groups in one statement: what a User's answer, which shows <c>groups</c>, needs.</summary>
    private const string ReadWithGroupsSql =
        "SELECT m.\"Attributes\", m.\"Version\", g.\"ScimId\", g.\"DisplayName\" FROM memberships m LEFT JOIN group_members gm ON gm.\"OrganizationId\" = m.\"OrganizationId\" AND gm.\"UserId\" = m.\"UserId\" LEFT JOIN groups g ON g.\"Id\" = gm.\"GroupId\" WHERE m.\"ScimId\" = @id "
        + "UNION ALL SELECT r.\"Attributes\", r.\"Version\", g.\"ScimId\", g.\"DisplayName\" FROM inactive_memberships r LEFT JOIN inactive_group_members gm ON gm.\"OrganizationId\" = r.\"OrganizationId\" AND gm.\"UserId\" = r.\"UserId\" LEFT JOIN groups g ON g.\"Id\" = gm.\"GroupId\" WHERE r.\"ScimId\" = @id";

    private const string WriteSql = "UPDATE memberships SET \"Version\" = \"Version\" + 1 WHERE \"ScimId\" = @id";

    private string _deactivateSql = string.Empty;
    private string _reactivateSql = string.Empty;


    private BenchmarkDatabase? _database;
    private string _connectionString = string.Empty;
    private NpgsqlDataSource? _postgreSql;
    private WebApplication? _host;
    private WebApplication? _bare;
    private HttpClient _hostClient = null!;
    private HttpClient _bareClient = null!;
    private string _userPath = string.Empty;
    private string _barePath = string.Empty;
    private byte[] _userBytes = [];
    private readonly ConditionalWeakTable<object, object> _durableConnections = [];

    /// <summary>Gets or sets the engine both sides run on.</summary>
    [Params("Sqlite", "PostgreSQL")]
    public string Engine { get; set; } = "Sqlite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = new BenchmarkDatabase(Engine);
        _connectionString = _database.ConnectionString;

        _host = await BenchmarkHost.StartAsync(Engine, _database, Organization, Token);
        (_deactivateSql, _reactivateSql) = MoveStatements(_host.Services);
        _hostClient = BenchmarkHost.ClientOf(_host, Token);

        const string User = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Bench.User@example.com","externalId":"00ubench","name":{"givenName":"Bench","familyName":"User"},"emails":[{"primary":true,"value":"bench.user@example.com","type":"work"}],"displayName":"Bench User","active":true}""";
        using var created = await _hostClient.PostAsync(
            $"/scim/v2/organizations/{Organization}/Users",
            new StringContent(User, Encoding.UTF8, "application/scim+json"));
        var location = created.Headers.Location ?? throw new InvalidOperationException($"POST answered {(int)created.StatusCode}.");
        var id = location.Segments[^1];
        _userPath = $"/scim/v2/organizations/{Organization}/Users/{id}";
        _barePath = $"/bare/Users/{id}";
        _userBytes = await _hostClient.GetByteArrayAsync(_userPath);

        _bare = BuildBare();
        await _bare.StartAsync();
        _bareClient = _bare.GetTestClient();
        _bareClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        foreach (var path in new[] { _barePath, _barePath + "/withGroups" })
        {
            var bareBytes = await _bareClient.GetByteArrayAsync(path);
            if (!bareBytes.AsSpan().SequenceEqual(_userBytes))
            {
                throw new InvalidOperationException("The bare endpoint must answer the same bytes.");
            }
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _hostClient.Dispose();
        _bareClient.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_bare is not null)
        {
            await _bare.DisposeAsync();
        }

        if (_postgreSql is not null)
        {
            await _postgreSql.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("GET /Users/{id}")]
    public Task<byte[]> BareGet() => _bareClient.GetByteArrayAsync(_barePath);

    /// <summary>A reference, not the baseline: the bare read of what the answer really needs, the member and its groups, in one statement.</summary>
    [Benchmark]
    [BenchmarkCategory("GET /Users/{id}")]
    public Task<byte[]> BareGetWithGroups() => _bareClient.GetByteArrayAsync(_barePath + "/withGroups");

    [Benchmark]
    [BenchmarkCategory("GET /Users/{id}")]
    public Task<byte[]> ScimGet() => _hostClient.GetByteArrayAsync(_userPath);

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    [BenchmarkCategory("PATCH deactivate")]
    public async Task BareMovePair()
    {
        await BenchmarkHost.SendAsync(_bareClient, HttpMethod.Patch, _barePath + "/move?active=false", OktaPatch.Deactivate);
        await BenchmarkHost.SendAsync(_bareClient, HttpMethod.Patch, _barePath + "/move?active=true", OktaPatch.Reactivate);
    }

    [Benchmark(OperationsPerInvoke = 2)]
    [BenchmarkCategory("PATCH deactivate")]
    public async Task BareUpdatePair()
    {
        await BenchmarkHost.SendAsync(_bareClient, HttpMethod.Patch, _barePath, OktaPatch.Deactivate);
        await BenchmarkHost.SendAsync(_bareClient, HttpMethod.Patch, _barePath, OktaPatch.Reactivate);
    }

    [Benchmark(OperationsPerInvoke = 2)]
    [BenchmarkCategory("PATCH deactivate")]
    public async Task ScimDeactivateReactivatePair()
    {
        await BenchmarkHost.SendAsync(_hostClient, HttpMethod.Patch, _userPath, OktaPatch.Deactivate);
        await BenchmarkHost.SendAsync(_hostClient, HttpMethod.Patch, _userPath, OktaPatch.Reactivate);
    }

    /// <summary>
    /// The two-state move written by hand: copy the member's row to the other table with the version bumped, and
    /// delete it from the one it was in. The columns come from the host's model, so the statements follow it.
    /// </summary>
    private static (string Deactivate, string Reactivate) MoveStatements(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<MembershipDbContext>().Model;
        static string[] Columns(IEntityType entity) =>
            [.. entity.GetProperties().Select(p => p.GetColumnName())];
        var row = Columns(model.FindEntityType(typeof(Membership))!);
        var record = Columns(model.FindEntityType(typeof(InactiveMembership))!);
        var shared = row.Intersect(record).ToArray();

        static string Quoted(string column) => $"\"{column}\"";
        string Move(string from, string to, string stamp)
        {
            var target = string.Join(", ", shared.Select(Quoted).Append(Quoted(stamp)));
            var source = string.Join(", ", shared.Select(c => c == "Version" ? "\"Version\" + 1" : Quoted(c)).Append("\"LastModified\""));
            return $"INSERT INTO {to} ({target}) SELECT {source} FROM {from} WHERE \"ScimId\" = @id; DELETE FROM {from} WHERE \"ScimId\" = @id";
        }

        return (Move("memberships", "inactive_memberships", "DeactivatedAt"), Move("inactive_memberships", "memberships", "JoinedAt"));
    }


    /// <summary>The least an endpoint can do: check the token, read the row (or change it durably), answer fixed bytes.</summary>
    private WebApplication BuildBare()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var expectedAuthorization = "Bearer " + Token;

        if (Engine == "Sqlite")
        {
            // SQLite: a pooled connection per request, set to the host's durability as the host sets it, once per
            // native connection of the pool.
            MapBare(app, expectedAuthorization, "@id", async () =>
            {
                var connection = new SqliteConnection(_connectionString);
                await connection.OpenAsync();
                if (connection.Handle is { } handle && _durableConnections.TryAdd(handle, handle))
                {
                    await using var pragma = connection.CreateCommand();
                    pragma.CommandText = "PRAGMA synchronous = FULL;";
                    await pragma.ExecuteNonQueryAsync();
                }

                return connection;
            });
        }
        else
        {
            // PostgreSQL: a connection of Npgsql's pool per request; the server syncs each commit.
            _postgreSql = NpgsqlDataSource.Create(_connectionString);
            MapBare(app, expectedAuthorization, "$1", async () => await _postgreSql.OpenConnectionAsync());
        }

        return app;
    }

    /// <summary>The bare endpoints on one engine: the two tables read with one UNION; one synced UPDATE in a transaction.</summary>
    /// <param name="parameter">How the engine names the one parameter (<c>@id</c>, <c>$1</c>).</param>
    private void MapBare(WebApplication app, string expectedAuthorization, string parameter, Func<Task<DbConnection>> open)
    {
        MapBareRead("/bare/Users/{id}", ReadSql);
        MapBareRead("/bare/Users/{id}/withGroups", ReadWithGroupsSql);

        app.MapPatch("/bare/Users/{id}", async (HttpContext context, string id) =>
        {
            if (context.Request.Headers.Authorization != expectedAuthorization)
            {
                return Results.Unauthorized();
            }

            using var body = new StreamReader(context.Request.Body);
            _ = await body.ReadToEndAsync();
            await using var connection = await open();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = Command(connection, WriteSql, parameter, id);
            command.Transaction = transaction;
            var changed = await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            return changed == 1 ? Results.Bytes(_userBytes, "application/scim+json; charset=utf-8") : Results.NotFound();
        });

        MapBareMove(app, expectedAuthorization, parameter, open);

        void MapBareRead(string pattern, string sql) =>
            app.MapGet(pattern, async (HttpContext context, string id) =>
            {
                if (context.Request.Headers.Authorization != expectedAuthorization)
                {
                    return Results.Unauthorized();
                }

                await using var connection = await open();
                await using var command = Command(connection, sql, parameter, id);
                return await AnswerReadAsync(command);
            });
    }

    private void MapBareMove(WebApplication app, string expectedAuthorization, string parameter, Func<Task<DbConnection>> open)
    {
        app.MapPatch("/bare/Users/{id}/move", async (HttpContext context, string id, bool active) =>
        {
            if (context.Request.Headers.Authorization != expectedAuthorization)
            {
                return Results.Unauthorized();
            }

            using var body = new StreamReader(context.Request.Body);
            _ = await body.ReadToEndAsync();
            await using var connection = await open();
            await using var transaction = await connection.BeginTransactionAsync();
            var changed = 0;
            foreach (var statement in (active ? _reactivateSql : _deactivateSql).Split("; "))
            {
                await using var command = Command(connection, statement, parameter, id);
                command.Transaction = transaction;
                changed += await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            return changed == 2 ? Results.Bytes(_userBytes, "application/scim+json; charset=utf-8") : Results.NotFound();
        });
    }

    private static DbCommand Command(DbConnection connection, string sql, string parameter, string id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Replace("@id", parameter, StringComparison.Ordinal);
        var value = command.CreateParameter();
        if (parameter.StartsWith('@'))
        {
            value.ParameterName = parameter;
        }

        value.Value = id;
        command.Parameters.Add(value);
        return command;
    }

    private async Task<IResult> AnswerReadAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return Results.NotFound();
        }

        _ = reader.GetString(0);
        while (await reader.ReadAsync())
        {
            // Every row: one per group of the member.
        }

        return Results.Bytes(_userBytes, "application/scim+json; charset=utf-8");
    }
}
