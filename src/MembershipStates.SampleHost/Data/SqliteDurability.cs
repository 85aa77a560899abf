using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MembershipStates.SampleHost.Data;

/// <summary>
/// Makes every connection wait for the disk on commit, so that an acknowledged change survives a hard kill or a
/// power loss.
/// </summary>
/// <remarks>
/// The database runs in WAL mode (set once, kept in the file). With <c>synchronous=FULL</c> each commit syncs the
/// write-ahead log; <c>NORMAL</c> would be durable against a process kill but not against a power loss. The
/// setting is per connection, so it is applied whenever one opens.
/// </remarks>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
