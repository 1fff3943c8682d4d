using System.Net;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>Delete with Undo, the trash (restore, delete for good, empty) and undo to a moment in the browser, against what the API then holds.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppTrashTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    private static async Task<string[]> NamesAsync(AppUser user, string path)
    {
        var page = await (await user.Api.GetAsync(path)).AssertJsonAsync(HttpStatusCode.OK);
        return page["data"]!.AsArray().Select(c => c!.Str("name")).Order().ToArray();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Undo_in_the_toast_after_a_delete_restores_the_contact_from_the_trash()
    {
        var user = await AppUser.RegisterAsync(service);
        await user.AddContactAsync("Kenji Watanabe", "kenji@example.jp");
        await user.AddContactAsync("Zoë Martin", "zoe@example.fr");
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Kenji Watanabe" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kenji Watanabe" })).ToHaveCountAsync(0);
        var toast = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "was deleted" });
        await Expect(toast).ToContainTextAsync("Kenji Watanabe was deleted.");
        Assert.Equal(["Kenji Watanabe"], await NamesAsync(user, "/api/contacts/trash"));

        await toast.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kenji Watanabe" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is back" })).ToContainTextAsync("Kenji Watanabe is back.");
        Assert.Equal(["Kenji Watanabe", "Zoë Martin"], await NamesAsync(user, "/api/contacts"));
        Assert.Empty(await NamesAsync(user, "/api/contacts/trash"));
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task The_trash_restores_one_contact_deletes_another_for_good_and_empties()
    {
        var user = await AppUser.RegisterAsync(service);
        foreach (var name in new[] { "Ada Lovelace", "Grace Hopper", "Alan Turing" })
        {
            var made = await user.AddContactAsync(name, $"{name.Split(' ')[0].ToLowerInvariant()}@example.com");
            Assert.Equal(HttpStatusCode.OK, (await user.Api.DeleteAsync($"/api/contacts/{made["_id"]}")).StatusCode);
        }
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Trash" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Trash");
        await Expect(page.GetByText("3 deleted contacts")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Restore Grace Hopper" }).ClickAsync();
        await Expect(page.GetByText("2 deleted contacts")).ToBeVisibleAsync();
        Assert.Equal(["Grace Hopper"], await NamesAsync(user, "/api/contacts"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete for good: Ada Lovelace" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();
        await Expect(page.GetByText("1 deleted contact", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(["Alan Turing"], await NamesAsync(user, "/api/contacts/trash"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Empty trash" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Empty trash" }).ClickAsync();
        await Expect(page.GetByText("The trash is empty.", new() { Exact = true }).First).ToBeVisibleAsync();
        Assert.Empty(await NamesAsync(user, "/api/contacts/trash"));
        Assert.Equal(["Grace Hopper"], await NamesAsync(user, "/api/contacts"));
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Undo_changes_to_a_moment_before_the_contacts_were_made_moves_them_to_the_trash()
    {
        var user = await AppUser.RegisterAsync(service);
        // A minute back, in the browser's zone (the machine's), before anything below is made.
        var before = DateTime.Now.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm");
        await user.AddContactAsync("Ada Lovelace", "ada@example.com");
        await user.AddContactAsync("Grace Hopper", "grace@example.com");
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;
        await page.GotoAsync("/#/trash");

        await page.GetByLabel("As it was at").FillAsync(before);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo changes" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Undo changes" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Undone" }))
            .ToHaveTextAsync("Undone: 0 changed back, 0 restored, 2 moved to the trash.");
        await Expect(page.GetByText("2 deleted contacts")).ToBeVisibleAsync();
        Assert.Empty(await NamesAsync(user, "/api/contacts"));
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], await NamesAsync(user, "/api/contacts/trash"));
        tab.AssertNoScriptProblems();
    }
}
