using ContactsApi.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace ContactsApi.Tests.WebApp;

/// <summary>axe-core (Deque.AxeCore.Playwright) over every main screen, at a phone's width and a desktop's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppAccessibilityTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task No_main_screen_has_a_serious_or_critical_accessibility_violation_at_either_width()
    {
        var user = await MainScreens.PersonWithContactsAsync(service);
        var found = new List<string>();
        var scanned = new List<string>();
        foreach (var width in new[] { AppTab.Phone, AppTab.Desktop })
        {
            await using var tab = await AppTab.OpenAsync(browser, service.Address, width);
            await MainScreens.WalkAsync(tab, user, async screen =>
            {
                var result = await tab.Page.RunAxe();
                scanned.Add($"{screen}@{width}: {result.Passes.Length} rules passed");
                found.AddRange(result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => Describe(screen, width, v)));
            });
            tab.AssertNoScriptProblems();
        }
        Assert.Equal(MainScreens.Screens.Length * 2, scanned.Count);
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    private static string Describe(string screen, int width, AxeResultItem violation) =>
        $"{screen} at {width} px: {violation.Impact} {violation.Id} ({violation.Help}) at " +
        string.Join(", ", violation.Nodes.Select(n => n.Html));
}
