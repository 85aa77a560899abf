using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MembershipStates.AspNetCore.Tests.Groups;

/// <summary>
/// Counts the rows that EF Core's writing statements (<c>INSERT</c>, <c>UPDATE</c>, <c>DELETE</c>) affect on one
/// database while it listens, from EF Core's diagnostic events: what a request really wrote.
/// </summary>
internal sealed class WrittenRows : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<string> _statements = [];
    private int _rows;

    /// <param name="database">The database to listen to: the SQLite file, or the PostgreSQL database's name.</param>
    public WrittenRows(string database)
    {
        _database = database;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>
    /// Gets how long a new listener waits before it hears every command: EF Core decides whether to raise command
    /// events from a state it caches for <c>LoggingCacheTime</c> (one second by default).
    /// </summary>
    public static TimeSpan Warmup { get; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Returns the rows affected and the writing statements since the last call, and starts counting anew.</summary>
    public (int Rows, string Statements) Take()
    {
        lock (_statements)
        {
            var taken = (_rows, string.Join("\n", _statements));
            _rows = 0;
            _statements.Clear();
            return taken;
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // A write run as a reader (EF Core's batches, RETURNING) reports its rows when the reader is disposed; one
        // run as a non-query, when it has executed.
        var (command, rows) = value.Value switch
        {
            DataReaderDisposingEventData reader => (reader.Command, reader.RecordsAffected),
            CommandExecutedEventData { Result: int affected } executed => (executed.Command, affected),
            _ => (null, 0),
        };
        if (command is null || !IsWrite(command) || !IsOnDatabase(command.Connection))
        {
            return;
        }

        lock (_statements)
        {
            _statements.Add(command.CommandText);
            _rows += Math.Max(rows, 0);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(listener => listener.Dispose());
        }
    }

    private bool IsOnDatabase(DbConnection? connection) =>
        connection is not null && (connection.DataSource == _database || connection.Database == _database);

    private static bool IsWrite(DbCommand command) =>
        command.CommandText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(line => line.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase));
}
