using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>App passwords for CardDAV in the browser: made and shown once, listed, revoked; checked against the API and a real DAV sign-in.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WebAppSyncTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    [GeneratedRegex("^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$")]
    private static partial Regex AppPasswordShape();

    /// <summary>A PROPFIND of /dav/ signed in with the email and an app password: 207 when it is good.</summary>
    private async Task<HttpStatusCode> DavSignInAsync(string email, string password)
    {
        using var dav = new HttpClient { BaseAddress = service.Address };
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), "/dav/")
        {
            Content = new StringContent("""<?xml version="1.0"?><propfind xmlns="DAV:"><prop><current-user-principal/></prop></propfind>""", Encoding.UTF8, "application/xml"),
        };
        request.Headers.Add("Depth", "0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));
        return (await dav.SendAsync(request)).StatusCode;
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task An_app_password_is_shown_once_signs_a_phone_in_and_once_revoked_signs_nobody_in()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();

        var sync = page.GetByRole(AriaRole.Region, new() { Name = "Sync with a phone (CardDAV)" });
        await Expect(sync.GetByRole(AriaRole.Definition)).ToHaveTextAsync([$"{service.Address}dav/", user.Email, "an app password made below"]);
        await Expect(sync.GetByText("No app passwords yet.")).ToBeVisibleAsync();
        await sync.GetByLabel("Device name").FillAsync("Ann's iPhone");
        await sync.GetByRole(AriaRole.Button, new() { Name = "Create app password" }).ClickAsync();

        var shown = page.GetByRole(AriaRole.Region, new() { Name = "The app password for Ann's iPhone" });
        await Expect(shown).ToBeFocusedAsync();
        var password = await shown.Locator("code").TextContentAsync();
        Assert.Matches(AppPasswordShape(), password);
        var listed = sync.GetByRole(AriaRole.List, new() { Name = "App passwords" }).GetByRole(AriaRole.Listitem);
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync("Ann's iPhone");

        var stored = await (await user.Api.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK);
        var only = Assert.Single(stored.AsArray())!;
        Assert.Equal("Ann's iPhone", only["name"]!.GetValue<string>());
        Assert.Null(only["password"]);
        Assert.Equal(HttpStatusCode.MultiStatus, await DavSignInAsync(user.Email, password!));

        // Shown this once: after a reload the page holds it nowhere.
        await page.ReloadAsync();
        await Expect(listed).ToHaveCountAsync(1);
        Assert.DoesNotContain(password!, await page.ContentAsync());

        await listed.GetByRole(AriaRole.Button, new() { Name = "Revoke Ann's iPhone" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(sync.GetByText("No app passwords yet.")).ToBeVisibleAsync();
        Assert.Empty((await (await user.Api.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK)).AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, await DavSignInAsync(user.Email, password!));
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task An_app_password_without_a_name_shows_the_APIs_message_and_makes_none()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);
        await tab.Page.GotoAsync("/#/account");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Create app password" }).ClickAsync();

        await Expect(tab.Alert).ToHaveTextAsync("\"name\" must be 1 to 100 characters long");
        Assert.Empty((await (await user.Api.GetAsync("/api/users/app-passwords")).AssertJsonAsync(HttpStatusCode.OK)).AsArray());
        tab.AssertNoScriptProblems();
    }
}
