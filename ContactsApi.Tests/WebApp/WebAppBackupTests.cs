using System.Net;
using System.Text;
using ContactsApi.Tests.Backup;
using ContactsApi.Tests.Contacts;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>vCard import (the file picker and its report) and export (the download, in either version) in the browser, against what the API then holds.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppBackupTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    /// <summary>Three cards, the second (its BEGIN on line 8) broken on its fourth line (line 11 of the file).</summary>
    private static readonly string PhoneExport =
        BackupCalls.Card("Ada Lovelace", "TEL;TYPE=CELL:+44 20 7946 0018", "EMAIL;TYPE=HOME:ada@analytical.engine", "UID:ada-1") +
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nthis line is no property\r\nEND:VCARD\r\n" +
        BackupCalls.Card("Grace Hopper", "TEL;TYPE=WORK:+1 202 555 0143", "ORG:US Navy", "UID:grace-1");

    private static FilePayload Vcf(string name, string text) => new() { Name = name, MimeType = "text/vcard", Buffer = Encoding.UTF8.GetBytes(text) };

    private static async Task<AppTab> OpenBackupAsync(BrowserFixture browser, ServedContactsApi service, AppUser user, int width)
    {
        var tab = await AppTab.OpenAsync(browser, service.Address, width);
        await tab.LogInAsync(user.Email);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Backup", Exact = true }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Import and export");
        return tab;
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Importing_a_file_shows_the_report_with_each_failed_card_and_the_API_holds_the_imported_contacts()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await OpenBackupAsync(browser, service, user, AppTab.Phone);
        var page = tab.Page;
        var import = page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true });

        await Expect(import).ToBeDisabledAsync();
        await page.GetByLabel("vCard file").SetInputFilesAsync(Vcf("phone.vcf", PhoneExport));
        await import.ClickAsync();

        var report = page.GetByRole(AriaRole.Region, new() { Name = "Imported phone.vcf" });
        await Expect(report).ToBeFocusedAsync();
        await Expect(report.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["2 created", "0 updated", "0 unchanged", "1 failed"]);
        var failures = report.GetByRole(AriaRole.Table, new() { Name = "Cards that could not be imported" });
        await Expect(failures.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Card", "Line", "Why"]);
        await Expect(failures.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["2", "8", "line 11: not a property (no ':')"]);

        var imported = await user.ContactsAsync();
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], imported.Select(c => c!.Str("name")));
        Assert.Equal("ada@analytical.engine", imported[0]!.Str("email"));
        Assert.Equal("US Navy", imported[1]!.Str("organization"));

        // The same file again: every card found, nothing new.
        await page.GetByLabel("vCard file").SetInputFilesAsync(Vcf("phone.vcf", PhoneExport));
        await import.ClickAsync();
        await Expect(report.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["0 created", "0 updated", "2 unchanged", "1 failed"]);
        Assert.Equal(2, (await user.ContactsAsync()).Count);
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_file_that_is_no_vCard_shows_the_APIs_message_and_imports_nothing()
    {
        var user = await AppUser.RegisterAsync(service);
        await using var tab = await OpenBackupAsync(browser, service, user, AppTab.Desktop);

        await tab.Page.GetByLabel("vCard file").SetInputFilesAsync(Vcf("notes.vcf", "just some text"));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Expect(tab.Alert).ToHaveTextAsync("File is not a vCard");
        await Expect(tab.Page.GetByRole(AriaRole.Region, new() { Name = "Imported notes.vcf" })).ToHaveCountAsync(0);
        Assert.Empty(await user.ContactsAsync());
        tab.AssertNoScriptProblems();
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Export_downloads_every_contact_in_the_version_chosen_as_the_API_writes_it()
    {
        var user = await AppUser.RegisterAsync(service);
        await user.Api.ImportAsync(PhoneExport);
        await user.AddContactAsync("Zoë Martin", "zoe.martin@example.fr");
        await using var tab = await OpenBackupAsync(browser, service, user, AppTab.Desktop);
        var page = tab.Page;
        var download = page.GetByRole(AriaRole.Button, new() { Name = "Download all contacts" });

        await Expect(page.GetByLabel("vCard 3.0")).ToBeCheckedAsync();
        var v3 = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        await page.GetByLabel("vCard 4.0").CheckAsync();
        var v4 = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());

        Assert.Equal("contacts.vcf", v3.SuggestedFilename);
        var text3 = await File.ReadAllTextAsync(await v3.PathAsync());
        var text4 = await File.ReadAllTextAsync(await v4.PathAsync());
        Assert.Equal(await user.Api.ExportAsync("3.0"), text3);
        Assert.Equal(await user.Api.ExportAsync("4.0"), text4);
        Assert.Equal(3, BackupCalls.Cards(text3).Count);
        Assert.Contains("FN:Zoë Martin", text4);
        Assert.Equal(3, text4.Split("VERSION:4.0").Length - 1);

        // What the app saved goes back in whole: nothing new, nothing changed.
        var again = await user.Api.ImportAsync(Encoding.UTF8.GetBytes(text3));
        Assert.Equal((0, 0, 3, 0), again.Counts());
        tab.AssertNoScriptProblems();
    }
}
