using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// Every main screen at a phone's width (375 px) and a desktop's (1280 px): nothing overflows
/// sideways, and a screenshot of each is taken. They replace those in docs/screenshots/ (shown in
/// the README) when the run sets UPDATE_SCREENSHOTS=1:
/// <c>UPDATE_SCREENSHOTS=1 dotnet test --filter WebAppScreenshotTests</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppScreenshotTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Every_main_screen_fits_a_phones_width_and_a_desktops_without_sideways_scrolling()
    {
        var update = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1";
        var folder = update
            ? Path.Combine(ExternalTools.RepositoryRoot(), "docs", "screenshots")
            : Directory.CreateTempSubdirectory("webapp-screenshots-").FullName;
        var user = await MainScreens.PersonWithContactsAsync(service);
        var overflowing = new List<string>();
        try
        {
            foreach (var (width, device) in new[] { (AppTab.Phone, "phone"), (AppTab.Desktop, "desktop") })
            {
                await using var tab = await AppTab.OpenAsync(browser, service.Address, width);
                await MainScreens.WalkAsync(tab, user, async screen =>
                {
                    var scrollWidth = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                    if (scrollWidth > width) overflowing.Add($"{screen} at {width} px is {scrollWidth} px wide");
                    await tab.Page.Mouse.MoveAsync(width - 1, 1); // no hover highlight in the picture
                    // The whole page: a contact's card and its form are longer than a screen.
                    await tab.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{screen}-{device}.png"), FullPage = true });
                });
                tab.AssertNoScriptProblems();
            }
            Assert.Empty(overflowing);
            Assert.Equal(MainScreens.Screens.Length * 2, Directory.GetFiles(folder, "*.png").Length);
        }
        finally
        {
            if (!update) Directory.Delete(folder, recursive: true);
        }
    }
}
