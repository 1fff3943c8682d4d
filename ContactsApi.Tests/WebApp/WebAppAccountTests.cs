using System.Net;
using ContactsApi.Tests.Avatars;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>The account screen: the avatar upload with its preview, its refusals, and the subscription.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppAccountTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    private static async Task<AppTab> AccountAsync(BrowserFixture browser, ServedContactsApi service, AppUser user, int width = AppTab.Desktop)
    {
        var tab = await AppTab.OpenAsync(browser, service.Address, width);
        await tab.LogInAsync(user.Email);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Account");
        return tab;
    }

    private static FilePayload File(string name, string type, byte[] bytes) => new() { Name = name, MimeType = type, Buffer = bytes };

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_chosen_picture_is_previewed_then_uploaded_and_shown_from_the_URL_the_API_answered()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AccountAsync(browser, service, user, AppTab.Phone);
        var page = tab.Page;
        var avatar = page.GetByRole(AriaRole.Img, new() { Name = "Your avatar" });
        var preview = page.GetByRole(AriaRole.Img, new() { Name = "Preview of the new avatar" });
        await Expect(avatar).ToHaveAttributeAsync("src", "/avatars/default.png");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Upload avatar" })).ToBeDisabledAsync();

        await page.GetByLabel("Choose a picture").SetInputFilesAsync(File("me.jpg", "image/jpeg", TestImages.Solid(Rgb.Blue, ".jpg", 640, 480)));
        await Expect(preview).ToBeVisibleAsync();
        Assert.StartsWith("blob:", await preview.GetAttributeAsync("src"));
        Assert.Equal(640, await preview.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload avatar" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your avatar was updated.");
        await Expect(preview).ToBeHiddenAsync();
        var current = await (await user.Api.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        var url = current["avatarURL"]!.GetValue<string>();
        Assert.Matches("^/avatars/[0-9a-f]{24}-[0-9a-f]+\\.png$", url);
        await Expect(avatar).ToHaveAttributeAsync("src", url);
        Assert.Equal(250, await avatar.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)"));
        await Expect(page.Locator(".site-nav__avatar")).ToHaveAttributeAsync("src", url);
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_file_that_is_not_an_image_shows_the_APIs_400_message_and_keeps_the_avatar()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AccountAsync(browser, service, user);
        var page = tab.Page;

        await page.GetByLabel("Choose a picture").SetInputFilesAsync(File("notes.png", "image/png", "just some text, not a PNG"u8.ToArray()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload avatar" }).ClickAsync();

        await Expect(tab.Alert).ToHaveTextAsync("File is not a supported image");
        var current = await (await user.Api.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("/avatars/default.png", current["avatarURL"]!.GetValue<string>());
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_picture_over_the_services_limit_shows_the_APIs_413_message()
    {
        using var smallLimit = new ServedContactsApi { Settings = { ["Avatars:MaxBytes"] = "20480" } };
        var user = await AppUser.RegisterAsync(smallLimit);
        await using var tab = await AccountAsync(browser, smallLimit, user);
        var page = tab.Page;

        await page.GetByLabel("Choose a picture").SetInputFilesAsync(File("big.png", "image/png", new byte[30_000]));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload avatar" }).ClickAsync();

        await Expect(tab.Alert).ToHaveTextAsync("The file is too large: at most 20 KB");
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_picture_over_5_MB_is_refused_before_it_is_sent()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AccountAsync(browser, service, user, AppTab.Phone);
        var page = tab.Page;

        await page.GetByLabel("Choose a picture").SetInputFilesAsync(File("huge.jpg", "image/jpeg", new byte[5 * 1024 * 1024 + 1]));

        await Expect(tab.Alert).ToHaveTextAsync("The picture is larger than 5 MB. Choose a smaller one.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Upload avatar" })).ToBeDisabledAsync();
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Changing_the_plan_saves_the_subscription_in_the_API()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AccountAsync(browser, service, user, AppTab.Phone);
        var page = tab.Page;
        await Expect(page.GetByLabel("Plan")).ToHaveValueAsync("starter");

        await page.GetByLabel("Plan").SelectOptionAsync("Business");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change plan" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your plan is now business.");
        var current = await (await user.Api.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("business", current["subscription"]!.GetValue<string>());
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Plan")).ToHaveValueAsync("business");
        tab.AssertNoScriptProblems();
    }
}
