using System.Net;
using System.Net.Http.Json;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// A store whose writes are all taken sheds the next at once, as 503 with <c>Retry-After</c>, rather than
/// queueing it behind the others. One place for writes, which a test fills by holding the writer.
/// </summary>
public sealed class WriteOverloadTests : IDisposable
{
    private readonly ContactsApiFactory _factory = new() { Settings = { ["Storage:MaxPendingWrites"] = "1" } };
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task A_create_while_every_place_for_writes_is_taken_answers_503_with_Retry_After_and_is_not_committed()
    {
        var client = await _factory.LoggedInClientAsync();
        var held = _factory.Services.GetRequiredService<SqliteStore>().WriteAsync(async (_, _) =>
        {
            await _gate.Task;
            return 0;
        }, default);

        var refused = await client.PostAsJsonAsync("/api/contacts", new { name = "Ann", email = "ann@example.com", phone = "+1 555 0100" });

        await refused.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "The store is unavailable; try again later");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        _gate.SetResult();
        await held;
        Assert.Equal(0, (await (await client.GetAsync("/api/contacts")).AssertJsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>());

        // Drained: the same request is taken again.
        await (await client.PostAsJsonAsync("/api/contacts", new { name = "Ann", email = "ann@example.com", phone = "+1 555 0100" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, (await (await client.GetAsync("/api/contacts")).AssertJsonAsync(HttpStatusCode.OK))["total"]!.GetValue<int>());
    }

    public void Dispose()
    {
        // A failed test would otherwise leave the writer held, and the store's dispose waiting for it.
        _gate.TrySetResult();
        _factory.Dispose();
    }
}
