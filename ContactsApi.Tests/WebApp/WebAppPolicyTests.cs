using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>The browser really applies the app's Content-Security-Policy: what the app never does is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppPolicyTests(BrowserFixture browser, ServedContactsApi service) : IClassFixture<ServedContactsApi>
{
    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task On_the_apps_page_eval_inline_script_and_inline_style_are_refused_by_the_browser()
    {
        await using var tab = await AppTab.OpenAsync(browser, service.Address);
        var page = tab.Page;
        await Expect(tab.Heading).ToHaveTextAsync("Log in");
        var refusals = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) refusals.Add(message.Text); };

        // From a timer, not the evaluation itself: DevTools lets its own evaluations eval whatever the policy says.
        var evalResult = await page.EvaluateAsync<string>(
            "() => new Promise(done => setTimeout(() => { try { eval('1'); done('ran'); } catch (e) { done(e.name); } }))");
        var inlineRan = await page.EvaluateAsync<bool>("""
            () => new Promise(done => {
              const script = document.createElement('script');
              script.textContent = 'window.inlineRan = true';
              document.body.append(script);
              setTimeout(() => done(window.inlineRan === true), 100);
            })
            """);
        var styled = await page.EvaluateAsync<string>("""
            () => {
              const probe = document.createElement('div');
              probe.setAttribute('style', 'color: rgb(1, 2, 3)');
              document.body.append(probe);
              return getComputedStyle(probe).color;
            }
            """);

        Assert.Equal("EvalError", evalResult);
        Assert.False(inlineRan);
        Assert.NotEqual("rgb(1, 2, 3)", styled);
        Assert.NotEmpty(refusals);
    }
}
