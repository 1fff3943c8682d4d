using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>The contact list's search, favorite filter, sort, order and paging, against the API's own answers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppListTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    private static ILocator Names(IPage page) => page.Locator(".contact__name");

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Search_by_name_email_or_phone_shows_only_the_contacts_the_API_matches()
    {
        var user = await AppUser.RegisterAsync(service);
        await user.AddContactAsync("Chaim Lewise", "is@n.net", false, ("+38(099)212-5453", "mobile"));
        await user.AddContactAsync("Ada Lovelace", "ada@analytical.engine", false, ("+44 20 7946 0018", "home"));
        await user.AddContactAsync("Grace Hopper", "grace@navy.example", false, ("+1 202 555 0143", "work"), ("099 212", "other"));
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" });

        await search.FillAsync("LOVE");
        await Expect(Names(page)).ToHaveTextAsync(["Ada Lovelace"]);
        await Expect(page.GetByText("1–1 of 1 contact")).ToBeVisibleAsync();

        await page.GetByLabel("Search in").SelectOptionAsync("Email");
        await search.FillAsync("navy");
        await Expect(Names(page)).ToHaveTextAsync(["Grace Hopper"]);

        // Punctuation doesn't matter, and any of a contact's numbers matches.
        await page.GetByLabel("Search in").SelectOptionAsync("Phone");
        await search.FillAsync("099212");
        await Expect(Names(page)).ToHaveTextAsync(["Chaim Lewise", "Grace Hopper"]);

        await search.FillAsync("000 000");
        await Expect(page.GetByText("No contacts match.")).ToBeVisibleAsync();
        await Expect(Names(page)).ToHaveCountAsync(0);
        Assert.Empty(await user.ContactsAsync("phone=000%20000"));

        // A search the API refuses shows its message in place of a list.
        await search.FillAsync("no digits");
        await Expect(tab.Alert).ToHaveTextAsync("\"phone\" must hold 1 to 32 characters with at least one digit");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Contacts" })).ToBeHiddenAsync();
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Sort_order_and_paging_show_the_pages_the_API_answers_and_a_reload_keeps_them()
    {
        var user = await AppUser.RegisterAsync(service);
        foreach (var n in Enumerable.Range(1, 23)) await user.AddContactAsync($"Person {n:00}", $"person{n:00}@example.com");
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;
        async Task<string[]> ApiPage(string query) =>
            (await user.ContactsAsync(query)).Select(c => c!["name"]!.GetValue<string>()).ToArray();

        await page.GetByLabel("Per page").SelectOptionAsync("10");
        await Expect(page.GetByText("1–10 of 23 contacts")).ToBeVisibleAsync();
        await Expect(Names(page)).ToHaveTextAsync(await ApiPage("limit=10&page=1&sort=name&order=asc"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.GetByText("Page 2 of 3")).ToBeVisibleAsync();
        await Expect(Names(page)).ToHaveTextAsync(await ApiPage("limit=10&page=2&sort=name&order=asc"));

        await page.GetByLabel("Order").SelectOptionAsync("Descending");
        await Expect(page.GetByText("Page 1 of 3")).ToBeVisibleAsync();
        await Expect(Names(page)).ToHaveTextAsync(await ApiPage("limit=10&page=1&sort=name&order=desc"));
        await page.GetByLabel("Sort by").SelectOptionAsync("Date added");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.GetByText("21–23 of 23 contacts")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();
        var lastPage = await ApiPage("limit=10&page=3&sort=createdAt&order=desc");
        Assert.Equal(["Person 03", "Person 02", "Person 01"], lastPage);
        await Expect(Names(page)).ToHaveTextAsync(lastPage);

        await page.ReloadAsync();
        await Expect(Names(page)).ToHaveTextAsync(lastPage);
        await Expect(page.GetByLabel("Sort by")).ToHaveValueAsync("createdAt");
        await Expect(page.GetByLabel("Order")).ToHaveValueAsync("desc");
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task The_favorite_filter_shows_only_favorites_or_only_the_others()
    {
        var user = await AppUser.RegisterAsync(service);
        await user.AddContactAsync("Ada Lovelace", "ada@analytical.engine", favorite: true);
        await user.AddContactAsync("Grace Hopper", "grace@navy.example", favorite: true);
        await user.AddContactAsync("Kenji Watanabe", "kenji@example.jp");
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;

        // At a phone's width the sort and filter choices fold away behind one button.
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Sort and filter" });
        await Expect(page.GetByLabel("Show")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

        await page.GetByLabel("Show").SelectOptionAsync("Favorites");
        await Expect(Names(page)).ToHaveTextAsync(["Ada Lovelace", "Grace Hopper"]);
        Assert.Equal(2, (await user.ContactsAsync("favorite=true")).Count);
        await page.GetByLabel("Show").SelectOptionAsync("Not favorites");
        await Expect(Names(page)).ToHaveTextAsync(["Kenji Watanabe"]);
        await page.GetByLabel("Show").SelectOptionAsync("All contacts");
        await Expect(Names(page)).ToHaveCountAsync(3);
        tab.AssertNoScriptProblems();
    }
}
