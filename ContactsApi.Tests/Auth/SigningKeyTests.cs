using System.Net;
using System.Security.Cryptography;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ContactsApi.Tests.Auth;

public sealed class SigningKeyTests
{
    [Fact]
    public async Task Without_a_configured_key_the_service_makes_one_in_its_data_folder_and_says_so()
    {
        var logs = new LogCollector();
        await using var first = new ContactsApiFactory { Settings = { ["Jwt:SigningKey"] = "" } };
        var keyFile = Path.Combine(first.DataFolder, "jwt-signing.key");

        first.WithLogs(logs).CreateClient();

        Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var warning = Assert.Single(logs.Entries, e => e.Message.Contains("Jwt:SigningKey"));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(keyFile, warning.Message);
    }

    [Fact]
    public async Task The_made_key_is_kept_so_tokens_survive_a_restart_on_the_same_folder()
    {
        await using var first = new ContactsApiFactory { Settings = { ["Jwt:SigningKey"] = "" } };
        var (token, email) = await first.NewUserTokenAsync();
        var keyFile = Path.Combine(first.DataFolder, "jwt-signing.key");
        var key = await File.ReadAllTextAsync(keyFile);

        var logs = new LogCollector();
        await using var second = new ContactsApiFactory
        {
            Settings = { ["Jwt:SigningKey"] = "", ["Storage:DataFolder"] = first.DataFolder },
        };
        var body = await (await second.WithLogs(logs).CreateClient().GetCurrentWithTokenAsync(token)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.Equal(key, await File.ReadAllTextAsync(keyFile));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("Jwt:SigningKey"));
    }

    [Fact]
    public async Task A_token_signed_with_another_deployments_made_key_is_not_authorized()
    {
        await using var first = new ContactsApiFactory { Settings = { ["Jwt:SigningKey"] = "" } };
        await using var other = new ContactsApiFactory { Settings = { ["Jwt:SigningKey"] = "" } };
        var (token, _) = await first.NewUserTokenAsync();

        await (await other.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_damaged_key_file_stops_the_start_naming_the_file()
    {
        await using var app = new ContactsApiFactory { Settings = { ["Jwt:SigningKey"] = "" } };
        var keyFile = Path.Combine(app.DataFolder, "jwt-signing.key");
        await File.WriteAllTextAsync(keyFile, "c2hvcnQ=");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(keyFile, error.GetBaseException().Message);
        Assert.Equal("c2hvcnQ=", await File.ReadAllTextAsync(keyFile));
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("0123456789abcdef0123456789abcde")]
    public async Task A_configured_key_shorter_than_32_bytes_stops_the_start(string key)
    {
        await using var app = new ContactsApiFactory { Settings = { ["Jwt:SigningKey"] = key } };

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Jwt:SigningKey", error.GetBaseException().Message);
    }

    [Fact]
    public async Task A_configured_base64_key_is_used_as_the_bytes_it_encodes()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        await using var app = new ContactsApiFactory { Settings = { ["Jwt:SigningKey"] = Convert.ToBase64String(bytes) } };
        var (userId, sessionId) = ForgedTokens.IdsOf((await app.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(userId, sessionId,
            d => d.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(bytes), SecurityAlgorithms.HmacSha256));

        await (await app.CreateClient().GetCurrentWithTokenAsync(token)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(File.Exists(Path.Combine(app.DataFolder, "jwt-signing.key")));
    }
}
