using System.Threading.Channels;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// Copies committed writes from the WAL into the database file on a connection and thread of its own.
/// SQLite's automatic checkpoint runs inside a commit, fsyncs included, and stalled the one writer and
/// every write queued behind it; a passive checkpoint here runs beside the writer instead. The writer
/// keeps a rarer automatic checkpoint of its own (<see cref="WriterPages"/>): the WAL starts again from
/// its beginning only once a checkpoint has caught up with the writer, which under steady writes this
/// one never quite does. The writer's is skipped whenever it finds this one busy, and on a loaded machine
/// the two kept missing each other while the WAL grew without end; so once the WAL is past the writer's
/// size, this one stands aside and the writer's runs uncontested at its next commit.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>The WAL size, in pages, at which the writer's own checkpoint catches up.</summary>
    public const int WriterPages = 4000;

    // SQLite's default page size, which the store keeps.
    private const long PageBytes = 4096;

    // Writes between checkpoints here: a few pages each, so about the 1,000 pages SQLite's own waits for.
    private const int WritesBetween = 200;

    private readonly SqliteConnectionPool _pool;
    private readonly string _walPath;
    private readonly ILogger _log;
    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Task _checkpoints;
    private CachedConnection? _connection;
    private int _writes;

    public SqliteCheckpointer(SqliteConnectionPool pool, ILogger log)
    {
        _pool = pool;
        _walPath = pool.DatabasePath + "-wal";
        _log = log;
        _checkpoints = Task.Run(CheckpointWhenDueAsync);
    }

    /// <summary>
    /// The writer's own checkpoint, and the WAL file cut back to that size whenever the WAL restarts: the
    /// file's length then tells, without a checkpoint, whether the WAL has grown past it since.
    /// </summary>
    public static void PrepareWriter(CachedConnection writer)
    {
        writer.Command($"PRAGMA wal_autocheckpoint = {WriterPages}").ExecuteNonQuery();
        writer.Command($"PRAGMA journal_size_limit = {WriterPages * PageBytes}").ExecuteNonQuery();
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
            if (WalPastWriterSize()) continue;
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

    private bool WalPastWriterSize()
    {
        var wal = new FileInfo(_walPath);
        return wal.Exists && wal.Length > WriterPages * PageBytes;
    }
}
