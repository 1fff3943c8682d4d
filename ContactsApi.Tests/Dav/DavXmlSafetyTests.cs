using System.Diagnostics;
using System.Net;
using System.Text;
using System.Xml.Linq;
using ContactsApi.Tests.Infrastructure;
using Xunit.Abstractions;
using static ContactsApi.Tests.Dav.DavCalls;

namespace ContactsApi.Tests.Dav;

public sealed class DavXmlSafetyTests(ContactsApiFactory factory, ITestOutputHelper output) : IClassFixture<ContactsApiFactory>
{
    private const string Malformed = "The body is not well-formed XML";

    [Fact]
    public async Task An_external_entity_is_refused_and_never_read()
    {
        var user = await factory.NewDavUserAsync();
        var secret = Path.Combine(factory.DataFolder, "secret.txt");
        await File.WriteAllTextAsync(secret, "the-secret-words");
        var body = $"""
            <?xml version="1.0"?>
            <!DOCTYPE propfind [<!ENTITY leak SYSTEM "file://{secret}">]>
            <propfind xmlns="DAV:"><prop><displayname>&leak;</displayname></prop></propfind>
            """;

        var response = await user.Dav.SendAsync(Request("PROPFIND", user.Book, body, "0"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, Malformed);
        Assert.DoesNotContain("the-secret-words", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Billion_laughs_is_refused_at_once()
    {
        var user = await factory.NewDavUserAsync();
        var entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (var i = 1; i < 10; i++) entities.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        var body = $"<?xml version=\"1.0\"?><!DOCTYPE r [{entities}]><C:addressbook-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:carddav\"><D:href>&l9;</D:href></C:addressbook-multiget>";
        var clock = Stopwatch.StartNew();

        var response = await user.Dav.SendAsync(Request("REPORT", user.Book, body, "1"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, Malformed);
        // Expanded, the one href would be 3 GB: refused before any expansion, it costs what any small request does.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("PROPFIND", "<propfind xmlns=\"DAV:\"><prop>")]
    [InlineData("PROPFIND", "not xml at all")]
    [InlineData("REPORT", "<C:addressbook-multiget xmlns:C=\"urn:ietf:params:xml:ns:carddav\"><unclosed></C:addressbook-multiget>")]
    [InlineData("PROPPATCH", "<?xml version=\"1.0\"?><a:b xmlns:a=\"\"/>")]
    public async Task Malformed_XML_is_a_bad_request(string method, string body)
    {
        var user = await factory.NewDavUserAsync();

        await (await user.Dav.SendAsync(Request(method, user.Book, body, "0"))).AssertErrorAsync(HttpStatusCode.BadRequest, Malformed);
    }

    [Fact]
    public async Task A_PROPFIND_body_past_its_bound_is_too_large()
    {
        var user = await factory.NewDavUserAsync();
        var body = Props(Enumerable.Range(0, 3000).Select(i => D + $"property-number-{i}").ToArray());

        await (await user.Dav.SendAsync(Request("PROPFIND", user.Book, body, "0")))
            .AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "Request body too large: at most 64 KB");
    }

    /// <summary>Random, truncated and mutated bodies over every DAV method and resource: always an answer, never a 5xx.</summary>
    [Fact]
    public async Task Random_and_truncated_bodies_never_get_a_server_error()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var given) ? given : 20261130;
        output.WriteLine($"FUZZ_SEED={seed}");
        var random = new Random(seed);
        var user = await factory.NewDavUserAsync();
        await PutCardAsync(user.Dav, user.Card("a.vcf"), Vcard("a", "Ann", "ann@example.com", "+1 555 0100"));
        string[] paths = ["/dav/", $"/dav/principals/{user.Id}/", $"/dav/addressbooks/{user.Id}/", user.Book, user.Card("a.vcf"), user.Card("b.vcf"),
            user.Book + "a%20b%25c.vcf", "/dav/addressbooks/" + user.Id + "/contacts/a.vcf/extra"];
        string[] methods = ["PROPFIND", "REPORT", "PROPPATCH", "PUT", "DELETE", "GET", "OPTIONS"];
        string[] seeds =
        [
            Props(D + "getetag", C + "address-data", CS + "getctag"),
            new XDocument(new XElement(C + "addressbook-multiget", new XElement(D + "prop", new XElement(D + "getetag")),
                new XElement(D + "href", user.Card("a.vcf")), new XElement(D + "href", "http://x/%zz/../.."))).ToString(),
            new XDocument(new XElement(C + "addressbook-query", new XElement(C + "filter", new XAttribute("test", "allof"),
                new XElement(C + "prop-filter", new XAttribute("name", "TEL"), new XElement(C + "param-filter", new XAttribute("name", "TYPE"),
                    new XElement(C + "text-match", "cell"))), new XElement(C + "prop-filter", new XElement(C + "is-not-defined"))),
                new XElement(C + "limit", new XElement(C + "nresults", "-1")))).ToString(),
            new XDocument(new XElement(D + "propertyupdate", new XElement(D + "remove", new XElement(D + "prop", new XElement(D + "x"))))).ToString(),
            Vcard("fuzz", "Fuzz", "f@example.com"),
        ];
        string[] depths = ["0", "1", "infinity", "2", "", "-1"];
        string[] types = ["application/xml", "text/xml", "text/vcard", "application/json", "text/plain"];
        var failures = new List<string>();

        for (var i = 0; i < 600; i++)
        {
            var body = Mutate(random, seeds[random.Next(seeds.Length)]);
            var method = methods[random.Next(methods.Length)];
            var path = paths[random.Next(paths.Length)];
            var request = Request(method, path, method is "GET" or "OPTIONS" or "DELETE" ? null : body, depths[random.Next(depths.Length)],
                types[random.Next(types.Length)]);
            if (random.Next(4) == 0) request.Headers.TryAddWithoutValidation(random.Next(2) == 0 ? "If-Match" : "If-None-Match", random.Next(2) == 0 ? "*" : "\"x\"");
            var response = await user.Dav.SendAsync(request);
            if ((int)response.StatusCode >= 500) failures.Add($"{method} {path} → {(int)response.StatusCode}: {body}");
        }

        Assert.Empty(failures);
    }

    private static string Mutate(Random random, string text) => random.Next(5) switch
    {
        0 => text[..random.Next(text.Length)],
        1 => new string(Enumerable.Range(0, random.Next(200)).Select(_ => (char)random.Next(1, 0x3000)).ToArray()),
        2 => text.Insert(random.Next(text.Length), new[] { "<", ">", "&", "\"", "]]>", "<!--", "&#0;", "\0", "\uFFFE", "<x:y/>" }[random.Next(10)]),
        3 => string.Concat(text.Select(c => random.Next(30) == 0 ? (char)random.Next(0x20, 0x7f) : c)),
        _ => text,
    };
}
