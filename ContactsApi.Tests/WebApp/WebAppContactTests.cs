using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>Creating, editing, favoriting and deleting contacts in the browser, checked against what the API then holds.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppContactTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    private static string[] Phones(JsonNode contact) =>
        contact["phones"]!.AsArray().Select(p => $"{p!["number"]} ({p["label"]})").ToArray();

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_new_contact_with_several_labelled_phones_shows_in_the_list_and_the_API_holds_it()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "New contact" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("New contact");
        await page.GetByLabel("Name").FillAsync("Chaim Lewise");
        await page.GetByLabel("Email 1 address").FillAsync("is@n.net");
        await page.GetByLabel("Phone 1 number").FillAsync("+38(099)212-5453");
        await Expect(page.GetByLabel("Phone 1 label")).ToHaveValueAsync("mobile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add phone" }).ClickAsync();
        await Expect(page.GetByLabel("Phone 2 number")).ToBeFocusedAsync();
        await page.GetByLabel("Phone 2 number").FillAsync("(294) 840-6685");
        await page.GetByLabel("Phone 2 label").FillAsync("work");
        await page.GetByLabel("Favorite").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();

        await Expect(tab.Heading).ToHaveTextAsync("Chaim Lewise");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "was added" })).ToHaveTextAsync("Chaim Lewise was added.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Contacts", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Chaim Lewise" });
        await Expect(row).ToContainTextAsync("+38(099)212-5453");
        await Expect(row).ToContainTextAsync("+1 more");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Favorite: Chaim Lewise" })).ToHaveAttributeAsync("aria-pressed", "true");

        var saved = Assert.Single(await user.ContactsAsync());
        Assert.Equal("Chaim Lewise", saved!["name"]!.GetValue<string>());
        Assert.Equal("is@n.net", saved["email"]!.GetValue<string>());
        Assert.Equal(["+38(099)212-5453 (mobile)", "(294) 840-6685 (work)"], Phones(saved));
        Assert.True(saved["favorite"]!.GetValue<bool>());
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Editing_adds_changes_and_removes_phones_and_the_API_holds_exactly_the_result()
    {
        var user = await AppUser.RegisterAsync(service);
        var contact = await user.AddContactAsync("Grace Hopper", "grace@navy.example", false,
            ("+1 202 555 0143", "work"), ("+1 202 555 0178", "mobile"), ("+1 202 555 0111", "home"));
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Grace Hopper" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Grace Hopper");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Edit contact");
        await Expect(page.GetByLabel("Phone 3 number")).ToHaveValueAsync("+1 202 555 0111");
        await page.GetByLabel("Name").FillAsync("Grace B. Hopper");
        await page.GetByLabel("Phone 1 number").FillAsync("+1 202 555 0144");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove phone 2" }).ClickAsync();
        await Expect(page.GetByLabel("Phone 2 number")).ToHaveValueAsync("+1 202 555 0111");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add phone" }).ClickAsync();
        await page.GetByLabel("Phone 3 number").FillAsync("+44 20 7946 0999");
        await page.GetByLabel("Phone 3 label").FillAsync("London office");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(tab.Heading).ToHaveTextAsync("Grace B. Hopper");
        await Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("+44 20 7946 0999 London office");
        var saved = Assert.Single(await user.ContactsAsync());
        Assert.Equal(contact["_id"]!.GetValue<string>(), saved!["_id"]!.GetValue<string>());
        Assert.Equal("Grace B. Hopper", saved["name"]!.GetValue<string>());
        Assert.Equal(["+1 202 555 0144 (work)", "+1 202 555 0111 (home)", "+44 20 7946 0999 (London office)"], Phones(saved));
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task The_last_phone_cannot_be_removed_and_a_refused_contact_shows_the_APIs_message_and_saves_nothing()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "New contact" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove phone 1" })).ToBeDisabledAsync();

        await page.GetByLabel("Name").FillAsync("Nobody");
        await page.GetByLabel("Email 1 address").FillAsync("not-an-email");
        await page.GetByLabel("Phone 1 number").FillAsync("555 0100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Expect(tab.Alert).ToHaveTextAsync("\"email\" must be a valid email");

        await page.GetByLabel("Email 1 address").FillAsync("nobody@example.com");
        await page.GetByLabel("Phone 1 number").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Expect(tab.Alert).ToHaveTextAsync("\"phones[0].number\" must be 3 to 32 characters of digits, spaces and + - ( ) . with at least 3 digits");

        await Expect(tab.Heading).ToHaveTextAsync("New contact");
        Assert.Empty(await user.ContactsAsync());
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task The_star_toggles_favorite_in_the_API_and_a_reload_shows_the_stored_state()
    {
        var user = await AppUser.RegisterAsync(service);
        await user.AddContactAsync("Ada Lovelace", "ada@analytical.engine");
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);
        var star = tab.Page.GetByRole(AriaRole.Button, new() { Name = "Favorite: Ada Lovelace" });

        await Expect(star).ToHaveAttributeAsync("aria-pressed", "false");
        await star.ClickAsync();
        await Expect(star).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True((await user.ContactsAsync())[0]!["favorite"]!.GetValue<bool>());

        await tab.Page.ReloadAsync();
        await Expect(star).ToHaveAttributeAsync("aria-pressed", "true");
        await star.ClickAsync();
        await Expect(star).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.False((await user.ContactsAsync())[0]!["favorite"]!.GetValue<bool>());
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Delete_asks_first_cancel_keeps_the_contact_and_confirm_removes_it_from_the_list_and_the_API()
    {
        var user = await AppUser.RegisterAsync(service);
        await user.AddContactAsync("Kenji Watanabe", "kenji@example.jp");
        await user.AddContactAsync("Zoë Martin", "zoe@example.fr");
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete Kenji Watanabe" });
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete Kenji Watanabe?" });

        await delete.ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(delete).ToBeFocusedAsync();
        Assert.Equal(2, (await user.ContactsAsync()).Count);

        await delete.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kenji Watanabe" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("1–1 of 1 contact")).ToBeVisibleAsync();
        Assert.Equal(["Zoë Martin"], (await user.ContactsAsync()).Select(c => c!["name"]!.GetValue<string>()));
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_contact_deleted_from_its_edit_screen_is_gone_from_the_API()
    {
        var user = await AppUser.RegisterAsync(service);
        var contact = await user.AddContactAsync("Олена Коваль", "olena@example.com.ua");
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);

        await tab.Page.GotoAsync($"/#/contacts/{contact["_id"]}/edit");
        await Expect(tab.Page.GetByLabel("Name")).ToHaveValueAsync("Олена Коваль");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(tab.Page.GetByText("Your backup is empty.")).ToBeVisibleAsync();
        await (await user.Api.GetAsync($"/api/contacts/{contact["_id"]}")).AssertErrorAsync(System.Net.HttpStatusCode.NotFound, "Not Found");
        tab.AssertNoScriptProblems();
    }
}
