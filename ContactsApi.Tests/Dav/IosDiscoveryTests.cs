using System.Net;
using System.Xml.Linq;
using ContactsApi.Tests.Infrastructure;
using static ContactsApi.Tests.Dav.DavCalls;

namespace ContactsApi.Tests.Dav;

/// <summary>
/// What iOS's Contacts account (Settings → Contacts → Accounts → Add Account → Other → CardDAV) sends when
/// given only the server's host name, replayed request by request with its own bodies and prefixes: the
/// well-known address, the challenge, the principal, the home at depth 1, the book's members, a multiget,
/// and a new card put with <c>If-None-Match: *</c>.
/// </summary>
public sealed class IosDiscoveryTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const string WellKnown = """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propfind xmlns:A="DAV:">
          <A:prop>
            <A:current-user-principal/>
            <A:principal-URL/>
            <A:resourcetype/>
          </A:prop>
        </A:propfind>
        """;

    private const string Principal = """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propfind xmlns:A="DAV:" xmlns:B="urn:ietf:params:xml:ns:carddav" xmlns:C="http://calendarserver.org/ns/">
          <A:prop>
            <B:addressbook-home-set/>
            <B:directory-gateway/>
            <A:displayname/>
            <C:email-address-set/>
            <A:principal-collection-set/>
            <A:principal-URL/>
            <A:resource-id/>
            <A:supported-report-set/>
          </A:prop>
        </A:propfind>
        """;

    private const string Home = """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propfind xmlns:A="DAV:" xmlns:B="urn:ietf:params:xml:ns:carddav" xmlns:C="http://calendarserver.org/ns/" xmlns:D="http://me.com/_namespace/">
          <A:prop>
            <B:max-image-size/>
            <B:max-resource-size/>
            <C:me-card/>
            <A:current-user-privilege-set/>
            <A:displayname/>
            <A:resource-id/>
            <A:owner/>
            <A:quota-available-bytes/>
            <A:quota-used-bytes/>
            <A:resourcetype/>
            <A:sync-token/>
            <C:getctag/>
            <D:bulk-requests/>
            <A:supported-report-set/>
          </A:prop>
        </A:propfind>
        """;

    private const string Members = """
        <?xml version="1.0" encoding="UTF-8"?>
        <A:propfind xmlns:A="DAV:">
          <A:prop>
            <A:getcontenttype/>
            <A:getetag/>
          </A:prop>
        </A:propfind>
        """;

    [Fact]
    public async Task iOS_finds_the_address_book_from_the_host_name_alone_and_syncs_it()
    {
        var user = await factory.NewDavUserAsync();
        (await user.Rest.PostAsync("/api/contacts", new StringContent("""{"name":"On The Server","email":"s@example.com","phone":"+1 555 0100"}""",
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var moved = await anonymous.SendAsync(Request("PROPFIND", "/.well-known/carddav", WellKnown, "0"));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        var root = moved.Headers.Location!.OriginalString;
        var challenged = await anonymous.SendAsync(Request("PROPFIND", root, WellKnown, "0"));
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.Equal("Basic", challenged.Headers.WwwAuthenticate.Single().Scheme);

        var principalHref = Found(await PropfindAsync(user.Dav, root, "0", WellKnown), root)
            .Element(D + "current-user-principal")!.Element(D + "href")!.Value;
        var principal = Found(await PropfindAsync(user.Dav, principalHref, "0", Principal), principalHref);
        var homeHref = principal.Element(C + "addressbook-home-set")!.Element(D + "href")!.Value;
        var home = await PropfindAsync(user.Dav, homeHref, "1", Home);
        var bookHref = Responses(home).Single(r => r.Value.Descendants(C + "addressbook").Any()).Key;
        var book = Found(home, bookHref);
        var members = Responses(await PropfindAsync(user.Dav, bookHref, "1", Members)).Where(r => r.Key != bookHref).ToList();
        var card = members.Single().Key;
        var multiget = await ReportAsync(user.Dav, bookHref, new XElement(C + "addressbook-multiget",
            new XElement(D + "prop", new XElement(D + "getetag"), new XElement(C + "address-data")), new XElement(D + "href", card)));
        var put = await PutCardAsync(user.Dav, bookHref + "6D6A7F36-1B4B-4E0F-9A1E-4C2B8E0F1A2B.vcf",
            Vcard("6D6A7F36-1B4B-4E0F-9A1E-4C2B8E0F1A2B", "Made On The Phone", "phone@example.com", "+1 555 0199"), ("If-None-Match", "*"));

        Assert.Equal(user.Book, bookHref);
        Assert.Equal(user.Email, principal.Element(D + "displayname")!.Value);
        Assert.Equal("1048576", book.Element(C + "max-resource-size")!.Value);
        Assert.NotNull(book.Element(CS + "getctag"));
        Assert.Contains(book.Element(D + "current-user-privilege-set")!.Descendants(), p => p.Name == D + "write-content");
        Assert.Contains("FN:On The Server", Found(multiget, card).Element(C + "address-data")!.Value);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Contains(await RestContactsAsync(user.Rest), c => c["name"]!.GetValue<string>() == "Made On The Phone");
    }
}
