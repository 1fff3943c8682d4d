using ContactsApi.Health;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// The SQLite file: created and migrated on start, then opened per operation from the pool.
/// Writes of this process queue on one lock and run in <c>BEGIN IMMEDIATE</c> transactions, so
/// they never fail with "database is locked"; another process sharing the file waits on the busy
/// timeout instead.
/// </summary>
public sealed class SqliteStore : IStoreHealth
{
    public const string FileName = "contacts.db";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString;

    public SqliteStore(IOptions<StorageOptions> options, ILogger<SqliteStore> log)
    {
        var folder = Path.GetFullPath(options.Value.DataFolder);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, FileName);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
        };
        Migrate(builder.ToString(), log);
        // After creation the file must exist: a missing file is an outage, not a reason to start empty.
        builder.Mode = SqliteOpenMode.ReadWrite;
        _connectionString = builder.ToString();
    }

    public string FilePath { get; }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await work(connection);
    }

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            // WAL survives a killed process with every committed transaction; NORMAL skips the fsync per
            // commit (a power cut may roll back the last commits, never corrupt the file). Only writes
            // commit, so reads skip this statement.
            await connection.Command("PRAGMA synchronous = NORMAL").RunAsync(ct);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<bool> IsAvailableAsync(CancellationToken ct = default)
    {
        try
        {
            if (!File.Exists(FilePath)) return false;
            return await ReadAsync(async c => await c.Command("SELECT count(*) FROM sqlite_master").ScalarAsync(ct) is long,
                ct);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static void Migrate(string connectionString, ILogger log)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.Command("PRAGMA journal_mode = WAL").ExecuteNonQuery();
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = (int)(long)connection.Command("PRAGMA user_version", transaction).ExecuteScalar()!;
        if (version > SqliteMigrations.Steps.Length)
            throw new InvalidOperationException(
                $"The database {connection.DataSource} has schema version {version}, newer than this release knows ({SqliteMigrations.Steps.Length}).");
        for (var step = version; step < SqliteMigrations.Steps.Length; step++)
        {
            connection.Command(SqliteMigrations.Steps[step], transaction).ExecuteNonQuery();
            log.LogInformation("Migrated the SQLite store {Path} to schema version {Version}", connection.DataSource, step + 1);
        }
        connection.Command($"PRAGMA user_version = {SqliteMigrations.Steps.Length}", transaction).ExecuteNonQuery();
        transaction.Commit();
    }
}
