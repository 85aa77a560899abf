using FluentAssertions;
using MembershipStates.AspNetCore.Tests.Infrastructure;
using MembershipStates.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MembershipStates.AspNetCore.Tests;

/// <summary>What only SQLite needs: every connection syncs an acknowledged commit to disk.</summary>
public sealed class SqliteEngineTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task EveryConnection_IsWalWithSynchronousFull()
    {
        for (var i = 0; i < 3; i++)
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            (await command.ExecuteScalarAsync()).Should().Be(2L, "FULL: an acknowledged commit is on disk");
            command.CommandText = "PRAGMA journal_mode;";
            (await command.ExecuteScalarAsync()).Should().Be("wal");
            await db.Database.CloseConnectionAsync();
        }
    }
}
