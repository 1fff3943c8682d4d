using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using ContactsApi.Avatars;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Avatars;

/// <summary>
/// The service started the README's way, as a newcomer would: from the repository root,
/// <c>dotnet run --project ContactsApi</c> (with <c>--no-build</c>, in this test run's configuration:
/// building the test project has just built it), so with its launch profile (Development) and its
/// appsettings, where every folder is the default relative one.
///
/// One setting differs, and only so that the test never touches a developer's real data: the data
/// folder is <c>obj/readme-run-&lt;random&gt;</c>. That is still a relative path, resolved the way the
/// default <c>data</c> is (against the content root, <c>ContactsApi/</c>), so the test sees where
/// relative folders really land; it sits in <c>obj/</c>, which git ignores and a clean build removes,
/// it is unique to the run, and the test deletes it. The upload folder is left at its default
/// (<c>avatars</c> in the data folder), and the default avatar comes from <c>ContactsApi/wwwroot</c>.
/// The port is the one thing given on the command line, so the test never collides with a
/// service a developer has running on 5000.
/// </summary>
public sealed class ReadmeRunTests
{
    [Fact]
    public async Task Run_from_the_repository_root_it_serves_the_default_avatar_and_an_uploaded_one()
    {
        var root = RepositoryRoot();
        var dataFolder = Path.Combine("obj", $"readme-run-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "run", "--no-build", "--project", "ContactsApi", "--configuration", Configuration(),
                "--", "--urls", "http://127.0.0.1:0", $"--Storage:DataFolder={dataFolder}",
            },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var service = await ServiceProcess.StartAsync(start);
            using var client = service.Client();

            var defaultAvatar = await client.GetAsync(DefaultAvatar.Url);
            Assert.Equal(HttpStatusCode.OK, defaultAvatar.StatusCode);
            Assert.Equal("image/png", defaultAvatar.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(root, "ContactsApi", "wwwroot", "avatars", "default.png")),
                await defaultAvatar.Content.ReadAsByteArrayAsync());

            var credentials = new { email = ContactsApiFactory.NewEmail("readme"), password = ContactsApiFactory.Password };
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/users/register", credentials)).StatusCode);
            var login = await (await client.PostAsJsonAsync("/api/users/login", credentials)).AssertJsonAsync(HttpStatusCode.OK);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["token"]!.GetValue<string>());
            var url = await (await client.UploadAvatarAsync(TestImages.Solid(Rgb.Blue, ".jpg"), "me.jpg", contentType: "image/jpeg"))
                .AssertAvatarUrlAsync();

            var served = await client.FetchAvatarAsync(url);
            Assert.Equal((250, 250), (served.Width, served.Height));
            // Against the content root (the project folder), not the directory the command was typed in.
            var landed = Path.Combine(root, "ContactsApi", dataFolder);
            Assert.True(File.Exists(Path.Combine(landed, "contacts.db")));
            Assert.True(File.Exists(Path.Combine(landed, "avatars", url["/avatars/".Length..])));
            Assert.False(Directory.Exists(Path.Combine(root, dataFolder)));
        }
        finally
        {
            foreach (var folder in new[] { Path.Combine(root, "ContactsApi", dataFolder), Path.Combine(root, dataFolder) })
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static string Configuration() =>
        typeof(ReadmeRunTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "ContactsApi.sln"))) folder = folder.Parent!;
        return folder.FullName;
    }
}
