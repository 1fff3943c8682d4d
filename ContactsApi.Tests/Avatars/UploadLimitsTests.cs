using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsApi.Avatars;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Avatars;

/// <summary>Two uploads a minute per user, one upload at a time, and a clock the tests move.</summary>
public sealed class UploadLimitsFactory : ClockedContactsApiFactory
{
    public UploadLimitsFactory()
    {
        Settings["Avatars:UploadRate:PermitLimit"] = "2";
        Settings["Avatars:UploadRate:Window"] = "00:01:00";
        Settings["Avatars:UploadsAtOnce"] = "1";
    }

    public UploadSlots Slots => Services.GetRequiredService<UploadSlots>();
}

public sealed class UploadLimitsTests(UploadLimitsFactory factory) : IClassFixture<UploadLimitsFactory>
{
    private static readonly byte[] NotAnImage = [1, 2, 3];

    [Fact]
    public async Task A_users_uploads_are_limited_per_window_then_allowed_again()
    {
        var client = await factory.LoggedInClientAsync();
        var other = await factory.LoggedInClientAsync();
        for (var i = 0; i < 2; i++)
            await (await client.UploadAvatarAsync(NotAnImage)).AssertErrorAsync(HttpStatusCode.BadRequest, AvatarResizer.NotAnImage);

        var refused = await client.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png"));

        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Too many requests; try again later");
        var wait = (int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(wait, 1, 60);
        Assert.Equal("/avatars/default.png", await client.CurrentAvatarUrlAsync());
        // The limit is the user's, not the address's: every test client shares one address.
        await (await other.UploadAvatarAsync(NotAnImage)).AssertErrorAsync(HttpStatusCode.BadRequest, AvatarResizer.NotAnImage);

        factory.Clock.Advance(TimeSpan.FromSeconds(wait));

        await (await client.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png"))).AssertAvatarUrlAsync();
    }

    [Fact]
    public async Task An_upload_beyond_the_slots_waits_with_its_body_unread()
    {
        var first = await StreamingClientAsync();
        var second = await StreamingClientAsync();
        var photo = TestImages.Solid(Rgb.Blue, ".png", 400, 300);
        var held = new HeldBody(photo);
        var unread = new CountingBody(new byte[1024 * 1024]);

        // The first upload takes the only slot and stalls halfway through sending its file.
        var stalled = first.UploadAvatarAsync(held);
        await held.ReachedHold;
        await Eventually.TrueAsync(() => factory.Slots.Free == 0, "the first upload holds the slot");
        var waiting = second.UploadAvatarAsync(unread);
        await Eventually.TrueAsync(() => factory.Slots.Waiting == 1, "the second upload waits for a slot");

        // Its 1 MB body is still (almost all) with the client: the server reads it only once it has a slot.
        Assert.InRange(unread.Read, 0, 256 * 1024);
        held.Release();
        await (await stalled).AssertAvatarUrlAsync();
        await (await waiting).AssertErrorAsync(HttpStatusCode.BadRequest, AvatarResizer.NotAnImage);
        Assert.Equal(unread.Length, unread.Read);
    }

    // WebApplicationFactory.CreateClient's redirect handler reads a request's whole body before
    // sending it; a client without it sends the body as the content produces it, as a browser does.
    private async Task<HttpClient> StreamingClientAsync()
    {
        var client = factory.CreateDefaultClient();
        var email = ContactsApiFactory.NewEmail();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ContactsApiFactory.LoginAsync(client, email));
        return client;
    }
}
