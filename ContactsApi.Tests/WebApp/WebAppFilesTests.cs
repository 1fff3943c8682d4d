using System.Net;
using System.Text.RegularExpressions;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ContactsApi.Tests.WebApp;

/// <summary>How the service serves the app's files, and what the files may not contain.</summary>
public sealed partial class WebAppFilesTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const string Policy = "default-src 'self'; img-src 'self' blob: data:; frame-ancestors 'none'";

    [Fact]
    public async Task The_app_is_served_at_the_root_with_its_content_security_policy()
    {
        var response = await factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Policy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("<script type=\"module\" src=\"/app/main.js\"></script>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/app/main.js", "text/javascript")]
    [InlineData("/app/views/contact-list.js", "text/javascript")]
    [InlineData("/app/app.css", "text/css")]
    public async Task The_apps_modules_and_styles_are_served_with_their_types(string path, string type)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_avatars_folder_still_serves_only_PNG_though_the_app_serves_HTML_and_scripts()
    {
        using var site = new WebRootFactory();
        var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/page.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/script.js")).StatusCode);
        Assert.Equal("image/png", (await client.GetAsync("/avatars/default.png")).Content.Headers.ContentType?.MediaType);
        foreach (var path in new[] { "/avatars/page.html", "/avatars/script.js", "/avatars/style.css", "/avatars/" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    /// <summary>
    /// The browser enforces the policy at run time on what a test walks through; this reads every file,
    /// so a handler or style written into markup fails here even on a screen no test opens.
    /// </summary>
    [Fact]
    public void No_file_of_the_app_holds_inline_script_inline_style_eval_or_markup_built_from_strings()
    {
        var root = Path.Combine(ExternalTools.RepositoryRoot(), "ContactsApi", "wwwroot");
        var files = Directory.GetFiles(root, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html") || f.EndsWith(".js")).ToArray();
        Assert.Contains(files, f => f.EndsWith("index.html"));

        var found = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var forbidden = file.EndsWith(".html") ? ForbiddenInHtml() : ForbiddenInScript();
            found.AddRange(forbidden.Matches(text).Select(m => $"{Path.GetRelativePath(root, file)}: {m.Value}"));
        }
        Assert.Empty(found);
    }

    // A <script> with content (not src), a style attribute or <style> element, an on…= handler, a javascript: URL.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\sstyle\s*=|<style\b|\son[a-z]+\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenInHtml();

    // eval and its kin, markup from strings, and inline styles set from script.
    [GeneratedRegex(@"\beval\s*\(|new\s+Function\b|\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b|\.style\b|setAttribute\(\s*['""]style|set(Timeout|Interval)\(\s*['""`]")]
    private static partial Regex ForbiddenInScript();

    /// <summary>The service with a web root of the test's own making: an app page and script, and the same kinds of file under avatars/.</summary>
    private sealed class WebRootFactory : ContactsApiFactory
    {
        private readonly string _webRoot = Directory.CreateTempSubdirectory("contactsapi-wwwroot-").FullName;

        public WebRootFactory()
        {
            Directory.CreateDirectory(Path.Combine(_webRoot, "avatars"));
            foreach (var folder in new[] { _webRoot, Path.Combine(_webRoot, "avatars") })
            {
                File.WriteAllText(Path.Combine(folder, "page.html"), "<!doctype html><title>x</title>");
                File.WriteAllText(Path.Combine(folder, "script.js"), "export {};");
                File.WriteAllText(Path.Combine(folder, "style.css"), "body {}");
                File.WriteAllText(Path.Combine(folder, "index.html"), "<!doctype html><title>index</title>");
            }
            File.Copy(Path.Combine(ExternalTools.RepositoryRoot(), "ContactsApi", "wwwroot", "avatars", "default.png"), Path.Combine(_webRoot, "avatars", "default.png"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseWebRoot(_webRoot);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(_webRoot, recursive: true); } catch (IOException) { }
        }
    }
}
