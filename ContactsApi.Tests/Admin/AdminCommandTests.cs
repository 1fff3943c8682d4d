using System.Diagnostics;
using System.Net;
using ContactsApi.Admin;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Admin;

/// <summary>
/// <c>admin grant|revoke EMAIL</c> on the SQLite store of a running service: the command opens the
/// same file through the usual configuration, and the service sees the change at the next request.
/// </summary>
public sealed class AdminCommandTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    private static readonly string NewLine = Environment.NewLine;

    [Fact]
    public async Task Grant_makes_an_existing_account_an_admin_at_once_and_names_it()
    {
        var (id, email, user) = await factory.NewUserAsync();
        await (await user.GetAsync("/users")).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");

        var run = await RunAsync("admin", "grant", "  " + email.ToUpperInvariant());

        Assert.Equal((0, $"admin: {email} is now an admin{NewLine}", ""), run);
        Assert.True((await factory.Users.FindByIdAsync(id))!.IsAdmin);
        // The token the user already had: rights are read from the store on every request.
        var body = await (await user.GetAsync($"/users/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(body["data"]!["is_admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Revoke_takes_the_right_away_at_once()
    {
        var (id, email, user) = await factory.NewUserAsync();
        Assert.Equal(0, (await RunAsync("admin", "grant", email)).Exit);
        await (await user.GetAsync("/users")).AssertJsonAsync(HttpStatusCode.OK);

        var run = await RunAsync("admin", "revoke", email);

        Assert.Equal((0, $"admin: {email} is no longer an admin{NewLine}", ""), run);
        Assert.False((await factory.Users.FindByIdAsync(id))!.IsAdmin);
        await (await user.GetAsync("/users")).AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Theory]
    [InlineData("grant")]
    [InlineData("revoke")]
    public async Task An_unknown_email_is_named_and_the_command_fails(string action)
    {
        var email = ContactsApiFactory.NewEmail("nobody");

        var run = await RunAsync("admin", action, email);

        Assert.Equal(1, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Equal($"admin: no account has the email {email}; register it first, then run this again{NewLine}", run.Errors);
        Assert.Null(await factory.Users.FindByEmailAsync(email));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("admin", "grant")]
    [InlineData("admin", "promote", "a@example.com")]
    [InlineData("admin", "a@example.com", "grant")]
    public async Task Bad_usage_prints_the_usage_and_exits_2(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal((2, "", AdminCommand.Usage + NewLine), run);
    }

    [Fact]
    public async Task The_published_program_takes_the_same_arguments()
    {
        var (id, email, _) = await factory.NewUserAsync();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ContactsApi.dll"), "admin", "grant", email, $"--Storage:DataFolder={factory.DataFolder}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(process.ExitCode == 0, await errors);
        Assert.Equal($"admin: {email} is now an admin{NewLine}", await output);
        Assert.True((await factory.Users.FindByIdAsync(id))!.IsAdmin);
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await AdminCommand.RunAsync([.. args, $"--Storage:DataFolder={factory.DataFolder}"], output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
