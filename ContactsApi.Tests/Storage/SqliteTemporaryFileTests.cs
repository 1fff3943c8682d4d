using ContactsApi.Storage.Sqlite;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Storage;

/// <summary>Runs alone, after the parallel tests: SQLite's temporary files are the process's, whichever test's store made them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TemporaryFilesMeasurement
{
    public const string Name = "Temporary files measurement";
}

/// <summary>
/// Where the writer keeps the originals of the pages a write changes, to roll back to: in memory for the writes
/// committed in groups (a create changes more pages than SQLite keeps in memory by default, and each page moved to a
/// file was a system call) and for an import's many small statements, in a file for a write whose statements may each
/// change thousands.
/// </summary>
[Collection(TemporaryFilesMeasurement.Name)]
public sealed class SqliteTemporaryFileTests : IDisposable
{
    private const int Rows = 50_000;

    private readonly ContactsApiFactory _factory = new();
    private readonly SqliteStore _store;

    public SqliteTemporaryFileTests()
    {
        _store = _factory.Services.GetRequiredService<SqliteStore>();
        // Some 200 pages, all changed by the update of each test: past the 64 KiB that SQLite keeps in memory by default.
        _store.WriteAsync((c, tx) => c.Command($"""
            CREATE TABLE scratch (n INTEGER NOT NULL UNIQUE);
            WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {Rows}) INSERT INTO scratch (n) SELECT n FROM s
            """, tx).ExecuteNonQueryAsync(), default).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task A_write_that_changes_many_pages_keeps_their_originals_in_memory()
    {
        var temporaryFiles = await _store.WriteAsync(async (c, tx) =>
        {
            await c.Command("UPDATE scratch SET n = -n", tx).ExecuteNonQueryAsync();
            return OpenTemporaryFiles();
        }, default);

        Assert.Empty(temporaryFiles);
        Assert.Equal(Rows, await NegativeAsync());
    }

    [Fact]
    public async Task A_write_alone_of_many_small_statements_keeps_them_in_memory()
    {
        // An import's shape: a statement a row, a thousand rows over the table's pages, past 64 KiB of originals in all.
        var temporaryFiles = await _store.WriteAloneAsync(async (c, tx) =>
        {
            for (var n = 1; n <= 1000; n++)
                await c.Command("UPDATE scratch SET n = -n WHERE n = $n", tx).With("$n", n * (Rows / 1000)).ExecuteNonQueryAsync();
            return OpenTemporaryFiles();
        }, default);

        Assert.Empty(temporaryFiles);
        Assert.Equal(1000, await NegativeAsync());
    }

    [Fact]
    public async Task A_write_alone_with_large_statements_keeps_them_in_a_file_and_the_next_writes_in_memory_again()
    {
        var alone = await _store.WriteAloneAsync(async (c, tx) =>
        {
            await c.Command("UPDATE scratch SET n = -n", tx).ExecuteNonQueryAsync();
            return OpenTemporaryFiles();
        }, default, largeStatements: true);
        var next = await _store.WriteAsync(async (c, tx) =>
        {
            await c.Command("UPDATE scratch SET n = -n", tx).ExecuteNonQueryAsync();
            return OpenTemporaryFiles();
        }, default);

        Assert.NotEmpty(alone);
        Assert.Empty(next);
        Assert.Equal(0, await NegativeAsync());
    }

    public void Dispose() => _factory.Dispose();

    private Task<long> NegativeAsync() =>
        _store.ReadAsync(async c => (long)(await c.Command("SELECT count(*) FROM scratch WHERE n < 0").ExecuteScalarAsync())!, default);

    /// <summary>The temporary files SQLite has open in this process (it names them etilqs_*, and unlinks them once open).</summary>
    private static List<string> OpenTemporaryFiles() =>
        Directory.EnumerateFiles("/proc/self/fd").Select(LinkTarget).OfType<string>().Where(target => target.Contains("etilqs_")).ToList();

    private static string? LinkTarget(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget;
        }
        catch (IOException)
        {
            return null;   // closed since it was listed
        }
    }
}
