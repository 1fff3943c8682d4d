using System.Net;
using ContactsApi.Avatars;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactsApi.Tests.Avatars;

/// <summary>The service whose libvips failed to start, as it would where the native library can't load.</summary>
public sealed class NoImageLibraryFactory : ContactsApiFactory
{
    public const string Failure = "libvips.so.42: cannot open shared object file: No such file or directory";

    public NoImageLibraryFactory() => Settings["Swagger:Enabled"] = "true";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(sp =>
            new ImageLibrary(() => Failure, sp.GetRequiredService<ILogger<ImageLibrary>>())));
    }
}

public sealed class AvatarsUnavailableTests(NoImageLibraryFactory factory) : IClassFixture<NoImageLibraryFactory>
{
    [Fact]
    public async Task Health_stays_ok_and_says_only_that_avatars_are_unavailable()
    {
        var body = await (await factory.CreateClient().GetAsync("/health")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("""{"status":"ok","avatars":"unavailable"}""", body.ToJsonString());
    }

    [Fact]
    public async Task An_upload_answers_503_without_naming_the_library()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync([0x89, 0x50, 0x4E, 0x47], "avatar.png");

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "Avatar uploads are unavailable");
        Assert.DoesNotContain("libvips", await response.Content.ReadAsStringAsync());
        Assert.Equal("/avatars/default.png", await client.CurrentAvatarUrlAsync());
    }

    [Fact]
    public async Task The_default_avatar_is_still_served()
    {
        var response = await factory.CreateClient().GetAsync(DefaultAvatar.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_upload_as_a_multipart_file()
    {
        var document = await (await factory.CreateClient().GetAsync("/swagger/v1/swagger.json")).AssertJsonAsync(HttpStatusCode.OK);

        var patch = document["paths"]!["/api/users/avatars"]!["patch"]!;
        var avatar = patch["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["properties"]!["avatar"]!;
        Assert.Equal("binary", avatar["format"]!.GetValue<string>());
        foreach (var status in new[] { "200", "400", "401", "413", "429", "503" }) Assert.NotNull(patch["responses"]![status]);
    }
}
