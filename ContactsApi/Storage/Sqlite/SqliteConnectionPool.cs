using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// The store's open connections, each kept with its prepared statements (<see cref="CachedConnection"/>):
/// Microsoft.Data.Sqlite's own pool keeps the connection but not the statements.
/// </summary>
internal sealed class SqliteConnectionPool(string connectionString) : IDisposable
{
    // Enough for the thread pool's threads under load (at 16, connections were closed and opened again,
    // losing their statements); each keeps its page cache (2 MB at most), so more are closed on return.
    private const int MaxIdle = 32;

    private readonly ConcurrentStack<CachedConnection> _idle = new();

    /// <summary>The database file the connections open.</summary>
    public string DatabasePath { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;
    private volatile bool _disposed;

    public CachedConnection Rent() => _idle.TryPop(out var idle) ? idle : Open();

    /// <summary>A new connection, outside the pool.</summary>
    public CachedConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var cached = new CachedConnection(connection);
            // WAL survives a killed process with every committed transaction; NORMAL skips the fsync per
            // commit (a power cut may roll back the last commits, never corrupt the file).
            cached.Command("PRAGMA synchronous = NORMAL").ExecuteNonQuery();
            return cached;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Back to the pool after a successful use; a connection that failed is disposed instead, never reused.</summary>
    public void Return(CachedConnection connection)
    {
        if (_disposed || _idle.Count >= MaxIdle) connection.Dispose();
        else _idle.Push(connection);
    }

    /// <summary>Closes the idle connections, so the next operations open the file again.</summary>
    public void Clear()
    {
        while (_idle.TryPop(out var connection)) connection.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        Clear();
    }
}
