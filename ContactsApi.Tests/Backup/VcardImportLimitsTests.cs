using System.Net;
using System.Text;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static ContactsApi.Tests.Backup.BackupCalls;

namespace ContactsApi.Tests.Backup;

/// <summary>What bounds an import: its bytes, its cards, the user's contact limit, and that it is all or nothing.</summary>
public sealed class VcardImportLimitsTests(TwoContactsFactory factory) : IClassFixture<TwoContactsFactory>
{
    private const string TooManyCards = "A file can hold at most 20000 cards";

    [Fact]
    public async Task A_body_declared_over_20_MB_is_refused_before_it_is_read()
    {
        var client = await factory.LoggedInClientAsync();
        var file = new byte[20 * 1024 * 1024 + 1];

        var response = await client.PostVcardAsync(file);

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "Request body too large: at most 20480 KB");
    }

    [Fact]
    public async Task A_file_of_more_than_20000_cards_is_refused_and_imports_nothing_and_one_of_20000_is_read()
    {
        var client = await factory.LoggedInClientAsync();

        var tooMany = await client.PostVcardAsync(string.Concat(Enumerable.Repeat(Card("x"), 20_001)));
        var enough = await client.PostVcardAsync(string.Concat(Enumerable.Repeat(Card("x"), 20_000)));

        await tooMany.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, TooManyCards);
        // Read whole, and then past this user's limit of two contacts.
        await enough.AssertErrorAsync(HttpStatusCode.Forbidden, "A user can have at most 2 contacts");
        Assert.Equal(0, (await client.ListAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_import_past_the_users_contact_limit_is_refused_whole_naming_the_limit()
    {
        var client = await factory.LoggedInClientAsync();
        await client.ImportAsync(Card("Ann"));

        var refused = await client.PostVcardAsync(Card("Ann") + Card("Bob") + Card("Cat"));

        await refused.AssertErrorAsync(HttpStatusCode.Forbidden, "A user can have at most 2 contacts");
        Assert.Equal(["Ann"], (await client.ListAsync())["data"]!.AsArray().Select(c => c!.Str("name")));
        Assert.Equal((1, 0, 1, 0), (await client.ImportAsync(Card("Ann") + Card("Bob"))).Counts());
        Assert.Equal((0, 0, 2, 0), (await client.ImportAsync(Card("Ann") + Card("Bob"))).Counts());
    }
}

/// <summary>The service on Kestrel, whose own limit stops a chunked body as it streams in.</summary>
public sealed class KestrelImportFactory : ContactsApiFactory
{
    public KestrelImportFactory() => UseKestrel(0);
}

public sealed class VcardImportStreamLimitTests(KestrelImportFactory factory) : IClassFixture<KestrelImportFactory>
{
    [Fact]
    public async Task A_chunked_body_that_grows_past_20_MB_is_stopped_as_it_streams_in()
    {
        var client = await factory.LoggedInClientAsync();
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Card("x", "NOTE:" + new string('n', 2000)), 50)));

        var (status, answer) = await PostChunkedAsync(client, chunk, times: 220);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("\"message\":\"Request body too large: at most 20480 KB\"", answer);
        Assert.Equal(0, (await client.ListAsync())["total"]!.GetValue<int>());
    }

    /// <summary>
    /// The chunk sent <paramref name="times"/> times as a chunked body, straight to the socket: HttpClient drops an
    /// answer that comes before it has sent the whole body. Writing stops when the server stops reading.
    /// </summary>
    private static async Task<(HttpStatusCode, string)> PostChunkedAsync(HttpClient client, byte[] chunk, int times)
    {
        var server = client.BaseAddress!;
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(server.Host, server.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/contacts/import HTTP/1.1\r\nHost: {server.Authority}\r\n" +
            $"Authorization: {client.DefaultRequestHeaders.Authorization}\r\nContent-Type: text/vcard\r\nTransfer-Encoding: chunked\r\n" +
            "Connection: close\r\n\r\n"));
        try
        {
            for (var i = 0; i < times; i++)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server answered and closed: its answer is still there to read.
        }
        using var stuck = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await new StreamReader(stream).ReadToEndAsync(stuck.Token);
        return ((HttpStatusCode)int.Parse(answer.Split(' ')[1]), answer);
    }
}

public sealed class VcardImportFailureTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task A_store_failure_midway_imports_nothing()
    {
        var client = await factory.LoggedInClientAsync();
        // A real failure of the real store, half way through the import's writes: SQLite itself aborts the
        // third insert (a trigger in the service's own file), as a full disk or an I/O error would.
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, SqliteStore.FileName)}"))
        {
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = """
                CREATE TRIGGER IF NOT EXISTS fail_midway BEFORE INSERT ON contacts WHEN NEW.name = 'Fails Here'
                BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
                """;
            trigger.ExecuteNonQuery();
        }
        var file = Card("First", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ") + Card("Second") + Card("Fails Here") + Card("Fourth");

        var response = await client.PostVcardAsync(file);

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "The store is unavailable; try again later");
        Assert.Equal(0, (await client.ListAsync())["total"]!.GetValue<int>());
        using var check = new SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, SqliteStore.FileName)}");
        check.Open();
        using var photos = check.CreateCommand();
        photos.CommandText = "SELECT count(*) FROM contact_photos";
        Assert.Equal(0L, photos.ExecuteScalar());
        // The next import, without the failing card, goes through as a whole.
        Assert.Equal((2, 0, 0, 0), (await client.ImportAsync(Card("First") + Card("Second"))).Counts());
    }

}

/// <summary>Five contact writes at once, then one a second, on a clock the tests move.</summary>
public sealed class FiveWritesFactory : ClockedContactsApiFactory
{
    public FiveWritesFactory()
    {
        Settings["RateLimits:ContactWrites:TokenLimit"] = "5";
        Settings["RateLimits:ContactWrites:TokensPerSecond"] = "1";
    }
}

public sealed class VcardImportRateTests(FiveWritesFactory factory) : IClassFixture<FiveWritesFactory>
{
    private static string Cards(params string[] names) => string.Concat(names.Select(n => Card(n)));

    [Fact]
    public async Task An_import_costs_a_write_for_each_card_it_creates_or_updates_and_nothing_for_the_unchanged()
    {
        var client = await factory.LoggedInClientAsync();
        Assert.Equal((4, 0, 0, 0), (await client.ImportAsync(Cards("A", "B", "C", "D"))).Counts());

        // One write left: the request takes it, and its three new cards would need two more.
        var refused = await client.PostVcardAsync(Cards("E", "F", "G"));

        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many requests; try again later");
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(4, (await client.ListAsync())["total"]!.GetValue<int>());
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((0, 0, 4, 0), (await client.ImportAsync(Cards("A", "B", "C", "D"))).Counts());
    }

    [Fact]
    public async Task A_book_bigger_than_the_bucket_comes_in_at_once_while_the_bucket_is_full_and_empties_it()
    {
        var client = await factory.LoggedInClientAsync();

        var report = await client.ImportAsync(Cards("A", "B", "C", "D", "E", "F", "G", "H"));

        Assert.Equal((8, 0, 0, 0), report.Counts());
        await (await client.PostVcardAsync(Cards("I"))).AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many requests; try again later");
    }
}
