using System.Net;
using ContactsApi.Avatars;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Avatars;

/// <summary>What <c>/avatars/</c> serves, whatever lands in the upload folder.</summary>
public sealed class AvatarFolderTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Theory]
    [InlineData("page.html", "<html><script>alert(document.cookie)</script></html>")]
    [InlineData("image.svg", """<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>""")]
    [InlineData("script.js", "alert(1)")]
    [InlineData("notes.txt", "plain text")]
    [InlineData("photo.jpg", "not really a jpeg")]
    public async Task A_file_of_a_type_the_service_does_not_write_is_not_found_though_it_is_in_the_folder(string name, string content)
    {
        await File.WriteAllTextAsync(Path.Combine(factory.UploadFolder, name), content);

        var response = await factory.CreateClient().GetAsync($"/avatars/{name}");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task A_png_in_the_upload_folder_is_served_as_an_image_never_sniffed()
    {
        var name = $"{Guid.NewGuid():N}.png";
        await File.WriteAllBytesAsync(Path.Combine(factory.UploadFolder, name), TestImages.Solid(Rgb.Red, ".png", 250, 250));

        var served = await factory.CreateClient().FetchAvatarAsync($"/avatars/{name}");

        Assert.True(served.At(125, 125).IsNear(Rgb.Red));
    }

    [Fact]
    public async Task The_default_avatar_is_the_shipped_one_whatever_the_upload_folder_holds()
    {
        // As if a volume mounted over the upload folder carried a file of the default's name.
        await File.WriteAllBytesAsync(Path.Combine(factory.UploadFolder, "default.png"), TestImages.Solid(Rgb.Red, ".png", 250, 250));

        var response = await factory.CreateClient().GetAsync(DefaultAvatar.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var shipped = Path.Combine(factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, "avatars", "default.png");
        Assert.Equal(await File.ReadAllBytesAsync(shipped), await response.Content.ReadAsByteArrayAsync());
    }
}
