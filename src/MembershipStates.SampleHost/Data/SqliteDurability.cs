using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MembershipStates.SampleHost.Data;

/// <summary>
/// Makes every connection wait for the disk on commit, so that an acknowledged change survives a hard kill or a
/// power loss.
/// </summary>
/// <remarks>
/// The database runs in WAL mode (set once, kept in the file). With <c>synchronous=FULL</c> each commit syncs the
/// write-ahead log; <c>NORMAL</c> would be durable against a process kill but not against a power loss. The
/// setting belongs to the native connection, which the pool keeps across opens, so it is applied once per native
/// connection rather than at every open.
/// </remarks>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = FULL;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
