using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContactsApi.Avatars;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Avatars;

public sealed class HostileUploadTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const string NotAnImage = "File is not a supported image";

    [Fact]
    public async Task An_upload_without_a_token_is_not_authorized()
    {
        var response = await factory.CreateClient().UploadAvatarAsync([1, 2, 3]);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    [Fact]
    public async Task A_form_without_the_avatar_field_is_refused()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync(TestImages.Solid(Rgb.Red, ".png"), field: "picture");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"avatar\" is required");
    }

    [Fact]
    public async Task A_request_that_is_not_a_form_is_refused_as_having_no_file()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.PatchJsonAsync(AvatarRequests.Url, """{"avatar":"iVBORw0KGgo="}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"avatar\" is required");
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_a_bad_request_in_the_contracts_words()
    {
        var client = await factory.LoggedInClientAsync();
        var malformed = new ByteArrayContent("--nope\r\nnot a part"u8.ToArray());
        malformed.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=elsewhere");

        var response = await client.PatchAsync(AvatarRequests.Url, malformed);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Request body is not a valid multipart form");
        Assert.Equal("/avatars/default.png", await client.CurrentAvatarUrlAsync());
    }

    public static TheoryData<string, byte[]> NotImages() => new()
    {
        { "an empty file", [] },
        { "a text file named .png", Encoding.UTF8.GetBytes("just some words, no pixels at all\n") },
        { "random bytes", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray() },
        { "an SVG", Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="red"/></svg>""") },
        { "an SVG behind an XML declaration", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>""") },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public async Task Anything_but_an_image_is_refused(string what, byte[] file)
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync(file, "avatar.png", contentType: "image/png");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what} got {(int)response.StatusCode}");
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, NotAnImage);
        Assert.Equal("/avatars/default.png", await client.CurrentAvatarUrlAsync());
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".webp")]
    [InlineData(".gif")]
    public async Task A_truncated_image_is_refused(string suffix)
    {
        var client = await factory.LoggedInClientAsync();
        var noisy = TestImages.Encode(400, 300, (x, y) => new Rgb((byte)(x * y), (byte)(x + y), (byte)(x ^ y)), suffix);

        var response = await client.UploadAvatarAsync(noisy[..(noisy.Length / 2)], "avatar" + suffix);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, NotAnImage);
    }

    // TIFF and AVIF (HEIF) have loaders inside the bundled libvips; PPM is written by hand, since it has none.
    [Theory]
    [InlineData(".tif")]
    [InlineData(".avif")]
    [InlineData(".ppm")]
    public async Task An_image_in_a_format_avatars_do_not_accept_is_refused(string suffix)
    {
        var client = await factory.LoggedInClientAsync();
        var file = suffix == ".ppm" ? TestImages.Ppm(Rgb.Red) : TestImages.Solid(Rgb.Red, suffix);

        var response = await client.UploadAvatarAsync(file, "avatar.png", contentType: "image/png");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, NotAnImage);
    }

    [Fact]
    public async Task A_png_declaring_30000_by_30000_pixels_is_refused_on_its_header()
    {
        var client = await factory.LoggedInClientAsync();
        var bomb = TestImages.DecompressionBombPng();
        Assert.True(bomb.Length < 2048, $"the bomb is {bomb.Length} bytes");

        var response = await client.UploadAvatarAsync(bomb, "small.png", contentType: "image/png");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "The image is too large: at most 50000000 pixels");
    }

    [Fact]
    public async Task A_body_over_the_upload_limit_is_refused_before_it_is_read()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync(new byte[6 * 1024 * 1024], "big.png");

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge,
            $"Request body too large: at most {AvatarOptions.MaxRequestBytes / 1024} KB");
    }

    [Fact]
    public async Task A_file_just_over_5_MB_is_refused_before_it_is_decoded()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync(new byte[5 * 1024 * 1024 + 1], "big.png");

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "The file is too large: at most 5 MB");
    }
}
