using System.Net.Http.Json;
using ContactsApi.Tests.Backup;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// Walks a tab through every main screen of the app, with a few contacts to show, and calls
/// <c>atScreen(name)</c> on each once it has settled: the accessibility scan and the screenshots
/// both use this one walk, so a new screen added here is scanned and pictured at both widths.
/// <see cref="Screens"/> names them in the order walked.
/// </summary>
public static class MainScreens
{
    public static readonly string[] Screens = ["login", "register", "contacts", "contact", "delete-confirm", "contact-edit", "backup", "trash", "account"];

    public static async Task WalkAsync(AppTab tab, AppUser user, Func<string, Task> atScreen)
    {
        var page = tab.Page;
        await page.GotoAsync("/#/login");
        await Expect(tab.Heading).ToHaveTextAsync("Log in");
        await atScreen("login");

        await page.GotoAsync("/#/register");
        await Expect(tab.Heading).ToHaveTextAsync("Create your account");
        await atScreen("register");

        await tab.LogInAsync(user.Email);
        await Expect(page.GetByText("1–6 of 6 contacts")).ToBeVisibleAsync();
        await atScreen("contacts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Chaim Lewise" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Chaim Lewise");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Photo of Chaim Lewise" })).ToBeVisibleAsync();
        await atScreen("contact");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await atScreen("delete-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Edit contact");
        await Expect(page.GetByLabel("Phone 2 number")).ToHaveValueAsync("(294) 840-6685");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Address 1" }).GetByLabel("City")).ToHaveValueAsync("Kyiv");
        await atScreen("contact-edit");

        await page.GetByRole(AriaRole.Link, new() { Name = "Backup", Exact = true }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Import and export");
        await page.GetByLabel("vCard file").SetInputFilesAsync(new FilePayload
        {
            Name = "iphone-export.vcf",
            MimeType = "text/vcard",
            Buffer = System.Text.Encoding.UTF8.GetBytes(PhoneExport),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Imported iphone-export.vcf" })).ToBeFocusedAsync();
        await atScreen("backup");

        await page.GotoAsync("/#/trash");
        await Expect(page.GetByText("1 deleted contact", new() { Exact = true })).ToBeVisibleAsync();
        await atScreen("trash");

        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Account");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "App passwords" })).ToContainTextAsync("Ann's iPhone");
        await atScreen("account");
    }

    /// <summary>The photo of the walk's first contact: a drawn portrait, 160×160 PNG.</summary>
    public static string PortraitPath => Path.Combine(ExternalTools.RepositoryRoot(), "ContactsApi.Tests", "WebApp", "portrait.png");

    /// <summary>
    /// What the walk imports on the backup screen: two cards of contacts already in the book (so each walk
    /// leaves six contacts) and one that can't be read.
    /// </summary>
    private const string PhoneExport =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL;TYPE=HOME:+44 20 7946 0018\r\nEMAIL:ada@analytical.engine\r\nEND:VCARD\r\n" +
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kenji Watanabe\r\nTEL;TYPE=CELL:+81 3-1234-5678\r\nEMAIL:kenji.watanabe@example.jp\r\nNOTE:Tokyo office\r\nEND:VCARD\r\n" +
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nTEL CELL:+1 555 0100\r\nEND:VCARD\r\n";

    /// <summary>
    /// A person with six contacts: favorites, several labelled numbers, a Cyrillic name, and one whole
    /// card (organization, title, emails, an address, birthday, notes and a photo) imported as a phone sends it;
    /// a seventh in the trash; and an app password for a phone.
    /// </summary>
    public static async Task<AppUser> PersonWithContactsAsync(ServedContactsApi service)
    {
        var user = await AppUser.RegisterAsync(service, $"ann.lee.{Guid.NewGuid().ToString("N")[..6]}@example.com");
        var photo = Convert.ToBase64String(await File.ReadAllBytesAsync(PortraitPath));
        await user.Api.ImportAsync(BackupCalls.Card("Chaim Lewise", "N:Lewise;Chaim;;;", "ORG:Lewise & Sons", "TITLE:Managing director",
            "TEL;TYPE=CELL:+38(099)212-5453", "TEL;TYPE=WORK:(294) 840-6685", "EMAIL;TYPE=HOME:is@n.net", "EMAIL;TYPE=WORK:chaim@lewise.example",
            "ADR;TYPE=WORK:;;Khreshchatyk 22;Kyiv;;01001;Ukraine", "BDAY:--04-12", "NOTE:Met at the Kyiv book fair.\\nPrefers calls after 10.",
            $"PHOTO;ENCODING=b;TYPE=PNG:{photo}"));
        var chaim = (await user.ContactsAsync())[0]!;
        (await user.Api.PatchAsJsonAsync($"/api/contacts/{chaim["_id"]}/favorite", new { favorite = true })).EnsureSuccessStatusCode();
        await user.AddContactAsync("Ada Lovelace", "ada@analytical.engine", false, ("+44 20 7946 0018", "home"));
        await user.AddContactAsync("Grace Hopper", "grace@navy.example", true, ("+1 202 555 0143", "work"), ("+1 202 555 0178", "mobile"), ("+1 202 555 0111", "home"));
        await user.AddContactAsync("Олена Коваль", "olena@example.com.ua", false, ("+380 44 123 4567", "mobile"));
        await user.AddContactAsync("Kenji Watanabe", "kenji.watanabe@example.jp", false, ("+81 3-1234-5678", "mobile"));
        await user.AddContactAsync("Zoë Martin", "zoe.martin@example.fr", false, ("+33 1 23 45 67 89", "other"));
        (await user.Api.PostAsJsonAsync("/api/users/app-passwords", new { name = "Ann's iPhone" })).EnsureSuccessStatusCode();
        var deleted = await user.AddContactAsync("Alan Turing", "alan@bletchley.example", false, ("+44 1908 640404", "work"));
        (await user.Api.DeleteAsync($"/api/contacts/{deleted["_id"]}")).EnsureSuccessStatusCode();
        return user;
    }
}
