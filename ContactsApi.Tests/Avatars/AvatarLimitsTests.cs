using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Avatars;

/// <summary>The service with lower limits than the defaults, as an operator may configure them.</summary>
public sealed class SmallAvatarLimitsFactory : ContactsApiFactory
{
    public SmallAvatarLimitsFactory()
    {
        Settings["Avatars:MaxBytes"] = "102400";
        Settings["Avatars:MaxPixels"] = "10000";
    }
}

public sealed class AvatarLimitsTests(SmallAvatarLimitsFactory factory) : IClassFixture<SmallAvatarLimitsFactory>
{
    [Fact]
    public async Task The_pixel_limit_is_configurable()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png", 200, 200));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "The image is too large: at most 10000 pixels");
    }

    [Fact]
    public async Task An_image_within_the_configured_limits_is_accepted()
    {
        var client = await factory.LoggedInClientAsync();

        var url = await (await client.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png", 100, 100))).AssertAvatarUrlAsync();

        var served = await client.FetchAvatarAsync(url);
        Assert.Equal((250, 250), (served.Width, served.Height));
    }

    [Fact]
    public async Task The_size_limit_is_configurable()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync(new byte[150 * 1024], "avatar.png");

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "The file is too large: at most 100 KB");
    }
}
