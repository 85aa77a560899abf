using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Data;

/// <summary>Brings the database to this version's schema at start: created when missing, migrated, ready to serve.</summary>
internal static class MembershipDatabase
{
    /// <summary>
    /// Applies the engine's migrations (creating the database when it does not exist), on a context that logs
    /// nothing: a failure is one line of <see cref="SampleHostStartupException"/>, not EF Core's stack traces.
    /// </summary>
    /// <remarks>
    /// Safe when several instances start at once on one empty database: EF Core holds a database-wide lock while it
    /// migrates, and a database another instance created, or a migration it applied, a moment before is simply
    /// migrated again.
    /// </remarks>
    /// <exception cref="SampleHostStartupException">The database cannot be reached, or has tables its migrations history does not list.</exception>
    public static async Task MigrateAsync(StorageConfiguration storage, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var db = storage.CreateContext();
            await using (db.ConfigureAwait(false))
            {
                try
                {
                    await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                    if (storage.Provider == StorageProvider.Sqlite)
                    {
                        // WAL lets readers go on while one writer commits, in this process and in others on the same
                        // file; the mode is kept in the database file.
                        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
                    }

                    return;
                }
                catch (Exception exception) when (attempt < 3 && DatabaseErrors.IsConcurrentCreation(exception))
                {
                    // Another instance created the database between our look and our CREATE DATABASE.
                }
                catch (Exception exception) when (attempt < 3 && DatabaseErrors.IsSchemaChangedMeanwhile(exception))
                {
                    // Another instance applied the same migration meanwhile: on PostgreSQL, two instances starting on an
                    // empty database can both find a migration after the first one pending, the lock notwithstanding,
                    // and ours then meets a table that exists or a column already dropped. Ours changed nothing (DDL
                    // is transactional); looking again finds it applied. A database made without migrations fails
                    // the same way every time, and is reported below.
                }
                catch (Exception exception) when (DatabaseErrors.IsExistingTable(exception))
                {
                    throw new SampleHostStartupException(
                        $"The database {storage.Describe()} has tables that no migration of this host created (an earlier version made it without migrations): "
                        + "delete it, or set ConnectionStrings:Membership to another database, and start again.",
                        exception);
                }
                catch (DbException exception)
                {
                    throw new SampleHostStartupException($"The database {storage.Describe()} cannot be opened: {OneLine(exception.Message)}", exception);
                }
            }
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
