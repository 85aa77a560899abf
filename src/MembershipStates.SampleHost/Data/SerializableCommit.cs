using System.Data;
using Microsoft.EntityFrameworkCore;

namespace MembershipStates.SampleHost.Data;

/// <summary>
/// How both stores commit: a serializable transaction, run by the engine's execution strategy so that it runs again
/// when the engine says it may succeed now (on PostgreSQL, a serialization failure), with a clean change tracker on
/// every run and after.
/// </summary>
internal static class SerializableCommit
{
    /// <summary>Stages the change in the transaction, and saves and commits it when <paramref name="commits"/> says the staged result is a commit.</summary>
    public static async Task<TResult> RunAsync<TResult>(
        DbContext db,
        Func<CancellationToken, Task<TResult>> stage,
        Func<TResult, bool> commits,
        CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async cancellationToken =>
                {
                    db.ChangeTracker.Clear();

                    // No savepoint around the save: a failed save fails the whole transaction, which is rolled back
                    // and run again or answered, never continued, so the two statements it costs would buy nothing.
                    db.Database.AutoSavepointsEnabled = false;
                    var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        var result = await stage(cancellationToken).ConfigureAwait(false);
                        if (commits(result))
                        {
                            // Saved without accepting the changes: the tracker is cleared right after, on success
                            // and before a run again alike, so marking every entry unchanged would be wasted work.
                            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken).ConfigureAwait(false);
                            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        }

                        return result;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
