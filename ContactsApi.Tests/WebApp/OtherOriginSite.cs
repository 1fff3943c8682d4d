using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// A page on another origin (its own Kestrel, another loopback port), the way a third-party SPA
/// calls the API: "Log in and list" fetches /health, logs in and lists the contacts, and writes
/// what it got (or the browser's error) into the page.
/// </summary>
public sealed class OtherOriginSite : IAsyncDisposable
{
    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Another origin</title><script type="module" src="/client.js"></script></head>
        <body>
          <main>
            <label>Email <input id="email"></label>
            <label>Password <input id="password" type="password"></label>
            <button id="go" type="button">Log in and list</button>
            <p>Health: <output id="health"></output></p>
            <p>Contacts: <output id="contacts"></output></p>
            <p id="done"></p>
          </main>
        </body>
        </html>
        """;

    private const string Script = """
        const api = new URLSearchParams(location.search).get('api');
        const show = (id, text) => { document.getElementById(id).textContent = text; };
        async function attempt(id, work) {
          try { show(id, await work()); } catch (error) { show(id, `${error.name}: ${error.message}`); }
        }
        document.getElementById('go').addEventListener('click', async () => {
          const email = document.getElementById('email').value;
          const password = document.getElementById('password').value;
          await attempt('health', async () => (await (await fetch(`${api}/health`)).json()).status);
          await attempt('contacts', async () => {
            const login = await fetch(`${api}/api/users/login`, {
              method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
            });
            const { token } = await login.json();
            const list = await fetch(`${api}/api/contacts`, { headers: { Authorization: `Bearer ${token}` } });
            return (await list.json()).data.map((contact) => contact.name).join(', ');
          });
          show('done', 'done');
        });
        """;

    private readonly WebApplication _app;

    private OtherOriginSite(WebApplication app) => _app = app;

    /// <summary>e.g. <c>http://127.0.0.1:40123</c>: scheme, host and port, as a browser sends it in <c>Origin</c>.</summary>
    public string Origin => _app.Urls.Single();

    public string PageFor(Uri api) => $"{Origin}/?api={Uri.EscapeDataString(api.ToString().TrimEnd('/'))}";

    public static async Task<OtherOriginSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        app.MapGet("/client.js", () => Results.Content(Script, "text/javascript; charset=utf-8"));
        await app.StartAsync();
        return new OtherOriginSite(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
