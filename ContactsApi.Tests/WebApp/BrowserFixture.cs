using ContactsApi.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// One Chromium (Debian's, at /usr/bin/chromium) for the browser tests, launched on first use, so a
/// run whose browser tests are all skipped never starts it. Each test opens its own context (fresh
/// cookies and storage); Playwright gives every launch a new empty profile folder.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>What Chromium needs on these machines: no sandbox as root, and no background
    /// connections, which the closed network refuses (and which slow every start).</summary>
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _launching = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(20_000); // a loaded 2-core machine is slow

    public async Task<IBrowser> BrowserAsync()
    {
        await _launching.WaitAsync();
        try
        {
            if (_browser is not null) return _browser;
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExternalTools.Require(ExternalTools.Chromium),
                Headless = true,
                Args = ChromiumFlags,
            });
            return _browser;
        }
        finally
        {
            _launching.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _launching.Dispose();
    }
}

/// <summary>The browser tests share one Chromium and run one at a time: the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
