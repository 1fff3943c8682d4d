using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// An open connection of the store's pool with its prepared statements kept by SQL text.
/// Microsoft.Data.Sqlite compiles a command's SQL again for every new command (dotnet/efcore#14044);
/// compiling, with opening a connection per operation, was half the CPU of a get by id.
/// </summary>
public sealed class CachedConnection : IDisposable
{
    // Enough for every statement the repositories issue (list queries vary by sort, order and filters);
    // past it the cache starts again rather than growing on unusual queries.
    private const int MaxStatements = 256;

    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    internal CachedConnection(SqliteConnection connection) => Connection = connection;

    internal SqliteConnection Connection { get; }

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared once on this connection and reused, its parameters
    /// cleared. Never dispose it, and never leave a reader of it open: <c>Execute*</c> and
    /// <see cref="SqliteCommands.ReadAsync{T}"/> reset it for the next use.
    /// </summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            if (_statements.Count >= MaxStatements) ForgetStatements();
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _statements.Add(sql, command);
        }
        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    public SqliteTransaction BeginTransaction(bool deferred) => Connection.BeginTransaction(deferred);

    /// <summary>
    /// <paramref name="read"/> in one read transaction, so that all its statements see one snapshot; its commands
    /// take no transaction. Begun and ended by this connection's kept statements: <see cref="BeginTransaction"/>
    /// compiles its PRAGMA, BEGIN and COMMIT anew for every transaction.
    /// </summary>
    public async Task<T> SnapshotAsync<T>(Func<Task<T>> read, CancellationToken ct)
    {
        await Command("BEGIN").ExecuteNonQueryAsync(ct);
        try
        {
            var result = await read();
            await Command("COMMIT").ExecuteNonQueryAsync(ct);
            return result;
        }
        catch
        {
            // A read has nothing to undo: this ends the snapshot, so that the connection can be used again, unless
            // SQLite has ended it itself (some errors roll back), when there is nothing left to end.
            try
            {
                Command("ROLLBACK").ExecuteNonQuery();
            }
            catch (SqliteException)
            {
            }
            throw;
        }
    }

    public void Dispose()
    {
        ForgetStatements();
        Connection.Dispose();
    }

    private void ForgetStatements()
    {
        foreach (var command in _statements.Values) command.Dispose();
        _statements.Clear();
    }
}
