using System.Text.RegularExpressions;
using System.Net;
using System.Net.Http.Json;
using ContactsApi.Contacts;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Xunit.Abstractions;

namespace ContactsApi.Tests.Storage;

public sealed class SqliteStoreTests(ContactsApiFactory factory, ITestOutputHelper output) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task The_file_is_created_on_first_start_in_the_configured_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"contactsapi-fresh-{Guid.NewGuid():N}");
        var folder = Path.Combine(root, "nested", "data");
        try
        {
            using (var fresh = new ContactsApiFactory { Settings = { ["Storage:DataFolder"] = folder } })
            {
                Assert.False(Directory.Exists(root));

                _ = fresh.Services;

                Assert.True(File.Exists(Path.Combine(folder, SqliteStore.FileName)), "no file after the start, before any request");
                Assert.Empty(Directory.GetFiles(fresh.DataFolder));
                await (await fresh.LoggedInClientAsync()).CreateContactAsync();
            }
            using var connection = Open(Path.Combine(folder, SqliteStore.FileName));
            Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM contacts"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_file_is_in_wal_mode_at_the_latest_schema_version()
    {
        using var connection = Open(StartedFile());

        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)SqliteMigrations.Steps.Length, Scalar(connection, "PRAGMA user_version"));
        Assert.NotEmpty(SqliteMigrations.Steps);
    }

    [Fact]
    public async Task A_restart_on_the_same_file_keeps_the_data_and_the_version()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"contactsapi-restart-{Guid.NewGuid():N}");
        var email = ContactsApiFactory.NewEmail();
        try
        {
            string id;
            using (var first = new ContactsApiFactory { Settings = { ["Storage:DataFolder"] = folder } })
                id = (await (await first.LoggedInClientAsync(email)).CreateContactAsync()).Id();

            using var second = new ContactsApiFactory { Settings = { ["Storage:DataFolder"] = folder } };
            var client = second.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await ContactsApiFactory.LoginAsync(client, email));

            Assert.Equal([id], (await client.ListAsync()).Ids());
            await (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password }))
                .AssertErrorAsync(HttpStatusCode.Conflict, "Email in use");
            using var connection = Open(Path.Combine(folder, SqliteStore.FileName));
            Assert.Equal((long)SqliteMigrations.Steps.Length, Scalar(connection, "PRAGMA user_version"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_from_a_newer_release_stops_the_start()
    {
        using var newer = new ContactsApiFactory();
        using (var connection = Open(Path.Combine(newer.DataFolder, SqliteStore.FileName), SqliteOpenMode.ReadWriteCreate))
            Scalar(connection, $"PRAGMA user_version = {SqliteMigrations.Steps.Length + 1}");

        var refused = Assert.ThrowsAny<Exception>(() => newer.CreateClient());

        Assert.Contains($"schema version {SqliteMigrations.Steps.Length + 1}, newer than this release knows", refused.ToString());
    }

    public static TheoryData<string?, string?> SortsAndOrders => new()
    {
        { null, null }, { "name", "asc" }, { "name", "desc" }, { "email", "asc" }, { "email", "desc" }, { "phone", "asc" },
        { "phone", "desc" }, { "favorite", "asc" }, { "favorite", "desc" }, { "createdAt", "asc" }, { "createdAt", "desc" },
        { "updatedAt", "asc" }, { "updatedAt", "desc" },
    };

    [Theory]
    [MemberData(nameof(SortsAndOrders))]
    public void Every_list_query_walks_its_owners_rows_in_an_index_without_sorting(string? sort, string? order)
    {
        var owner = "63a4f6ada59c271a98adff3e";
        var parameters = new ContactListParameters(null, "10", sort, order, null, null, null, null);
        var plain = parameters.ToQuery();
        var filtered = plain with { Name = "chaim", Email = "n.net", PhoneDigits = "0992125453", Favorite = true, Page = 3 };
        var index = "contacts_by_" + (sort ?? "name") switch { "createdAt" => "created_at", "updatedAt" => "updated_at", var s => s };
        using var cached = new CachedConnection(Open(StartedFile()));

        // The last page of 1,000 is read from the far end, in the opposite order, through the same index.
        foreach (var query in new[] { plain, filtered, filtered with { Page = 100 }, plain with { Name = "ch" } })
        {
            var list = new SqliteContactList(cached, owner, query);
            var reverse = query.Page == 100;
            var page = Plan(list.WalkCommand(query.Skip, query.Limit, reverse));
            var count = Plan(list.ScanCountCommand());
            output.WriteLine($"sort={sort ?? "(default)"} order={order ?? "(default)"} query={query}\n  page:  {string.Join(" | ", page)}\n  count: {string.Join(" | ", count)}");

            // Each page is one step: a search of this owner's rows in the index (a favorite filter may narrow it
            // further), so no "USE TEMP B-TREE FOR ORDER BY" and no "SCAN contacts" over every user's rows.
            Assert.Matches($@"^SEARCH contacts USING INDEX {index} \(owner=\?( AND favorite=\?)?\)$", Assert.Single(page));
            // A count that checks every filter on each entry reads one owner's entries of an index, never the table.
            Assert.Matches(@"^SEARCH contacts USING (COVERING )?INDEX contacts_\w+ \(owner=\?( AND favorite=\?)?\)$", Assert.Single(count));
        }
    }

    [Theory]
    [MemberData(nameof(SortsAndOrders))]
    public void A_search_reads_its_owners_entries_of_the_trigram_index_and_only_the_rows_they_name(string? sort, string? order)
    {
        var owner = "63a4f6ada59c271a98adff3e";
        var parameters = new ContactListParameters(null, "10", sort, order, null, null, null, null);
        var plain = parameters.ToQuery();
        using var cached = new CachedConnection(Open(StartedFile()));

        foreach (var query in new[] { plain with { Name = "chaim" }, plain with { Name = "cha", Email = "n.net" }, plain with { Name = "chaim", Favorite = true, PhoneDigits = "0992" } })
        {
            var list = new SqliteContactList(cached, owner, query);
            var search = Plan(list.SearchCountCommand());
            var candidates = Plan(list.CandidateCountCommand());
            var fetch = Plan(list.FetchCommand(0, 10, reverse: false));
            output.WriteLine($"query={query}\n  search: {string.Join(" | ", search)}\n  candidates: {string.Join(" | ", candidates)}\n  fetch: {string.Join(" | ", fetch)}");

            // The trigram index's MATCH and its rowid range (the owner's): FTS5 seeks to the range's start.
            Assert.Matches(@"^SCAN contacts_fts VIRTUAL TABLE INDEX 0:M\d><$", Assert.Single(search));
            // Candidates: the same lookup, then each candidate's row by its search_id; sorted, since they are few.
            foreach (var plan in new[] { candidates, fetch })
            {
                Assert.Contains("SEARCH contacts USING INDEX contacts_by_search_id (search_id=?)", plan);
                Assert.Contains(plan, step => Regex.IsMatch(step, @"^SCAN contacts_fts VIRTUAL TABLE INDEX 0:M\d><$"));
                Assert.DoesNotContain(plan, step => step.StartsWith("SCAN contacts ", StringComparison.Ordinal) || step == "SCAN contacts");
            }
        }
        // A three-character name search counts its matches in one row of the kept trigram counts.
        var kept = Plan(new SqliteContactList(cached, owner, plain with { Name = "cha" }).TrigramCountCommand());
        Assert.Contains("SEARCH name_trigrams USING PRIMARY KEY (owner_no=? AND trigram=?)", kept);
        Assert.DoesNotContain(kept, step => step.StartsWith("SCAN", StringComparison.Ordinal) && step != "SCAN CONSTANT ROW");
    }

    [Fact]
    public void A_name_search_in_name_order_walks_the_owners_distinct_names_then_reads_only_the_pages_rows()
    {
        var owner = "63a4f6ada59c271a98adff3e";
        using var cached = new CachedConnection(Open(StartedFile()));
        var list = new SqliteContactList(cached, owner, new ContactQuery { Name = "an" });

        Assert.Equal(["SEARCH name_groups USING PRIMARY KEY (owner_no=?)"], Plan(list.GroupCountCommand()));
        foreach (var reverse in new[] { false, true })
        {
            Assert.Equal(["SEARCH name_groups USING PRIMARY KEY (owner_no=?)"], Plan(list.NameGroupsCommand(reverse)));
            var rows = Plan(list.NameGroupRowsCommand(["2A44"], 20, 10, reverse));
            output.WriteLine($"reverse={reverse}: {string.Join(" | ", rows)}");
            Assert.Equal("SEARCH contacts USING INDEX contacts_by_name (owner=? AND name_key=?)", rows[0]);
            Assert.DoesNotContain(rows, step => step.Contains("TEMP B-TREE") || step.StartsWith("SCAN contacts", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_page_is_read_by_a_statement_compiled_once_whichever_page_it_is()
    {
        var owner = "63a4f6ada59c271a98adff3e";
        using var cached = new CachedConnection(Open(StartedFile()));
        var walk = new SqliteContactList(cached, owner, new ContactQuery());
        var fetch = new SqliteContactList(cached, owner, new ContactQuery { Name = "chaim" });
        var groups = new SqliteContactList(cached, owner, new ContactQuery { Name = "an" });
        long[] skips = [0, 10, 20, 30];

        // A parameter SQLite plans by (a bare one in LIMIT or OFFSET, since 3.47) recompiles the statement at every new value.
        Assert.Equal(0, Recompilations(skips.Select(skip => walk.WalkCommand(skip, 10, reverse: false))));
        Assert.Equal(0, Recompilations(skips.Select(skip => fetch.FetchCommand(skip, 10 + skip, reverse: true))));
        Assert.Equal(0, Recompilations(skips.Select(skip => groups.NameGroupRowsCommand(["2A44"], skip, 10, reverse: false))));
    }

    [Fact]
    public async Task A_snapshot_whose_read_fails_is_ended_so_that_its_connection_reads_on()
    {
        using var cached = new CachedConnection(Open(StartedFile()));

        await Assert.ThrowsAsync<TimeoutException>(() => cached.SnapshotAsync<long>(() => throw new TimeoutException(), CancellationToken.None));

        Assert.Equal(1L, await cached.SnapshotAsync(async () => (long)(await cached.Command("SELECT 1").ExecuteScalarAsync())!, CancellationToken.None));
    }

    private string StartedFile()
    {
        _ = factory.Services;
        return Path.Combine(factory.DataFolder, SqliteStore.FileName);
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>
    /// How many times SQLite compiled the commands' SQL (one text, as a page's command has) again when it ran once with
    /// each command's parameters, through a statement of its own: the store's commands don't show their statements.
    /// </summary>
    private const int StatementReprepares = 5; // SQLITE_STMTSTATUS_REPREPARE, which SQLitePCL.raw doesn't name

    private static int Recompilations(IEnumerable<SqliteCommand> runs)
    {
        sqlite3_stmt? statement = null;
        try
        {
            foreach (var command in runs)
            {
                if (statement is null)
                    Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(command.Connection!.Handle, command.CommandText, out statement));
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
                foreach (SqliteParameter parameter in command.Parameters)
                {
                    var at = raw.sqlite3_bind_parameter_index(statement, parameter.ParameterName);
                    if (at == 0) continue;
                    Assert.Equal(raw.SQLITE_OK, parameter.Value switch
                    {
                        string text => raw.sqlite3_bind_text(statement, at, text),
                        long number => raw.sqlite3_bind_int64(statement, at, number),
                        bool flag => raw.sqlite3_bind_int(statement, at, flag ? 1 : 0),
                        var other => throw new InvalidOperationException($"No binding here for {other?.GetType()}"),
                    });
                }
                int step;
                while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) { }
                Assert.Equal(raw.SQLITE_DONE, step);
            }
            return raw.sqlite3_stmt_status(statement!, StatementReprepares, 0);
        }
        finally
        {
            statement?.Dispose();
        }
    }

    /// <summary>The plan's steps, as <c>EXPLAIN QUERY PLAN</c> prints them, for the command's own SQL and parameters.</summary>
    private static List<string> Plan(SqliteCommand command)
    {
        // A new command: the store's own is cached on its connection and must keep its SQL.
        using var explain = command.Connection!.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (SqliteParameter parameter in command.Parameters) explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        using var reader = explain.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read()) steps.Add(reader.GetString(3));
        return steps;
    }
}
