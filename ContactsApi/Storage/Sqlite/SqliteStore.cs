using System.Runtime.CompilerServices;
using ContactsApi.Contacts;
using ContactsApi.Health;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// The SQLite file: created and migrated on start, then read through a pool of open connections that
/// keep their prepared statements, and written by one writer that commits queued writes in groups
/// (<see cref="SqliteWriteQueue"/>), so writes never fail with "database is locked"; another process
/// sharing the file waits on the busy timeout instead.
/// </summary>
public sealed class SqliteStore : IStoreHealth, IDisposable
{
    public const string FileName = "contacts.db";

    private readonly SqliteConnectionPool _pool;
    private readonly SqliteWriteQueue _writes;

    public SqliteStore(IOptions<StorageOptions> options, ContactCollation collation, ILogger<SqliteStore> log)
    {
        Collation = collation;
        var folder = options.Value.DataFolder;
        PrivateFiles.CreateFolder(folder);
        FilePath = Path.Combine(folder, FileName);
        // SQLite gives its -wal and -shm files the database file's mode, so a 0600 database keeps them 0600 too.
        if (!File.Exists(FilePath)) new FileStream(FilePath, PrivateFiles.NewFile()).Dispose();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" }) PrivateFiles.Restrict(file);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 10,
        };
        Prepare(builder.ToString(), collation, log);
        // After creation the file must exist: a missing file is an outage, not a reason to start empty.
        builder.Mode = SqliteOpenMode.ReadWrite;
        _pool = new SqliteConnectionPool(builder.ToString());
        _writes = new SqliteWriteQueue(_pool, options.Value.MaxPendingWrites, SqliteSearchIndex.ApplyPending, log);
    }

    public string FilePath { get; }

    /// <summary>The collation the stored sort keys were made with (<see cref="SqliteTextRefresh"/>).</summary>
    public ContactCollation Collation { get; }

    public async Task<T> ReadAsync<T>(Func<CachedConnection, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var connection = _pool.Rent();
        try
        {
            var result = await work(connection);
            _pool.Return(connection);
            return result;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The rows of <paramref name="query"/> as they are read, for an answer too big to hold: written out as
    /// they come, on a connection kept until the enumeration ends. The query's snapshot lasts as long, and no
    /// checkpoint can pass it, so the WAL grows meanwhile by what is written: for an admin's reads, not a user's.
    /// </summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(Func<CachedConnection, SqliteCommand> query, Func<SqliteDataReader, T> read,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var connection = _pool.Rent();
        var readAll = false;
        try
        {
            await using (var reader = await query(connection).ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) yield return read(reader);
            readAll = true;
        }
        finally
        {
            // Left early (the client went away) or failed: not worth telling apart, so not reused.
            if (readAll) _pool.Return(connection);
            else connection.Dispose();
        }
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, and returns once that has committed.</summary>
    public Task<T> WriteAsync<T>(Func<CachedConnection, SqliteTransaction, Task<T>> work, CancellationToken ct) =>
        _writes.WriteAsync(work, ct);

    /// <summary>
    /// As <see cref="WriteAsync{T}"/>, for a write that may change many pages (an import, an undo, a purge, a
    /// user's deletion): in a transaction of its own, which its failure rolls back whole. With
    /// <paramref name="largeStatements"/>, for statements that may each change thousands of pages, SQLite keeps the
    /// originals of the pages they change in a temporary file, where other writes keep theirs in memory.
    /// </summary>
    public Task<T> WriteAloneAsync<T>(Func<CachedConnection, SqliteTransaction, Task<T>> work, CancellationToken ct,
        bool largeStatements = false) =>
        _writes.WriteAsync(work, ct, largeStatements ? WriteMode.AloneWithLargeStatements : WriteMode.Alone);

    public async Task<bool> IsAvailableAsync(CancellationToken ct = default)
    {
        try
        {
            if (!File.Exists(FilePath)) return false;
            return await ReadAsync(async c => await c.Command("SELECT count(*) FROM sqlite_master").ExecuteScalarAsync(ct) is long,
                ct);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>
    /// Closes the idle connections and the writer's, so that the next operations open the file again: for
    /// a test that moves or locks the file under a running store.
    /// </summary>
    public void CloseIdleConnections()
    {
        _pool.Clear();
        _writes.CloseConnection();
    }

    /// <summary>Commits the queued writes, then closes every connection.</summary>
    public void Dispose()
    {
        _writes.Dispose();
        _pool.Dispose();
    }

    /// <summary>Migrates the schema, then brings the sort keys and search columns to the configured collation.</summary>
    private static void Prepare(string connectionString, ContactCollation collation, ILogger log)
    {
        var connection = new SqliteConnection(connectionString);
        using var c = new CachedConnection(connection);
        connection.Open();
        c.Command("PRAGMA journal_mode = WAL").ExecuteNonQuery();
        Migrate(c, log);
        SqliteTextRefresh.Run(c, collation, log);
    }

    private static void Migrate(CachedConnection c, ILogger log)
    {
        var connection = c.Connection;
        using var transaction = c.BeginTransaction(deferred: false);
        var version = (int)(long)c.Command("PRAGMA user_version", transaction).ExecuteScalar()!;
        if (version > SqliteMigrations.Steps.Length)
            throw new InvalidOperationException(
                $"The database {connection.DataSource} has schema version {version}, newer than this release knows ({SqliteMigrations.Steps.Length}).");
        for (var step = version; step < SqliteMigrations.Steps.Length; step++)
        {
            c.Command(SqliteMigrations.Steps[step], transaction).ExecuteNonQuery();
            if (SqliteMigrations.Steps[step] == SqliteMigrations.StoredETags) SqliteETagFill.Run(c, transaction, log);
            log.LogInformation("Migrated the SQLite store {Path} to schema version {Version}", connection.DataSource, step + 1);
        }
        c.Command($"PRAGMA user_version = {SqliteMigrations.Steps.Length}", transaction).ExecuteNonQuery();
        transaction.Commit();
    }
}
