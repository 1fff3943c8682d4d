using ContactsApi.Common;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// The store's writes are committed in groups: the writes queued while the writer is busy share the next
/// transaction, so each must still succeed or fail on its own. The writer is held by a first write that
/// waits on a gate, so the writes under test queue up and go in one group.
/// </summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    // Room for the held write and the forty of the group test, and few enough to fill in a test.
    private const int MaxPending = 64;

    private readonly ContactsApiFactory _factory = new() { Settings = { ["Storage:MaxPendingWrites"] = $"{MaxPending}" } };
    private readonly SqliteStore _store;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqliteWriteQueueTests()
    {
        _store = _factory.Services.GetRequiredService<SqliteStore>();
        _store.WriteAsync((c, tx) => c.Command("CREATE TABLE scratch (n INTEGER NOT NULL UNIQUE)", tx).ExecuteNonQueryAsync(), default)
            .GetAwaiter().GetResult();
    }

    [Fact]
    public async Task A_failing_write_rolls_back_only_its_own_changes_among_the_writes_committed_with_it()
    {
        var (held, release) = await HoldTheWriterAsync();
        // Each odd write fails after its insert, and after a second insert, so its savepoint has two changes to undo.
        var writes = Enumerable.Range(1, 40).Select(n => _store.WriteAsync(async (c, tx) =>
        {
            await Insert(c, tx, n).ExecuteNonQueryAsync();
            if (n % 2 == 0) return n;
            await Insert(c, tx, 1000 + n).ExecuteNonQueryAsync();
            throw new InvalidOperationException($"write {n} fails");
        }, default)).ToList();
        Assert.All(writes, w => Assert.False(w.IsCompleted));   // queued behind the held writer, not yet committed

        release();
        await held;

        foreach (var (write, n) in writes.Select((w, i) => (w, i + 1)))
            if (n % 2 == 0) Assert.Equal(n, await write);
            else Assert.Equal($"write {n} fails", (await Assert.ThrowsAsync<InvalidOperationException>(() => write)).Message);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => 2L * i), await StoredAsync());
    }

    [Fact]
    public async Task A_write_whose_request_is_gone_before_its_turn_is_not_applied()
    {
        var (held, release) = await HoldTheWriterAsync();
        using var gone = new CancellationTokenSource();
        var abandoned = _store.WriteAsync((c, tx) => Insert(c, tx, 1).ExecuteNonQueryAsync(), gone.Token);
        var kept = _store.WriteAsync((c, tx) => Insert(c, tx, 2).ExecuteNonQueryAsync(), default);

        await gone.CancelAsync();
        release();
        await held;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(1, await kept);
        Assert.Equal([2L], await StoredAsync());
    }

    [Fact]
    public async Task A_full_queue_refuses_a_write_at_once_commits_none_it_refused_and_takes_writes_again_once_drained()
    {
        var (held, release) = await HoldTheWriterAsync();
        var queued = Enumerable.Range(1, MaxPending - 1).Select(n => _store.WriteAsync((c, tx) => Insert(c, tx, n).ExecuteNonQueryAsync(), default)).ToList();

        // Refused before anything is queued: the caller hears it now, not after the writes ahead of it.
        var refused = Assert.Throws<StoreUnavailableException>(() => { _ = _store.WriteAsync((c, tx) => Insert(c, tx, 1000).ExecuteNonQueryAsync(), default); });
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        Assert.All(queued, w => Assert.False(w.IsCompleted));

        release();
        await held;
        await Task.WhenAll(queued);
        Assert.Equal(1, await _store.WriteAsync((c, tx) => Insert(c, tx, 2000).ExecuteNonQueryAsync(), default));

        Assert.Equal([.. Enumerable.Range(1, MaxPending - 1).Select(n => (long)n), 2000L], await StoredAsync());
    }

    [Fact]
    public async Task A_write_whose_request_is_gone_frees_its_place_and_is_answered_at_once()
    {
        var (held, release) = await HoldTheWriterAsync();
        var queued = Enumerable.Range(1, MaxPending - 2).Select(n => _store.WriteAsync((c, tx) => Insert(c, tx, n).ExecuteNonQueryAsync(), default)).ToList();
        using var gone = new CancellationTokenSource();
        var abandoned = _store.WriteAsync((c, tx) => Insert(c, tx, 1000).ExecuteNonQueryAsync(), gone.Token);
        Assert.Throws<StoreUnavailableException>(() => { _ = _store.WriteAsync((c, tx) => Insert(c, tx, 1001).ExecuteNonQueryAsync(), default); });

        await gone.CancelAsync();

        // While the writer is still held: the client hears at once, and its place is another write's.
        Assert.True(abandoned.IsCanceled);
        var next = _store.WriteAsync((c, tx) => Insert(c, tx, 2000).ExecuteNonQueryAsync(), default);
        release();
        await held;
        await Task.WhenAll(queued);
        Assert.Equal(1, await next);
        Assert.Equal([.. Enumerable.Range(1, MaxPending - 2).Select(n => (long)n), 2000L], await StoredAsync());
    }

    [Fact]
    public async Task A_unique_violation_caught_by_its_write_leaves_the_rest_of_that_write_applied()
    {
        // The repositories catch a duplicate email and answer 409: the statement fails, the transaction goes on.
        var outcome = await _store.WriteAsync(async (c, tx) =>
        {
            await Insert(c, tx, 7).ExecuteNonQueryAsync();
            try
            {
                await Insert(c, tx, 7).ExecuteNonQueryAsync();
                return "inserted twice";
            }
            catch (SqliteException e) when (e.IsUniqueViolation())
            {
                return "duplicate";
            }
        }, default);

        Assert.Equal("duplicate", outcome);
        Assert.Equal([7L], await StoredAsync());
    }

    [Fact]
    public async Task The_WAL_stops_growing_under_steady_writes()
    {
        // Checkpoints run beside the writer, which keeps a rarer one of its own: without either, 12,000
        // commits of a new 4 KB page each would leave a WAL of 48 MB or more.
        await _store.WriteAsync((c, tx) => c.Command("CREATE TABLE filler (b BLOB NOT NULL)", tx).ExecuteNonQueryAsync(), default);
        for (var i = 0; i < 12_000; i++)
            await _store.WriteAsync((c, tx) => c.Command("INSERT INTO filler (b) VALUES (zeroblob(4000))", tx).ExecuteNonQueryAsync(), default);

        Assert.InRange(new FileInfo(_store.FilePath + "-wal").Length, 1, 2 * SqliteCheckpointer.WriterPages * 4200L);
    }

    [Fact]
    public async Task A_write_that_goes_alone_commits_in_a_transaction_of_its_own_between_the_groups_before_and_after_it()
    {
        var (held, release) = await HoldTheWriterAsync();
        var before = Enumerable.Range(1, 5).Select(n => _store.WriteAsync((c, tx) => Insert(c, tx, n).ExecuteNonQueryAsync(), default)).ToList();
        var alone = _store.WriteAloneAsync(async (c, tx) =>
        {
            await Insert(c, tx, 100).ExecuteNonQueryAsync();
            // What another connection sees is what has committed.
            return await _store.ReadAsync(r => r.Command("SELECT n FROM scratch ORDER BY n").ReadAsync(x => x.GetInt64(0), default), default);
        }, default);
        var after = Enumerable.Range(6, 5).Select(n => _store.WriteAsync((c, tx) => Insert(c, tx, n).ExecuteNonQueryAsync(), default)).ToList();

        release();
        await held;
        await Task.WhenAll(before.Concat(after));

        Assert.Equal([1L, 2, 3, 4, 5], await alone);
        Assert.Equal([.. Enumerable.Range(1, 10).Select(n => (long)n), 100L], await StoredAsync());
    }

    [Fact]
    public async Task A_write_alone_that_fails_leaves_nothing_of_itself_and_the_writes_after_it_commit()
    {
        var (held, release) = await HoldTheWriterAsync();
        var alone = _store.WriteAloneAsync<int>(async (c, tx) =>
        {
            // It has no savepoint: the whole transaction goes back.
            for (var n = 100; n < 103; n++) await Insert(c, tx, n).ExecuteNonQueryAsync();
            throw new InvalidOperationException("the import fails");
        }, default);
        var after = _store.WriteAsync((c, tx) => Insert(c, tx, 1).ExecuteNonQueryAsync(), default);

        release();
        await held;

        Assert.Equal("the import fails", (await Assert.ThrowsAsync<InvalidOperationException>(() => alone)).Message);
        Assert.Equal(1, await after);
        Assert.Equal([1L], await StoredAsync());
    }

    public void Dispose()
    {
        // A test that failed while holding the writer would otherwise hang here, in the store's wait for it.
        _gate.TrySetResult();
        _factory.Dispose();
    }

    /// <summary>A write that has started and waits until released: the writes queued meanwhile form the next group.</summary>
    private async Task<(Task Held, Action Release)> HoldTheWriterAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = _store.WriteAsync(async (_, _) =>
        {
            started.SetResult();
            await _gate.Task;
            return 0;
        }, default);
        await started.Task;
        return (held, () => _gate.SetResult());
    }

    private static SqliteCommand Insert(CachedConnection c, SqliteTransaction tx, long n) =>
        c.Command("INSERT INTO scratch (n) VALUES ($n)", tx).With("$n", n);

    private Task<List<long>> StoredAsync() =>
        _store.ReadAsync(c => c.Command("SELECT n FROM scratch ORDER BY n").ReadAsync(r => r.GetInt64(0), default), default);
}
