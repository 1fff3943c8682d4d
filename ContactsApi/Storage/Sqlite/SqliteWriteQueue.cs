using System.Threading.Channels;
using ContactsApi.Common;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// The store's one writer, committing writes in groups. SQLite has one writer, and every commit appends
/// its pages to the WAL under the file's locks: with a transaction a write, that was most of a create's
/// CPU, and 64 clients queued behind each other's commits. Writes that arrive while a group commits go
/// in the next transaction together, each under its own savepoint, so one that fails rolls back only its
/// own changes. None is answered before its group has committed. The writer keeps its own connection:
/// a connection's page cache is dropped whenever another connection has written, so the writer's stays
/// warm only if no other connection writes.
/// </summary>
internal sealed class SqliteWriteQueue : IDisposable
{
    // A bound on how long the first write of a group waits for the others' work before its commit.
    private const int MaxGroup = 128;

    // A full queue drains in one or two group commits, tens of milliseconds: a second is the least Retry-After says.
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly SqliteConnectionPool _pool;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly Channel<QueuedWrite> _queue =
        Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly SemaphoreSlim _connectionInUse = new(1, 1);
    private readonly int _maxPending;
    private readonly Action<CachedConnection, SqliteTransaction> _beforeCommit;
    private int _pending;
    private CachedConnection? _connection;

    /// <param name="maxPending">
    /// Writes held at once, queued or in the group being committed. Without a bound, writes arriving faster
    /// than the writer commits queued without end: each answer later than the last, and the memory of all.
    /// </param>
    /// <param name="beforeCommit">Work for the whole group, after its writes, in its transaction.</param>
    public SqliteWriteQueue(SqliteConnectionPool pool, int maxPending, Action<CachedConnection, SqliteTransaction> beforeCommit, ILogger log)
    {
        _pool = pool;
        _maxPending = maxPending;
        _beforeCommit = beforeCommit;
        _checkpointer = new SqliteCheckpointer(pool, log);
        _writer = Task.Run(WriteGroupsAsync);
    }

    /// <summary>
    /// Queues <paramref name="work"/>, or refuses it at once when <c>maxPending</c> writes are held already.
    /// A write whose <paramref name="ct"/> is cancelled before the writer takes it is dropped and frees its
    /// place at once: its client is gone, and a retry of it must not find it committed as well.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<CachedConnection, SqliteTransaction, Task<T>> work, CancellationToken ct,
        WriteMode mode = WriteMode.Grouped)
    {
        if (Interlocked.Increment(ref _pending) > _maxPending)
        {
            FreePlace();
            throw new StoreUnavailableException($"The store's {_maxPending} places for writes are taken") { RetryAfter = RetryAfter };
        }
        var write = new QueuedWrite<T>(work, ct, FreePlace) { Mode = mode };
        // Before the writer can see it, so the writer's Take never races the registration.
        write.DropWhenCancelled();
        if (!_queue.Writer.TryWrite(write))
        {
            if (write.Take()) FreePlace();
            throw new StoreUnavailableException("The store is shutting down");
        }
        return write.Answer;
    }

    /// <summary>Closes the writer's connection once the group in progress is committed; the next group opens it again.</summary>
    public void CloseConnection()
    {
        _connectionInUse.Wait();
        try
        {
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _connectionInUse.Release();
        }
    }

    /// <summary>Takes no more writes, and returns once the queued ones are committed.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
        _checkpointer.Dispose();
        CloseConnection();
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<QueuedWrite>(MaxGroup);
        QueuedWrite? next = null;   // a write to go alone, taken while a group was being made: it comes next
        while (next is not null || await _queue.Reader.WaitToReadAsync())
        {
            if (next is not null) group.Add(next);
            next = null;
            while (group.Count < MaxGroup && group is not [{ Alone: true }] && _queue.Reader.TryRead(out var write))
            {
                if (!write.Take()) continue;
                if (write.Alone && group.Count > 0)
                {
                    next = write;
                    break;
                }
                group.Add(write);
            }
            if (group.Count == 0) continue;
            await CommitAsync(group);
            group.Clear();
        }
    }

    private void FreePlace() => Interlocked.Decrement(ref _pending);

    private async Task CommitAsync(List<QueuedWrite> group)
    {
        await _connectionInUse.WaitAsync();
        try
        {
            _connection ??= OpenWriter();
            // SQLite reads the setting when the transaction begins (see OpenWriter).
            var large = group is [{ Mode: WriteMode.AloneWithLargeStatements }];
            if (large) _connection.Command("PRAGMA temp_store = DEFAULT").ExecuteNonQuery();
            using (var transaction = _connection.BeginTransaction(deferred: false))
            {
                foreach (var write in group) await write.RunAsync(_connection, transaction);
                // A write alone has no savepoint: what it did before it failed goes with the transaction.
                if (group is [{ Alone: true, Failed: true }]) transaction.Rollback();
                else
                {
                    _beforeCommit(_connection, transaction);
                    transaction.Commit();
                }
            }
            if (large) _connection.Command("PRAGMA temp_store = MEMORY").ExecuteNonQuery();
            _checkpointer.Committed(group.Count);
        }
        catch (Exception e)
        {
            // The transaction is lost (the file unreachable, read-only or full): so is every write of the group,
            // and the connection, which the next group opens again.
            _connection?.Dispose();
            _connection = null;
            foreach (var write in group) write.Lost(e);
        }
        finally
        {
            _connectionInUse.Release();
        }
        foreach (var write in group) write.Reply();
    }

    private CachedConnection OpenWriter()
    {
        var connection = _pool.Open();
        SqliteCheckpointer.PrepareWriter(connection);
        // A write has a savepoint, which keeps the original of each page the write changes (as does a statement that
        // changes many rows). SQLite keeps those in memory up to 64 KiB, then in a temporary file for the rest of the
        // transaction, a pwrite a page for every later write of the group: a create changes some 25 pages (its row and
        // indexes, the search tables, the change log), past that bound, and those pwrites were half of a create's
        // system time. In memory for good, they are a write's own pages, freed at its end; a write whose statements
        // may each change thousands goes alone, in a transaction that keeps them in a file as before (CommitAsync).
        connection.Command("PRAGMA temp_store = MEMORY").ExecuteNonQuery();
        return connection;
    }

    private abstract class QueuedWrite
    {
        /// <summary>The writer takes the write for its group; false if it was dropped first, and is then skipped.</summary>
        public abstract bool Take();

        public WriteMode Mode { get; init; }

        public bool Alone => Mode != WriteMode.Grouped;

        /// <summary>Whether it has failed: its work threw, or was not run since its request had ended.</summary>
        public bool Failed => Error is not null;

        protected Exception? Error { get; set; }

        public abstract Task RunAsync(CachedConnection connection, SqliteTransaction transaction);

        /// <summary>The group's transaction failed: a write without its own error gets the group's.</summary>
        public abstract void Lost(Exception e);

        public abstract void Reply();
    }

    private sealed class QueuedWrite<T>(Func<CachedConnection, SqliteTransaction, Task<T>> work, CancellationToken ct, Action freePlace)
        : QueuedWrite
    {
        private const int Queued = 0, Taken = 1, Dropped = 2;

        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        // Let go when dropped: what stays in the channel until the writer passes it is a small empty shell.
        private Func<CachedConnection, SqliteTransaction, Task<T>>? _work = work;
        private CancellationTokenRegistration _whenCancelled;
        private int _state;
        private T? _result;

        public Task<T> Answer => _answer.Task;

        /// <summary>Called once, before the write is queued: a token cancelled already drops it at once.</summary>
        public void DropWhenCancelled()
        {
            _whenCancelled = ct.UnsafeRegister(static (state, token) => ((QueuedWrite<T>)state!).Drop(token), this);
        }

        public override bool Take()
        {
            if (Interlocked.CompareExchange(ref _state, Taken, Queued) != Queued) return false;
            _whenCancelled.Unregister();
            return true;
        }

        private void Drop(CancellationToken token)
        {
            if (Interlocked.CompareExchange(ref _state, Dropped, Queued) != Queued) return;
            _work = null;
            freePlace();
            _answer.TrySetCanceled(token);
        }

        public override async Task RunAsync(CachedConnection connection, SqliteTransaction transaction)
        {
            // Taken, but its request may have ended while the group's earlier writes ran: still nothing to commit.
            if (ct.IsCancellationRequested)
            {
                Error = new OperationCanceledException(ct);
                return;
            }
            // Alone, it has the transaction to itself, which CommitAsync rolls back if it fails: no savepoint. Under one,
            // SQLite keeps the original of every page changed since it began, and at the end of each statement walks
            // that whole journal to cut the statement's own records off: an import's 10,000 inserts spent a sixth of
            // their time there.
            if (!Alone) await connection.Command("SAVEPOINT write", transaction).ExecuteNonQueryAsync(CancellationToken.None);
            try
            {
                _result = await _work!(connection, transaction);
            }
            catch (Exception e)
            {
                Error = e;
                // If this throws, the transaction itself is gone and the whole group with it.
                if (!Alone) await connection.Command("ROLLBACK TO write", transaction).ExecuteNonQueryAsync(CancellationToken.None);
            }
            if (!Alone) await connection.Command("RELEASE write", transaction).ExecuteNonQueryAsync(CancellationToken.None);
        }

        public override void Lost(Exception e) => Error ??= e;

        public override void Reply()
        {
            // Free before answering, so a client that has its answer finds the place free for its next write.
            freePlace();
            if (Error is OperationCanceledException canceled) _answer.TrySetCanceled(canceled.CancellationToken);
            else if (Error is not null) _answer.TrySetException(Error);
            else _answer.TrySetResult(_result!);
        }
    }
}

/// <summary>How a write shares its transaction, and where SQLite keeps the originals of the pages it changes.</summary>
internal enum WriteMode
{
    /// <summary>In a group with the writes queued beside it, under a savepoint of its own; the originals in memory.</summary>
    Grouped,

    /// <summary>
    /// In a transaction of its own, without a savepoint: many statements of a few pages each (an import, an undo,
    /// a purge). The originals in memory, each statement's own, freed at its end.
    /// </summary>
    Alone,

    /// <summary>
    /// Alone, with statements that may each change thousands of pages (a user's deletion, the retention's sweep):
    /// their originals in a temporary file.
    /// </summary>
    AloneWithLargeStatements,
}
