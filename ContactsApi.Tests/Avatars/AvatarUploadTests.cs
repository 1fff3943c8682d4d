using System.Net;
using System.Security.Cryptography;
using ContactsApi.Avatars;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Avatars;

public sealed class AvatarUploadTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Theory]
    [InlineData(".png", "image/png")]
    [InlineData(".jpg[Q=90]", "image/jpeg")]
    [InlineData(".webp", "image/webp")]
    [InlineData(".gif", "image/gif")]
    public async Task Each_supported_format_is_served_back_as_a_250_pixel_square_png(string suffix, string contentType)
    {
        var client = await factory.LoggedInClientAsync();

        var url = await (await client.UploadAvatarAsync(TestImages.Solid(Rgb.Blue, suffix), "photo", contentType: contentType))
            .AssertAvatarUrlAsync();

        var served = await client.FetchAvatarAsync(url);
        Assert.Equal((250, 250), (served.Width, served.Height));
        Assert.True(served.At(125, 125).IsNear(Rgb.Blue), $"centre is {served.At(125, 125)}");
        Assert.Equal(url, await client.CurrentAvatarUrlAsync());
    }

    [Fact]
    public async Task A_tall_image_is_centre_cropped_not_stretched()
    {
        var client = await factory.LoggedInClientAsync();
        var tall = TestImages.Encode(200, 800, (x, y) => Banded(x, y), ".png");

        var served = await client.FetchAvatarAsync(await (await client.UploadAvatarAsync(tall)).AssertAvatarUrlAsync());

        AssertCentreSquareKept(served);
    }

    [Fact]
    public async Task A_wide_image_is_centre_cropped_not_stretched()
    {
        var client = await factory.LoggedInClientAsync();
        var wide = TestImages.Encode(800, 200, (x, y) => Banded(y, x), ".jpg[Q=95]");

        var served = await client.FetchAvatarAsync(await (await client.UploadAvatarAsync(wide)).AssertAvatarUrlAsync());

        AssertCentreSquareKept(served);
    }

    [Fact]
    public async Task Exif_orientation_is_applied_and_exif_with_gps_is_stripped()
    {
        var client = await factory.LoggedInClientAsync();
        // Stored 300×200, red above blue; orientation 6 shows it turned a quarter clockwise: blue left, red right.
        var stored = TestImages.Encode(300, 200, (_, y) => y < 100 ? Rgb.Red : Rgb.Blue, ".jpg[Q=95,strip]");
        var photo = TestImages.WithExifOrientation6AndGps(stored);
        TestImages.Decode(photo, out var orientation);
        Assert.Equal(6, orientation);
        Assert.True(TestImages.HasGps(photo));

        var url = await (await client.UploadAvatarAsync(photo, "photo.jpg", contentType: "image/jpeg")).AssertAvatarUrlAsync();

        var served = await client.FetchAvatarAsync(url);
        Assert.True(served.At(40, 125).IsNear(Rgb.Blue), $"left is {served.At(40, 125)}");
        Assert.True(served.At(210, 125).IsNear(Rgb.Red), $"right is {served.At(210, 125)}");
        Assert.False(served.HasExif);
        var stored250 = await File.ReadAllBytesAsync(PathOf(url));
        Assert.False(TestImages.Decode(stored250).HasExif);
        Assert.Equal(-1, stored250.AsSpan().IndexOf("Exif"u8));
    }

    [Fact]
    public async Task A_second_upload_replaces_the_first_and_deletes_its_file()
    {
        var client = await factory.LoggedInClientAsync();

        var first = await (await client.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png"))).AssertAvatarUrlAsync();
        Assert.True(File.Exists(PathOf(first)));
        var second = await (await client.UploadAvatarAsync(TestImages.Solid(Rgb.Green, ".png"))).AssertAvatarUrlAsync();

        Assert.NotEqual(first, second);
        Assert.False(File.Exists(PathOf(first)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(first)).StatusCode);
        Assert.True(File.Exists(PathOf(second)));
        Assert.Equal(second, await client.CurrentAvatarUrlAsync());
        var defaultAvatar = await client.FetchAvatarAsync(DefaultAvatar.Url);
        Assert.Equal((250, 250), (defaultAvatar.Width, defaultAvatar.Height));
    }

    [Fact]
    public async Task Uploads_of_one_user_at_once_leave_only_the_file_that_was_stored_last()
    {
        var client = await factory.LoggedInClientAsync();
        Rgb[] colours = [Rgb.Red, Rgb.Green, Rgb.Blue, Rgb.White];

        // Each upload deletes the file its own write replaced, so however they interleave, every file
        // but the one stored last is replaced once and deleted once.
        var urls = await Task.WhenAll(colours.Select(async colour =>
            await (await client.UploadAvatarAsync(TestImages.Solid(colour, ".png"))).AssertAvatarUrlAsync()));

        var stored = await client.CurrentAvatarUrlAsync();
        Assert.Contains(stored, urls);
        var userId = Path.GetFileName(stored).Split('-')[0];
        Assert.Equal([PathOf(stored)], Directory.GetFiles(factory.UploadFolder, userId + "-*"));
    }

    [Fact]
    public async Task Users_uploading_at_once_each_get_their_own_file()
    {
        Rgb[] colours = [Rgb.Red, Rgb.Green, Rgb.Blue, Rgb.White];
        var clients = await Task.WhenAll(colours.Select(_ => factory.LoggedInClientAsync()));

        // More uploads than cores, so some wait for a resize slot.
        var urls = await Task.WhenAll(clients.Select(async (client, i) =>
            await (await client.UploadAvatarAsync(TestImages.Solid(colours[i], ".png"))).AssertAvatarUrlAsync()));

        Assert.Equal(colours.Length, urls.Distinct().Count());
        for (var i = 0; i < colours.Length; i++)
        {
            Assert.Equal(urls[i], await clients[i].CurrentAvatarUrlAsync());
            var served = await clients[i].FetchAvatarAsync(urls[i]);
            Assert.True(served.At(125, 125).IsNear(colours[i]), $"user {i} sees {served.At(125, 125)}");
        }
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("../../../../../../etc/passwd")]
    [InlineData("evil<NUL>.png")]
    [InlineData("/etc/cron.d/avatar")]
    public async Task The_uploads_file_name_never_chooses_where_the_file_goes(string fileName)
    {
        // The NUL byte is spelled out in the test's name, which must stay printable in test reports.
        fileName = fileName.Replace("<NUL>", "\0");
        var client = await factory.LoggedInClientAsync();
        var passwd = File.Exists("/etc/passwd") ? SHA256.HashData(await File.ReadAllBytesAsync("/etc/passwd")) : [];
        var besideUploads = Path.Combine(Path.GetDirectoryName(factory.UploadFolder)!, "etc");
        var existedBeside = Directory.Exists(besideUploads);

        var url = await (await client.UploadWithRawFileNameAsync(TestImages.Solid(Rgb.Red, ".png"), fileName)).AssertAvatarUrlAsync();

        Assert.True(File.Exists(PathOf(url)));
        Assert.Equal(factory.UploadFolder, Path.GetDirectoryName(PathOf(url)));
        Assert.All(Directory.GetFileSystemEntries(factory.UploadFolder).Select(Path.GetFileName),
            name => Assert.Matches("^[0-9a-f]{24}-[0-9a-f]{32}\\.png$", name));
        Assert.Equal(existedBeside, Directory.Exists(besideUploads));
        Assert.False(File.Exists("/etc/cron.d/avatar"));
        if (passwd.Length > 0) Assert.Equal(passwd, SHA256.HashData(await File.ReadAllBytesAsync("/etc/passwd")));
    }

    // Green above, red in the middle (with a white square at its centre), blue below.
    private static Rgb Banded(int x, int y) => (x, y) switch
    {
        (_, < 200) => Rgb.Green,
        (_, >= 600) => Rgb.Blue,
        ( >= 60 and < 140, >= 360 and < 440) => Rgb.White,
        _ => Rgb.Red,
    };

    // Scaled ×1.25, the middle band fills the square and the 80-pixel white square becomes 100×100 at
    // its centre. Stretching instead would leave the outer bands at the edges and squash the square.
    private static void AssertCentreSquareKept(DecodedImage served)
    {
        Assert.Equal((250, 250), (served.Width, served.Height));
        foreach (var (x, y) in new[] { (125, 125), (100, 125), (150, 125), (125, 100), (125, 150) })
            Assert.True(served.At(x, y).IsNear(Rgb.White), $"({x},{y}) is {served.At(x, y)}, not white");
        foreach (var (x, y) in new[] { (125, 3), (125, 246), (3, 125), (246, 125), (125, 55), (125, 195), (55, 125), (195, 125) })
            Assert.True(served.At(x, y).IsNear(Rgb.Red), $"({x},{y}) is {served.At(x, y)}, not red");
    }

    private string PathOf(string url) => Path.Combine(factory.UploadFolder, url["/avatars/".Length..]);
}
