using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

[Collection(BrowserCollection.Name)]
public sealed class WebAppAuthTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_person_registers_logs_out_and_logs_in_again_and_logout_revokes_the_token()
    {
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        var email = ContactsApiFactory.NewEmail("signup");

        await Expect(tab.Heading).ToHaveTextAsync("Log in");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Create your account");
        await tab.Page.GetByLabel("Email").FillAsync(email);
        await tab.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(ContactsApiFactory.Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(tab.Heading).ToHaveTextAsync("Contacts");
        await Expect(tab.Page.GetByText("Your backup is empty.")).ToBeVisibleAsync();
        var token = await tab.TokenAsync();
        Assert.NotNull(token);
        using var api = new HttpClient { BaseAddress = service.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var current = await (await api.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, current["email"]!.GetValue<string>());
        Assert.Equal("starter", current["subscription"]!.GetValue<string>());

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Log in");
        await Expect(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        Assert.Null(await tab.TokenAsync());
        await (await api.GetAsync("/api/users/current")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");

        await tab.LogInAsync(email);
        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Account" })).ToBeVisibleAsync();
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Registration_shows_the_APIs_messages_for_a_bad_password_and_a_taken_email()
    {
        var taken = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.Page.GotoAsync("/#/register");

        await tab.Page.GetByLabel("Email").FillAsync(ContactsApiFactory.NewEmail("weak"));
        await tab.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(tab.Alert).ToHaveTextAsync("The password must consist of Latin letters (A-z), Arabic numerals (0-9) and special characters, the literal part of the password must contain both lowercase and uppercase letters, the length of the password must be at least 8 and no more than 16 characters");

        await tab.Page.GetByLabel("Email").FillAsync(taken.Email.ToUpperInvariant());
        await tab.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(ContactsApiFactory.Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(tab.Alert).ToHaveTextAsync("Email in use");
        await Expect(tab.Heading).ToHaveTextAsync("Create your account");

        using var anonymous = new HttpClient { BaseAddress = service.Address };
        var login = await anonymous.PostAsJsonAsync("/api/users/login", new { email = taken.Email, password = ContactsApiFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_wrong_password_shows_the_APIs_401_message_and_keeps_the_person_out()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address);

        await tab.Page.GetByLabel("Email").FillAsync(user.Email);
        await tab.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Wr0ng!pass");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Expect(tab.Alert).ToHaveTextAsync("Email or password is wrong");
        await Expect(tab.Heading).ToHaveTextAsync("Log in");
        Assert.Null(await tab.TokenAsync());
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task The_token_lives_in_this_tabs_sessionStorage_survives_a_reload_and_never_reaches_localStorage()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);

        Assert.Equal(0, await tab.Page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty((await tab.Context.CookiesAsync()));
        await tab.Page.ReloadAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Contacts");

        // Another tab of the same browser has its own sessionStorage: it is not logged in.
        var other = await tab.Context.NewPageAsync();
        await other.GotoAsync("/");
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log in");
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_session_ended_elsewhere_sends_the_person_to_log_in_with_the_APIs_message()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);

        using var sameSession = new HttpClient { BaseAddress = service.Address };
        sameSession.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tab.TokenAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await sameSession.PostAsync("/api/users/logout", null)).StatusCode);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "New contact" }).ClickAsync();
        await tab.Page.GetByLabel("Name").FillAsync("Too late");
        await tab.Page.GetByLabel("Email 1 address").FillAsync("late@example.com");
        await tab.Page.GetByLabel("Phone 1 number").FillAsync("555 0101");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();

        await Expect(tab.Heading).ToHaveTextAsync("Log in");
        await Expect(tab.Alert).ToHaveTextAsync("Not authorized: your session has ended. Please log in again.");
        Assert.Null(await tab.TokenAsync());
        Assert.Empty(await user.ContactsAsync());
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Too_many_logins_show_the_APIs_429_message_with_the_wait_from_Retry_After()
    {
        using var strict = new ServedContactsApi { Settings = { ["RateLimits:Login:PermitLimit"] = "2" } };
        var user = await AppUser.RegisterAsync(strict); // its own login takes the first permit
        await using var tab = await AppTab.OpenAsync(browser, strict.Address);
        var page = tab.Page;

        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Wr0ng!pass");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(tab.Alert).ToHaveTextAsync("Email or password is wrong");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ContactsApiFactory.Password);
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync(),
            response => response.Url.EndsWith("/api/users/login"));
        Assert.Equal(429, refused.Status);
        var seconds = int.Parse(await refused.HeaderValueAsync("retry-after") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var wait = seconds switch { 1 => "1 second", < 60 => $"{seconds} seconds", _ => "1 minute" };
        await Expect(tab.Alert).ToHaveTextAsync($"Too many requests; try again later (try again in {wait}).");
        await Expect(tab.Heading).ToHaveTextAsync("Log in");
        tab.AssertNoScriptProblems();
    }
}
