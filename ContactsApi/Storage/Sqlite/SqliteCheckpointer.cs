using System.Threading.Channels;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// Copies committed writes from the WAL into the database file on a connection and thread of its own.
/// SQLite's automatic checkpoint runs inside a commit, fsyncs included, and stalled the one writer and
/// every write queued behind it; a passive checkpoint here runs beside the writer instead. The writer
/// keeps a rarer automatic checkpoint of its own (<see cref="WriterPages"/>): the WAL starts again from
/// its beginning only once a checkpoint has caught up with the writer, which under steady writes this
/// one never quite does.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>The WAL size, in pages, at which the writer's own checkpoint catches up.</summary>
    public const int WriterPages = 4000;

    // Writes between checkpoints here: a few pages each, so about the 1,000 pages SQLite's own waits for.
    private const int WritesBetween = 200;

    private readonly SqliteConnectionPool _pool;
    private readonly ILogger _log;
    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Task _checkpoints;
    private CachedConnection? _connection;
    private int _writes;

    public SqliteCheckpointer(SqliteConnectionPool pool, ILogger log)
    {
        _pool = pool;
        _log = log;
        _checkpoints = Task.Run(CheckpointWhenDueAsync);
    }

    /// <summary>Called by the writer after each commit, and only by the writer.</summary>
    public void Committed(int writes)
    {
        _writes += writes;
        if (_writes < WritesBetween) return;
        _writes = 0;
        _due.Writer.TryWrite(true);
    }

    public void Dispose()
    {
        _due.Writer.TryComplete();
        _checkpoints.GetAwaiter().GetResult();
        _connection?.Dispose();
    }

    private async Task CheckpointWhenDueAsync()
    {
        await foreach (var _ in _due.Reader.ReadAllAsync())
        {
            try
            {
                _connection ??= _pool.Open();
                await _connection.Command("PRAGMA wal_checkpoint(PASSIVE)").ExecuteNonQueryAsync();
            }
            catch (Exception e)
            {
                // The writer's own checkpoint still bounds the WAL; the next one here opens a new connection.
                _log.LogWarning(e, "A checkpoint of the SQLite store failed");
                _connection?.Dispose();
                _connection = null;
            }
        }
    }
}
