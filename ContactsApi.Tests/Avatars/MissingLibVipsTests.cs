using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Avatars;

/// <summary>The service pointed at a libvips file that isn't there, as on a machine without libvips42.</summary>
public sealed class NoLibVipsFactory : ContactsApiFactory
{
    public const string MissingLibrary = "libvips-not-installed.so.42";

    public NoLibVipsFactory()
    {
        Settings["Avatars:LibraryPath"] = MissingLibrary;
        Settings["Swagger:Enabled"] = "true";
    }
}

public sealed class MissingLibVipsTests(NoLibVipsFactory factory) : IClassFixture<NoLibVipsFactory>
{
    [Fact]
    public async Task Health_stays_ok_and_says_avatars_are_unavailable()
    {
        var body = await (await factory.CreateClient().GetAsync("/health")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.Equal($"unavailable: libvips not found ({NoLibVipsFactory.MissingLibrary})", body["avatars"]!.GetValue<string>());
        Assert.Equal(2, body.AsObject().Count);
    }

    [Fact]
    public async Task An_upload_answers_503_naming_the_missing_library()
    {
        var client = await factory.LoggedInClientAsync();

        var response = await client.UploadAvatarAsync([0x89, 0x50, 0x4E, 0x47], "avatar.png");

        await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable,
            $"Avatar uploads are unavailable: libvips not found ({NoLibVipsFactory.MissingLibrary})");
        Assert.Equal("/avatars/default.png", await client.CurrentAvatarUrlAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_upload_as_a_multipart_file()
    {
        var document = await (await factory.CreateClient().GetAsync("/swagger/v1/swagger.json")).AssertJsonAsync(HttpStatusCode.OK);

        var patch = document["paths"]!["/api/users/avatars"]!["patch"]!;
        var avatar = patch["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["properties"]!["avatar"]!;
        Assert.Equal("binary", avatar["format"]!.GetValue<string>());
        Assert.NotNull(patch["responses"]!["200"]);
        Assert.NotNull(patch["responses"]!["503"]);
    }
}
