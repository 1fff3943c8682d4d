using System.Net;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Backup;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// The whole card in the browser: several labelled phones, emails and addresses, organization, title,
/// birthday and notes written in the form and shown on the contact's page; its photo; its vCard.
/// Each checks what the page shows against what the API then holds.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppCardTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    private static string[] Entries(JsonNode contact, string list, string value) =>
        contact[list]!.AsArray().Select(e => $"{e![value]} ({e["label"]})").ToArray();

    private static string[] Addresses(JsonNode contact) =>
        contact["addresses"]!.AsArray()
            .Select(a => string.Join(" | ", new[] { "label", "street", "city", "region", "postcode", "country" }.Select(k => a!.Str(k))))
            .ToArray();

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_new_contact_with_the_whole_card_shows_every_field_on_its_page_and_the_API_holds_them()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "New contact" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Olena Koval");
        await page.GetByLabel("Organization").FillAsync("Koval & Sons");
        await page.GetByLabel("Job title").FillAsync("Engineer");
        await page.GetByLabel("Phone 1 number").FillAsync("+380 44 123 4567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add phone" }).ClickAsync();
        await page.GetByLabel("Phone 2 number").FillAsync("+380 67 765 4321");
        await page.GetByLabel("Phone 2 label").FillAsync("dacha");
        await Expect(page.GetByLabel("Email 1 label")).ToHaveValueAsync("home");
        await page.GetByLabel("Email 1 address").FillAsync("olena@example.com.ua");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add email" }).ClickAsync();
        await Expect(page.GetByLabel("Email 2 address")).ToBeFocusedAsync();
        await page.GetByLabel("Email 2 address").FillAsync("o.koval@work.example");
        await page.GetByLabel("Email 2 label").FillAsync("work");
        var addAddress = page.GetByRole(AriaRole.Button, new() { Name = "Add address" });
        await addAddress.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove address 1" }).ClickAsync();
        await Expect(addAddress).ToBeFocusedAsync();
        await addAddress.ClickAsync();
        var address = page.GetByRole(AriaRole.Group, new() { Name = "Address 1" });
        await Expect(address.GetByLabel("Label")).ToBeFocusedAsync();
        await address.GetByLabel("Street").FillAsync("Khreshchatyk 1\nFlat 5");
        await address.GetByLabel("City").FillAsync("Kyiv");
        await address.GetByLabel("Postcode").FillAsync("01001");
        await address.GetByLabel("Country").FillAsync("Ukraine");
        await page.GetByLabel("Day", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("Month", new() { Exact = true }).SelectOptionAsync("April");
        await page.GetByLabel("Notes").FillAsync("Met at the fair.\nLikes tea.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();

        await Expect(tab.Heading).ToHaveTextAsync("Olena Koval");
        var card = page.GetByRole(AriaRole.Article, new() { Name = "Olena Koval" });
        await Expect(card).ToContainTextAsync("Engineer, Koval & Sons");
        await Expect(card.GetByRole(AriaRole.Definition)).ToHaveTextAsync([
            "+380 44 123 4567 mobile", "+380 67 765 4321 dacha",
            "olena@example.com.ua home", "o.koval@work.example work",
            "Khreshchatyk 1\nFlat 5\nKyiv 01001\nUkraine home",
            "12 April",
            "Met at the fair.\nLikes tea.",
        ]);
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "o.koval@work.example" })).ToHaveAttributeAsync("href", "mailto:o.koval@work.example");

        var saved = Assert.Single(await user.ContactsAsync())!;
        Assert.Equal(("Olena Koval", "Koval & Sons", "Engineer", "--04-12", "Met at the fair.\nLikes tea."),
            (saved.Str("name"), saved.Str("organization"), saved.Str("title"), saved.Str("birthday"), saved.Str("notes")));
        Assert.Equal(["+380 44 123 4567 (mobile)", "+380 67 765 4321 (dacha)"], Entries(saved, "phones", "number"));
        Assert.Equal(["olena@example.com.ua (home)", "o.koval@work.example (work)"], Entries(saved, "emails", "address"));
        Assert.Equal("olena@example.com.ua", saved.Str("email"));
        Assert.Equal(["home | Khreshchatyk 1\nFlat 5 | Kyiv |  | 01001 | Ukraine"], Addresses(saved));
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Editing_the_card_replaces_its_lists_and_clears_what_was_emptied_and_the_API_holds_exactly_that()
    {
        var user = await AppUser.RegisterAsync(service);
        var contact = await (await user.Api.PostJsonAsync("/api/contacts", """
            {"name":"Grace Hopper","email":"grace@navy.example","phones":[{"number":"+1 202 555 0143","label":"work"}],
             "emails":[{"address":"grace@navy.example","label":"work"},{"address":"grace@home.example","label":"home"}],
             "organization":"US Navy","title":"Rear Admiral","birthday":"1906-12-09","notes":"COBOL",
             "addresses":[{"label":"work","street":"1 Navy Yard","city":"Washington","region":"DC","postcode":"20374","country":"USA"}]}
            """)).AssertJsonAsync(HttpStatusCode.Created);
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;

        await page.GotoAsync($"/#/contacts/{contact["_id"]}");
        await Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("9 December 1906");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByLabel("Year (optional)")).ToHaveValueAsync("1906");
        await Expect(page.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove email 1" }).ClickAsync();
        await Expect(page.GetByLabel("Email 1 address")).ToHaveValueAsync("grace@home.example");
        await page.GetByLabel("Organization").FillAsync("");
        await page.GetByLabel("Year (optional)").FillAsync("");
        await page.GetByRole(AriaRole.Group, new() { Name = "Address 1" }).GetByLabel("City").FillAsync("Arlington");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add address" }).ClickAsync();
        var second = page.GetByRole(AriaRole.Group, new() { Name = "Address 2" });
        await second.GetByLabel("Label").FillAsync("home");
        await second.GetByLabel("Country").FillAsync("USA");
        await page.GetByLabel("Notes").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "was saved" })).ToHaveTextAsync("Grace Hopper was saved.");
        var card = page.GetByRole(AriaRole.Article, new() { Name = "Grace Hopper" });
        await Expect(card).ToContainTextAsync("Rear Admiral");
        await Expect(card).Not.ToContainTextAsync("US Navy");
        await Expect(card.GetByRole(AriaRole.Term)).ToHaveTextAsync(["Phone numbers", "Email addresses", "Addresses", "Birthday"]);
        await Expect(card).ToContainTextAsync("9 December");
        await Expect(card).Not.ToContainTextAsync("1906");

        var saved = await (await user.Api.GetAsync($"/api/contacts/{contact["_id"]}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["grace@home.example (home)"], Entries(saved, "emails", "address"));
        Assert.Equal("grace@home.example", saved.Str("email"));
        Assert.Null(saved["organization"]);
        Assert.Null(saved["notes"]);
        Assert.Equal("Rear Admiral", saved.Str("title"));
        Assert.Equal("--12-09", saved.Str("birthday"));
        Assert.Equal(["work | 1 Navy Yard | Arlington | DC | 20374 | USA", "home |  |  |  |  | USA"], Addresses(saved));
        Assert.Equal(["+1 202 555 0143 (work)"], Entries(saved, "phones", "number"));
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_birthday_with_a_day_but_no_month_shows_the_APIs_message_and_changes_nothing()
    {
        var user = await AppUser.RegisterAsync(service);
        var contact = await user.AddContactAsync("Ada Lovelace", "ada@analytical.engine");
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);

        await tab.Page.GotoAsync($"/#/contacts/{contact["_id"]}/edit");
        await tab.Page.GetByLabel("Day", new() { Exact = true }).FillAsync("10");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(tab.Alert).ToHaveTextAsync("\"birthday\" must be a date as YYYY-MM-DD, or --MM-DD without a year");
        await Expect(tab.Heading).ToHaveTextAsync("Edit contact");
        var stored = await (await user.Api.GetAsync($"/api/contacts/{contact["_id"]}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Null(stored["birthday"]);
        Assert.Equal(contact.Str("updatedAt"), stored.Str("updatedAt"));
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_contacts_photo_is_fetched_with_the_token_and_shown_on_its_page_and_in_the_list()
    {
        var user = await AppUser.RegisterAsync(service);
        var png = await File.ReadAllBytesAsync(MainScreens.PortraitPath);
        await user.Api.ImportAsync(BackupCalls.Card("Photo Person", "TEL;TYPE=CELL:+1 555 0100", $"PHOTO;ENCODING=b;TYPE=PNG:{Convert.ToBase64String(png)}"));
        await user.AddContactAsync("No Photo", "none@example.com");
        var withPhoto = (await user.ContactsAsync()).Single(c => c!.Str("name") == "Photo Person")!;
        Assert.True(withPhoto["hasPhoto"]!.GetValue<bool>());
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        await tab.LogInAsync(user.Email);
        var page = tab.Page;

        var inList = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Photo Person" }).Locator("img");
        await Expect(inList).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "No Photo" }).Locator("img")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "No Photo" })).ToContainTextAsync("NP");

        await page.GetByRole(AriaRole.Link, new() { Name = "Photo Person" }).ClickAsync();
        var photo = page.GetByRole(AriaRole.Img, new() { Name = "Photo of Photo Person" });
        await Expect(photo).ToBeVisibleAsync();
        Assert.Equal(160, await photo.EvaluateAsync<int>("img => img.naturalWidth"));
        // The pixels shown are the stored photo's: both drawn on canvases and compared, the stored one
        // fetched here as the app does (the token in the header; an <img src> can't send it).
        var differing = await photo.EvaluateAsync<int>("""
            async (img, id) => {
              const pixels = (source) => { const c = document.createElement('canvas'); c.width = 160; c.height = 160;
                const g = c.getContext('2d'); g.drawImage(source, 0, 0); return g.getImageData(0, 0, 160, 160).data; };
              const response = await fetch(`/api/contacts/${id}/photo`, { headers: { Authorization: `Bearer ${sessionStorage.getItem('contacts.token')}` } });
              const stored = pixels(await createImageBitmap(await response.blob()));
              const shown = pixels(img);
              return stored.filter((value, i) => value !== shown[i]).length;
            }
            """, withPhoto.Str("_id"));
        Assert.Equal(0, differing);
        var served = await user.Api.GetAsync($"/api/contacts/{withPhoto["_id"]}/photo");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Download_vCard_saves_the_contacts_card_as_the_API_writes_it()
    {
        var user = await AppUser.RegisterAsync(service);
        await user.Api.ImportAsync(BackupCalls.Card("Kenji Watanabe", "N:Watanabe;Kenji;;;", "TEL;TYPE=CELL:+81 3-1234-5678",
            "NICKNAME:Ken", "item1.URL:https://kenji.example", "item1.X-ABLabel:blog", "UID:kenji-1"));
        var contact = Assert.Single(await user.ContactsAsync())!;
        await using var tab = await AppTab.OpenAsync(browser, service.Address, AppTab.Phone);
        await tab.LogInAsync(user.Email);

        await tab.Page.GotoAsync($"/#/contacts/{contact["_id"]}");
        var download = await tab.Page.RunAndWaitForDownloadAsync(() =>
            tab.Page.GetByRole(AriaRole.Button, new() { Name = "Download vCard" }).ClickAsync());

        Assert.Equal("Kenji Watanabe.vcf", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync(await download.PathAsync());
        var fromApi = await (await user.Api.GetAsync($"/api/contacts/{contact["_id"]}/vcard")).Content.ReadAsStringAsync();
        Assert.Equal(fromApi, saved);
        Assert.Contains("NICKNAME:Ken", saved);
        Assert.Contains("item1.X-ABLabel:blog", saved);
        Assert.Contains("VERSION:3.0", saved);
        tab.AssertNoScriptProblems();
    }
}
