using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// Walks a tab through every main screen of the app, with a few contacts to show, and calls
/// <c>atScreen(name)</c> on each once it has settled: the accessibility scan and the screenshots
/// both use this one walk, so a new screen added here is scanned and pictured at both widths.
/// </summary>
public static class MainScreens
{
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
        await Expect(tab.Heading).ToHaveTextAsync("Edit contact");
        await Expect(page.GetByLabel("Phone 2 number")).ToHaveValueAsync("(294) 840-6685");
        await atScreen("contact-edit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await atScreen("delete-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await Expect(tab.Heading).ToHaveTextAsync("Account");
        await atScreen("account");
    }

    /// <summary>A person with six contacts: favorites, several labelled numbers, a Cyrillic name.</summary>
    public static async Task<AppUser> PersonWithContactsAsync(ServedContactsApi service)
    {
        var user = await AppUser.RegisterAsync(service, $"ann.lee.{Guid.NewGuid().ToString("N")[..6]}@example.com");
        await user.AddContactAsync("Chaim Lewise", "is@n.net", true, ("+38(099)212-5453", "mobile"), ("(294) 840-6685", "work"));
        await user.AddContactAsync("Ada Lovelace", "ada@analytical.engine", false, ("+44 20 7946 0018", "home"));
        await user.AddContactAsync("Grace Hopper", "grace@navy.example", true, ("+1 202 555 0143", "work"), ("+1 202 555 0178", "mobile"), ("+1 202 555 0111", "home"));
        await user.AddContactAsync("Олена Коваль", "olena@example.com.ua", false, ("+380 44 123 4567", "mobile"));
        await user.AddContactAsync("Kenji Watanabe", "kenji.watanabe@example.jp", false, ("+81 3-1234-5678", "mobile"));
        await user.AddContactAsync("Zoë Martin", "zoe.martin@example.fr", false, ("+33 1 23 45 67 89", "other"));
        return user;
    }
}
