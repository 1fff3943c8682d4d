using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using ContactsApi.Common;
using ContactsApi.Tests.Auth;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// The service on MongoDB while no MongoDB answers: a loopback port nobody listens on. It must start,
/// answer 503 fast, and keep trying to create its indexes instead of exiting. (That it then recovers
/// needs a server coming back, which this machine can't run.)
/// </summary>
public sealed class MongoUnreachableTests
{
    private const string StoreUnavailable = "The store is unavailable; try again later";

    [Fact]
    public async Task A_service_started_while_MongoDB_is_down_runs_and_answers_503_until_it_is_back()
    {
        using var factory = new ContactsApiFactory();
        factory.Settings["Storage:Provider"] = "Mongo";
        factory.Settings["Storage:MongoConnectionString"] = $"mongodb://127.0.0.1:{ClosedPort()}/?connectTimeoutMS=200";
        factory.Settings["Storage:MongoServerSelectionTimeout"] = "00:00:00.300";
        var logs = new LogCollector();
        using var app = factory.WithLogs(logs);
        var client = app.CreateClient();
        var stopwatch = Stopwatch.StartNew();

        var health = await (await client.GetAsync("/health")).AssertJsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unavailable", health["status"]!.GetValue<string>());
        var account = new { email = ContactsApiFactory.NewEmail(), password = ContactsApiFactory.Password };
        await (await client.PostAsJsonAsync("/api/users/register", account))
            .AssertErrorAsync(HttpStatusCode.ServiceUnavailable, StoreUnavailable);
        await (await client.PostAsJsonAsync("/api/users/login", account))
            .AssertErrorAsync(HttpStatusCode.ServiceUnavailable, StoreUnavailable);
        // A well-signed token whose session can't be checked: not "unauthorized", the store is out.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ForgedTokens.Forge(ObjectIds.New(), ObjectIds.New()));
        await (await client.GetAsync("/api/contacts")).AssertErrorAsync(HttpStatusCode.ServiceUnavailable, StoreUnavailable);

        // Each answer came after the short server selection, not the driver's 30 s.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
        // The index builder failed, said why, and is still trying; the host kept running.
        Assert.True(SpinWait.SpinUntil(() => logs.Entries.Any(e =>
            e is { Level: LogLevel.Warning, Message: var m } && m.StartsWith("Could not create the MongoDB indexes (attempt 1): A timeout occurred")),
            TimeSpan.FromSeconds(30)), string.Join("\n", logs.Entries.Select(e => e.Message)));
        Assert.False(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.DoesNotContain(logs.Entries, e => e.Message == "The MongoDB indexes are in place");
        await (await client.GetAsync("/health")).AssertJsonAsync(HttpStatusCode.ServiceUnavailable);
    }

    /// <summary>A loopback port that was free a moment ago: connecting to it is refused at once.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
