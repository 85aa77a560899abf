using System.Data.Common;
using MembershipStates.AspNetCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MembershipStates.SampleHost.Data;

/// <summary>
/// What the engines' errors mean to the store and to the start: the few codes each engine has for a refused write,
/// a lost race and a schema that is already there.
/// </summary>
internal static class DatabaseErrors
{
    // SQLite's result codes (https://sqlite.org/rescode.html): a unique index or a primary key refused a row. Other
    // constraints (NOT NULL, a foreign key, CHECK) are bugs, not races: they stay exceptions and fail the request.
    private const int SqliteError = 1;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    // PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";
    private const string DuplicateDatabase = "42P04";
    private const string DuplicateTable = "42P07";
    private const string UndefinedColumn = "42703";
    private const string DuplicateColumn = "42701";
    private const string UndefinedTable = "42P01";
    private const string UndefinedObject = "42704";
    private const string DuplicateObject = "42710";

    /// <summary>
    /// What a commit that failed with <paramref name="exception"/> came to, or <see langword="null"/> when the failure
    /// is not a refusal the store answers (a broken connection, a bug).
    /// </summary>
    /// <remarks>
    /// A unique index refused the write: the <c>userName</c> index means a uniqueness violation; any other (the SCIM
    /// id, a key, the user's e-mail) that a concurrent creation won, so the request is read and decided again. A
    /// serializable transaction that PostgreSQL could not order after a concurrent one changed nothing either, and
    /// neither did a foreign key that a concurrent group change left dangling (a membership row added to a group
    /// while the member moved).
    /// </remarks>
    public static ScimCommitResult? CommitResultOf(Exception exception) => Cause(exception) switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } sqlite => RefusedBy(sqlite.Message),
        PostgresException { SqlState: UniqueViolation } postgres => RefusedBy(postgres.ConstraintName),
        PostgresException { SqlState: ForeignKeyViolation or SerializationFailure or DeadlockDetected } => ScimCommitResult.VersionConflict,
        _ => null,
    };

    /// <summary>
    /// What a group commit that failed with <paramref name="exception"/> came to, or <see langword="null"/> when the
    /// failure is not a refusal the store answers.
    /// </summary>
    /// <remarks>
    /// The <c>displayName</c> index means a uniqueness violation. Any other refusal — the SCIM id taken by a
    /// concurrent creation, a member row whose member moved or left meanwhile (a foreign key), a serialization
    /// failure — changed nothing, and the request is read and decided again.
    /// </remarks>
    public static ScimGroupCommitResult? GroupCommitResultOf(Exception exception) => Cause(exception) switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite => GroupRefusedBy(sqlite.Message),
        PostgresException { SqlState: UniqueViolation or ForeignKeyViolation } postgres => GroupRefusedBy(postgres.ConstraintName),
        PostgresException { SqlState: SerializationFailure or DeadlockDetected } => ScimGroupCommitResult.VersionConflict,
        _ => null,
    };

    /// <summary>Whether another process created the same PostgreSQL database at the same moment: migrating again finds it.</summary>
    public static bool IsConcurrentCreation(Exception exception) =>
        Cause(exception) is PostgresException { SqlState: DuplicateDatabase or UniqueViolation };

    /// <summary>
    /// Whether a migration met a schema another migration had already changed: a table or column it was about to create
    /// exists, or one it was about to drop or alter is gone. On PostgreSQL, the mark of another instance that applied
    /// the same migration a moment before (or of a database made without migrations, when it persists).
    /// </summary>
    public static bool IsSchemaChangedMeanwhile(Exception exception) =>
        IsExistingTable(exception)
        || Cause(exception) is PostgresException { SqlState: UndefinedColumn or DuplicateColumn or UndefinedTable or UndefinedObject or DuplicateObject };

    /// <summary>Whether a migration met a table it was about to create: a database made without migrations.</summary>
    public static bool IsExistingTable(Exception exception) => Cause(exception) switch
    {
        SqliteException { SqliteErrorCode: SqliteError } sqlite => sqlite.Message.Contains("already exists", StringComparison.Ordinal),
        PostgresException { SqlState: DuplicateTable } => true,
        _ => false,
    };

    private static ScimCommitResult RefusedBy(string? constraint) =>
        constraint?.Contains(nameof(ScimColumns.NormalizedUserName), StringComparison.Ordinal) == true
            ? ScimCommitResult.UniquenessViolation
            : ScimCommitResult.VersionConflict;

    private static ScimGroupCommitResult GroupRefusedBy(string? constraint) =>
        constraint?.Contains(nameof(Group.NormalizedDisplayName), StringComparison.Ordinal) == true
            ? ScimGroupCommitResult.UniquenessViolation
            : ScimGroupCommitResult.VersionConflict;

    /// <summary>The engine's own exception under EF Core's wrappers (<see cref="DbUpdateException"/>, a retry strategy's), or the exception itself.</summary>
    private static Exception Cause(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is DbException)
            {
                return cause;
            }
        }

        return exception;
    }
}
