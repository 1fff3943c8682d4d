using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// One browser tab on the app, at a phone's or a desktop's width, that records what would break
/// the app under its Content-Security-Policy: a refused script, style or image, and any uncaught
/// error. <see cref="AssertNoScriptProblems"/> ends each test with that check.
/// </summary>
public sealed class AppTab : IAsyncDisposable
{
    public const int Phone = 375;
    public const int Desktop = 1280;

    private readonly List<string> _problems = [];

    private AppTab(IBrowserContext context, IPage page, Uri address)
    {
        Context = context;
        Page = page;
        Address = address;
        page.Console += (_, message) =>
        {
            // A refused request (401, 404) is logged by Chromium as an error too; those are the app
            // at work. A policy violation or an exception is not.
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy") || message.Text.Contains("Refused to")))
                _problems.Add(message.Text);
        };
        page.PageError += (_, error) => _problems.Add(error);
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public Uri Address { get; }

    public static async Task<AppTab> OpenAsync(BrowserFixture browser, Uri address, int width = Desktop)
    {
        var context = await (await browser.BrowserAsync()).NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = width == Phone ? 740 : 820 },
            BaseURL = address.ToString(),
            ReducedMotion = ReducedMotion.Reduce,
        });
        var tab = new AppTab(context, await context.NewPageAsync(), address);
        await tab.Page.GotoAsync("/");
        return tab;
    }

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Alert => Page.GetByRole(AriaRole.Alert);

    public async Task LogInAsync(string email, string password = ContactsApiFactory.Password)
    {
        await Page.GotoAsync("/#/login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(Heading).ToHaveTextAsync("Contacts");
    }

    /// <summary>The token the app holds for this tab, read as a script on the page could.</summary>
    public Task<string?> TokenAsync() => Page.EvaluateAsync<string?>("() => sessionStorage.getItem('contacts.token')");

    public void AssertNoScriptProblems() =>
        Assert.True(_problems.Count == 0, "The page broke its policy or threw:\n" + string.Join('\n', _problems));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

/// <summary>A person of one test: registered through the API, with a client that is logged in as them.</summary>
public sealed record AppUser(string Email, HttpClient Api)
{
    public static async Task<AppUser> RegisterAsync(ServedContactsApi service, string? email = null)
    {
        email ??= ContactsApiFactory.NewEmail("web");
        var client = new HttpClient { BaseAddress = service.Address };
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ContactsApiFactory.LoginAsync(client, email));
        return new AppUser(email, client);
    }

    public async Task<JsonNode> AddContactAsync(string name, string email, bool favorite = false, params (string Number, string Label)[] phones)
    {
        var body = new
        {
            name,
            email,
            favorite,
            phones = (phones.Length == 0 ? [("+1 555 0100", "mobile")] : phones).Select(p => new { number = p.Number, label = p.Label }),
        };
        return await (await Api.PostAsJsonAsync("/api/contacts", body)).AssertJsonAsync(System.Net.HttpStatusCode.Created);
    }

    /// <summary>The user's contacts as the API holds them, by name.</summary>
    public async Task<JsonArray> ContactsAsync(string query = "limit=100")
    {
        var page = await (await Api.GetAsync($"/api/contacts?{query}")).AssertJsonAsync(System.Net.HttpStatusCode.OK);
        return page["data"]!.AsArray();
    }
}
