using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Security;

/// <summary>The service as a real process on Kestrel, with Swagger UI on: what only a real server shows.</summary>
public sealed class ServedService : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("contactsapi-served-").FullName;
    private ServiceProcess? _process;

    public Uri Address => _process!.Address;

    public async Task InitializeAsync() =>
        _process = await ServiceProcess.StartAsync(_dataFolder, new Dictionary<string, string>
        {
            ["Swagger:Enabled"] = "true",
            // The test's output folder has no wwwroot (a publish would): the default avatar comes from the project's.
            ["ASPNETCORE_WEBROOT"] = Path.Combine(ExternalTools.RepositoryRoot(), "ContactsApi", "wwwroot"),
        });

    public Task DisposeAsync()
    {
        _process?.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class ServedServiceTests(ServedService service) : IClassFixture<ServedService>
{
    [Fact]
    public async Task No_response_names_the_server()
    {
        using var client = new HttpClient { BaseAddress = service.Address };

        foreach (var (path, status) in new[]
                 {
                     ("/health", HttpStatusCode.OK), ("/api/contacts", HttpStatusCode.Unauthorized), ("/no/such/path", HttpStatusCode.NotFound),
                     ("/avatars/default.png", HttpStatusCode.OK), ("/swagger/index.html", HttpStatusCode.OK),
                 })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(status, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), $"{path}: Server: {string.Join(", ", response.Headers.Server)}");
            Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task HEAD_sends_the_headers_of_GET_and_not_a_byte_of_body()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(service.Address.Host, service.Address.Port);
        var stream = socket.GetStream();

        // Three requests on one connection: bytes of a body after a HEAD would run into the next answer.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "HEAD /health HTTP/1.1\r\nHost: x\r\n\r\nHEAD /avatars/default.png HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
        var text = await ReadUntilAsync(stream, "\r\n0\r\n\r\n");

        var answers = text.Split("HTTP/1.1 ")[1..];
        Assert.Equal(3, answers.Length);
        Assert.StartsWith("200 OK", answers[0]);
        Assert.EndsWith("\r\n\r\n", answers[0]);
        Assert.DoesNotContain("Transfer-Encoding", answers[0]);
        Assert.Contains("Content-Type: application/json; charset=utf-8\r\n", answers[0]);
        Assert.Contains($"Content-Length: {new FileInfo(Path.Combine(ExternalTools.RepositoryRoot(), "ContactsApi", "wwwroot", "avatars", "default.png")).Length}\r\n", answers[1]);
        Assert.EndsWith("\r\n\r\n", answers[1]);
        Assert.Contains("Transfer-Encoding: chunked", answers[2]);
        Assert.Contains("{\"status\":\"ok\"}", answers[2]);
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Swagger_UI_renders_in_a_browser_under_its_policy_with_nothing_refused()
    {
        var profile = Directory.CreateTempSubdirectory("contactsapi-chromium-");
        try
        {
            var start = new ProcessStartInfo(ExternalTools.Require(ExternalTools.Chromium))
            {
                ArgumentList =
                {
                    "--headless=new", "--no-sandbox", "--disable-gpu", $"--user-data-dir={profile.FullName}",
                    "--enable-logging=stderr", "--v=0", "--virtual-time-budget=15000", "--dump-dom", new Uri(service.Address, "/swagger/index.html").ToString(),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var browser = Process.Start(start)!;
            var dom = browser.StandardOutput.ReadToEndAsync();
            var log = browser.StandardError.ReadToEndAsync();
            await browser.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

            // Rendered from the document: an operation's path and a tag's description.
            Assert.Contains("/api/contacts/{id}/phones/{phoneId}", await dom);
            Assert.Contains("for admins only", await dom);
            Assert.DoesNotContain("Content Security Policy", await log);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>What the connection sends until <paramref name="end"/>, within a generous deadline.</summary>
    internal static async Task<string> ReadUntilAsync(NetworkStream stream, string end)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var text = new StringBuilder();
        var buffer = new byte[8192];
        while (!text.ToString().EndsWith(end, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, deadline.Token);
            if (read == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return text.ToString();
    }
}
