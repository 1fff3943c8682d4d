using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ContactsApi.Tests.Security;

/// <summary>
/// The service as a real process, killed with SIGKILL in the middle of concurrent writes and started
/// again: every write that was acknowledged must be there as acknowledged, and a write in flight at
/// the kill must have happened whole or not at all.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Cycles = 20;
    private const int Writers = 8;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("contactsapi-crash-").FullName;

    [Fact]
    public async Task Killing_the_process_mid_write_loses_no_acknowledged_write_and_leaves_none_half_done()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), out var given) ? given : Environment.TickCount;
        output.WriteLine($"CRASH_SEED={seed}");
        var random = new Random(seed);
        var writers = Enumerable.Range(0, Writers).Select(w => new Writer(w, new Random(random.Next()))).ToArray();
        string? token = null;
        var acknowledged = 0;

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            using var service = await ServiceProcess.StartAsync(_dataFolder);
            using var client = service.Client();
            token ??= await RegisterAndLoginAsync(client);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var stored = await ReadAllAsync(client);
            foreach (var writer in writers) writer.Reconcile(stored);
            Assert.Empty(stored);   // every stored contact was claimed by the writer that made it

            // The kill comes after a random number of acknowledged writes, while all writers are mid-flight.
            var killAfter = random.Next(5, 40);
            var acks = 0;
            var killed = new CancellationTokenSource();
            void Acknowledged()
            {
                if (Interlocked.Increment(ref acks) != killAfter) return;
                service.Kill();
                killed.Cancel();
            }
            await Task.WhenAll(writers.Select(w => w.RunAsync(client, Acknowledged, killed.Token)));
            acknowledged += acks;
        }

        using (var service = await ServiceProcess.StartAsync(_dataFolder))
        using (var client = service.Client())
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var stored = await ReadAllAsync(client);
            foreach (var writer in writers) writer.Reconcile(stored);
            Assert.Empty(stored);
            service.Kill();
        }
        output.WriteLine($"{Cycles} kills, {acknowledged} acknowledged writes checked; of the writes in flight at a kill " +
                         $"{writers.Sum(w => w.InFlightApplied)} had happened whole and {writers.Sum(w => w.InFlightLost)} not at all");

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataFolder, "contacts.db")};Pooling=False");
        await connection.OpenAsync();
        var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task SIGTERM_lets_a_request_in_flight_finish_before_the_process_exits()
    {
        string token;
        using (var service = await ServiceProcess.StartAsync(_dataFolder))
        {
            using var client = service.Client();
            token = await RegisterAndLoginAsync(client);

            using var socket = new TcpClient();
            await socket.ConnectAsync(service.Address.Host, service.Address.Port);
            var stream = socket.GetStream();
            var body = Encoding.UTF8.GetBytes("""{"name":"Sent across a shutdown","email":"drain@example.com","phone":"+1 555 0199"}""");
            // Expect: 100-continue makes the server say when the action starts reading the body: from
            // then on the request is surely in flight, and the signal comes before the body is sent.
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /api/contacts HTTP/1.1\r\nHost: {service.Address.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\nExpect: 100-continue\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 100", await ReadUntilAsync(stream, "\r\n\r\n"));

            service.Terminate();
            await stream.WriteAsync(body);
            var response = await ReadToEndAsync(stream);

            Assert.StartsWith("HTTP/1.1 201", response);
            Assert.Contains("Sent across a shutdown", response);
            Assert.Equal(0, await service.ExitCodeAsync());
        }

        using (var service = await ServiceProcess.StartAsync(_dataFolder))
        using (var client = service.Client())
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var page = await (await client.GetAsync("/api/contacts?name=across")).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Sent across a shutdown", page["data"]![0]!["name"]!.GetValue<string>());
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    private static async Task<string> RegisterAndLoginAsync(HttpClient client)
    {
        var email = ContactsApiFactory.NewEmail("crash");
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        return await ContactsApiFactory.LoginAsync(client, email);
    }

    private static async Task<Dictionary<string, JsonObject>> ReadAllAsync(HttpClient client)
    {
        var all = new Dictionary<string, JsonObject>();
        for (var page = 1; ; page++)
        {
            var body = await (await client.GetAsync($"/api/contacts?limit=100&page={page}")).AssertJsonAsync(HttpStatusCode.OK);
            var data = body["data"]!.AsArray();
            foreach (var contact in data) all[contact!["_id"]!.GetValue<string>()] = contact.AsObject();
            if (data.Count < 100) return all;
        }
    }

    private static async Task<string> ReadUntilAsync(NetworkStream stream, string end)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!text.ToString().EndsWith(end, StringComparison.Ordinal) && await stream.ReadAsync(buffer, guard.Token) == 1)
            text.Append((char)buffer[0]);
        return text.ToString();
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(guard.Token);
    }

    /// <summary>
    /// One client writing to contacts only it touches, one request at a time, so it knows what each
    /// of its contacts must hold, and which one write (if any) was in flight at the kill.
    /// </summary>
    private sealed class Writer(int number, Random random)
    {
        private readonly Dictionary<string, JsonObject> _contacts = [];
        private int _made;
        // The write in flight at the kill: the contact's id (null for a create) and what it asked for.
        private (string? Id, string Kind, JsonObject? Asked)? _unsure;

        public int InFlightApplied { get; private set; }
        public int InFlightLost { get; private set; }

        public async Task RunAsync(HttpClient client, Action acknowledged, CancellationToken killed)
        {
            while (!killed.IsCancellationRequested)
            {
                var (kind, id, request) = NextWrite();
                _unsure = (id, kind, request.Content is JsonContent { Value: JsonObject asked } ? asked : null);
                HttpResponseMessage response;
                string text;
                try
                {
                    response = await client.SendAsync(request, killed);
                    text = await response.Content.ReadAsStringAsync(killed);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                {
                    return;   // the process died with this write in flight
                }
                Assert.True(response.IsSuccessStatusCode, $"{kind} answered {(int)response.StatusCode}: {text}");
                if (kind == "delete") _contacts.Remove(id!);
                else
                {
                    var contact = JsonNode.Parse(text)!.AsObject();
                    _contacts[contact["_id"]!.GetValue<string>()] = contact;
                }
                _unsure = null;
                acknowledged();
            }
        }

        /// <summary>Takes this writer's contacts out of <paramref name="stored"/>, checking each against what it knows.</summary>
        public void Reconcile(Dictionary<string, JsonObject> stored)
        {
            foreach (var (id, expected) in _contacts.ToArray())
            {
                stored.Remove(id, out var actual);
                if (_unsure is { Id: { } unsureId } unsure && unsureId == id)
                {
                    if (actual is null) Assert.Equal("delete", unsure.Kind);
                    else if (!SameContent(expected, actual, withIds: true)) AssertApplied(unsure.Kind, unsure.Asked, expected, actual);
                    if (actual is null || !SameContent(expected, actual, withIds: true)) InFlightApplied++;
                    else InFlightLost++;
                }
                else
                {
                    Assert.True(actual is not null, $"acknowledged contact {id} is gone");
                    Assert.True(SameContent(expected, actual, withIds: true), $"contact {id} is {actual.ToJsonString()}, acknowledged as {expected.ToJsonString()}");
                }
                if (actual is null) _contacts.Remove(id);
                else _contacts[id] = actual;
            }
            if (_unsure is { Id: null, Asked: { } create })
            {
                var made = stored.Values.FirstOrDefault(c => c["name"]!.GetValue<string>() == create["name"]!.GetValue<string>());
                if (made is not null)
                {
                    AssertApplied("create", create, null, made);
                    stored.Remove(made["_id"]!.GetValue<string>());
                    _contacts[made["_id"]!.GetValue<string>()] = made;
                    InFlightApplied++;
                }
                else InFlightLost++;
            }
            _unsure = null;
            foreach (var contact in _contacts.Values) Assert.Equal(contact["phones"]![0]!["number"]!.GetValue<string>(), contact["phone"]!.GetValue<string>());
        }

        private (string Kind, string? Id, HttpRequestMessage Request) NextWrite()
        {
            var n = Interlocked.Increment(ref _made);
            var id = _contacts.Count > 0 ? _contacts.Keys.ElementAt(random.Next(_contacts.Count)) : null;
            var roll = id is null || _contacts.Count < 3 ? 0 : random.Next(10);
            var fields = new JsonObject
            {
                ["name"] = $"writer {number} write {n} {Guid.NewGuid():N}",
                ["email"] = $"w{number}.{n}@example.com",
                ["favorite"] = random.Next(2) == 0,
                ["phones"] = new JsonArray(new JsonObject { ["number"] = $"+1 555 {n:0000}", ["label"] = "mobile" },
                    new JsonObject { ["number"] = $"+1 556 {n:0000}", ["label"] = "work" }),
            };
            return roll switch
            {
                0 or 1 or 2 => ("create", null, new HttpRequestMessage(HttpMethod.Post, "/api/contacts") { Content = JsonContent.Create(fields) }),
                3 or 4 or 5 => ("update", id, new HttpRequestMessage(HttpMethod.Put, $"/api/contacts/{id}") { Content = JsonContent.Create(fields) }),
                6 or 7 or 8 when _contacts[id!]["phones"]!.AsArray().Count < 20 => ("phone", id, new HttpRequestMessage(HttpMethod.Post, $"/api/contacts/{id}/phones")
                {
                    Content = JsonContent.Create(new JsonObject { ["number"] = $"+1 557 {n:0000}", ["label"] = $"extra {n}" }),
                }),
                _ => ("delete", id, new HttpRequestMessage(HttpMethod.Delete, $"/api/contacts/{id}")),
            };
        }

        /// <summary>The unsure write happened, whole: <paramref name="actual"/> is what it asked for.</summary>
        private static void AssertApplied(string kind, JsonObject? asked, JsonObject? before, JsonObject actual)
        {
            var expected = kind switch
            {
                "create" or "update" => new JsonObject
                {
                    ["name"] = asked!["name"]!.DeepClone(), ["email"] = asked["email"]!.DeepClone(), ["favorite"] = asked["favorite"]!.DeepClone(),
                    ["phones"] = asked["phones"]!.DeepClone(),
                },
                "phone" => new JsonObject
                {
                    ["name"] = before!["name"]!.DeepClone(), ["email"] = before["email"]!.DeepClone(), ["favorite"] = before["favorite"]!.DeepClone(),
                    ["phones"] = new JsonArray([.. before["phones"]!.AsArray().Select(p => p!.DeepClone()), asked!.DeepClone()]),
                },
                _ => throw new InvalidOperationException($"a {kind} can't leave a changed contact"),
            };
            Assert.True(SameContent(expected, actual, withIds: false),
                $"after an unacknowledged {kind} the contact is {actual.ToJsonString()}: neither before ({before?.ToJsonString()}) nor {expected.ToJsonString()}");
        }

        private static bool SameContent(JsonObject a, JsonObject b, bool withIds) =>
            Fingerprint(a, withIds) == Fingerprint(b, withIds);

        private static string Fingerprint(JsonObject c, bool withIds) =>
            $"{c["name"]}|{c["email"]}|{c["favorite"]}|" + string.Join(";", c["phones"]!.AsArray().Select(p =>
                $"{(withIds ? p!["_id"] : "")}:{p!["number"]}:{p["label"]}"));
    }
}
