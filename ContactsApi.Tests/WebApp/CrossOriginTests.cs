using System.Collections.Concurrent;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// A page on another origin calls the API in a real browser: with its origin in <c>Cors:Origins</c>
/// it logs in and lists contacts; without, the service still answers but the browser keeps the
/// answers from the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossOriginTests(BrowserFixture browser)
{
    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task A_page_on_an_origin_listed_in_Cors_Origins_logs_in_and_lists_contacts()
    {
        await using var site = await OtherOriginSite.StartAsync();
        using var service = new RecordingApi { Settings = { ["Cors:Origins:0"] = site.Origin } };
        var user = await AppUser.RegisterAsync(service);
        await user.AddContactAsync("Ada Lovelace", "ada@analytical.engine");
        await user.AddContactAsync("Grace Hopper", "grace@navy.example");

        await using var context = await (await browser.BrowserAsync()).NewContextAsync();
        var page = await LogInAndListAsync(context, site, service, user);

        await Expect(page.Locator("#health")).ToHaveTextAsync("ok");
        await Expect(page.Locator("#contacts")).ToHaveTextAsync("Ada Lovelace, Grace Hopper");
        var login = Assert.Single(service.Answered, r => r.Method == "POST" && r.Path == "/api/users/login");
        Assert.Equal((200, site.Origin), (login.Status, login.AllowedOrigin));
    }

    [NeedsToolFact(ExternalTools.Chromium)]
    public async Task Without_its_origin_in_Cors_Origins_the_browser_blocks_the_calls_the_service_answered()
    {
        await using var site = await OtherOriginSite.StartAsync();
        using var service = new RecordingApi();
        var user = await AppUser.RegisterAsync(service);
        await user.AddContactAsync("Ada Lovelace", "ada@analytical.engine");

        await using var context = await (await browser.BrowserAsync()).NewContextAsync();
        var page = await LogInAndListAsync(context, site, service, user);

        await Expect(page.Locator("#health")).ToHaveTextAsync("TypeError: Failed to fetch");
        await Expect(page.Locator("#contacts")).ToHaveTextAsync("TypeError: Failed to fetch");
        // The service answered /health in full; the browser kept the answer from the page.
        var health = Assert.Single(service.Answered, r => r.Path == "/health");
        Assert.Equal(("GET", 200, null), (health.Method, health.Status, health.AllowedOrigin));
        // Login needs a preflight: answered without permission, so the browser never sent the POST.
        var preflight = Assert.Single(service.Answered, r => r.Path == "/api/users/login" && r.Origin == site.Origin);
        Assert.Equal(("OPTIONS", 204, null), (preflight.Method, preflight.Status, preflight.AllowedOrigin));
    }

    private static async Task<IPage> LogInAndListAsync(IBrowserContext context, OtherOriginSite site, RecordingApi service, AppUser user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PageFor(service.Address));
        await page.Locator("#email").FillAsync(user.Email);
        await page.Locator("#password").FillAsync(ContactsApiFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in and list" }).ClickAsync();
        await Expect(page.Locator("#done")).ToHaveTextAsync("done");
        return page;
    }

    public sealed record Answer(string Method, string Path, string? Origin, int Status, string? AllowedOrigin);

    /// <summary>The service with a note of every request a browser sent it (with an Origin) and how it answered.</summary>
    private sealed class RecordingApi : ServedContactsApi
    {
        public ConcurrentQueue<Answer> Answered { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Recorder(Answered)));
        }

        private sealed class Recorder(ConcurrentQueue<Answer> answered) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (http, nextMiddleware) =>
                {
                    await nextMiddleware(http);
                    var origin = http.Request.Headers.Origin.ToString();
                    if (origin.Length == 0) return;
                    var allowed = http.Response.Headers.AccessControlAllowOrigin.ToString();
                    answered.Enqueue(new(http.Request.Method, http.Request.Path, origin, http.Response.StatusCode, allowed.Length == 0 ? null : allowed));
                });
                next(app);
            };
        }
    }
}
