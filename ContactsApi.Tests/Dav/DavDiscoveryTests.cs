using System.Net;
using System.Xml.Linq;
using ContactsApi.Tests.Infrastructure;
using static ContactsApi.Tests.Dav.DavCalls;

namespace ContactsApi.Tests.Dav;

public sealed class DavDiscoveryTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("PROPFIND")]
    public async Task The_well_known_address_moves_permanently_to_the_DAV_root(string method)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.SendAsync(Request(method, "/.well-known/carddav"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/dav/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Discovery_leads_from_the_root_to_the_principal_its_home_and_the_one_address_book()
    {
        var user = await factory.NewDavUserAsync();

        var root = Found(await PropfindAsync(user.Dav, "/dav/", "0", Props(D + "current-user-principal")), "/dav/");
        var principalHref = root.Element(D + "current-user-principal")!.Element(D + "href")!.Value;
        var principal = Found(await PropfindAsync(user.Dav, principalHref, "0",
            Props(D + "resourcetype", D + "displayname", C + "addressbook-home-set", D + "principal-URL")), principalHref);
        var homeHref = principal.Element(C + "addressbook-home-set")!.Element(D + "href")!.Value;
        var home = await PropfindAsync(user.Dav, homeHref, "1", Props(D + "resourcetype", D + "displayname"));

        Assert.Equal($"/dav/principals/{user.Id}/", principalHref);
        Assert.NotNull(principal.Element(D + "resourcetype")!.Element(D + "principal"));
        Assert.Equal(user.Email, principal.Element(D + "displayname")!.Value);
        Assert.Equal(principalHref, principal.Element(D + "principal-URL")!.Element(D + "href")!.Value);
        Assert.Equal([homeHref, user.Book], Responses(home).Keys);
        Assert.NotNull(Found(home, user.Book).Element(D + "resourcetype")!.Element(C + "addressbook"));
    }

    [Fact]
    public async Task The_address_book_has_the_properties_iOS_macOS_and_DAVx5_ask_for()
    {
        var user = await factory.NewDavUserAsync();

        var book = Found(await PropfindAsync(user.Dav, user.Book, "0", Props(D + "resourcetype", D + "displayname", CS + "getctag",
            C + "supported-address-data", C + "max-resource-size", D + "current-user-privilege-set", D + "supported-report-set",
            D + "current-user-principal", D + "owner")), user.Book);

        Assert.Equal("Contacts", book.Element(D + "displayname")!.Value);
        Assert.Matches("^\"[\\w-]+\"$", book.Element(CS + "getctag")!.Value);
        Assert.Equal(["3.0", "4.0"], book.Element(C + "supported-address-data")!.Elements(C + "address-data-type").Select(t => (string)t.Attribute("version")!));
        Assert.Equal("1048576", book.Element(C + "max-resource-size")!.Value);
        Assert.Equal(["read", "write-content", "bind", "unbind", "read-current-user-privilege-set"],
            book.Element(D + "current-user-privilege-set")!.Elements(D + "privilege").Select(p => p.Elements().Single().Name.LocalName));
        Assert.Equal(["addressbook-multiget", "addressbook-query", "sync-collection"],
            book.Element(D + "supported-report-set")!.Descendants(D + "report").Select(r => r.Elements().Single().Name.LocalName));
        Assert.Equal($"/dav/principals/{user.Id}/", book.Element(D + "owner")!.Value);
    }

    [Fact]
    public async Task A_property_the_resource_lacks_is_answered_not_found_beside_the_found_ones()
    {
        var user = await factory.NewDavUserAsync();

        var response = Responses(await PropfindAsync(user.Dav, user.Book, "0", Props(D + "displayname", XNamespace.Get("urn:x-unknown") + "color")))[user.Book];

        var statuses = response.Elements(D + "propstat").ToDictionary(p => p.Element(D + "status")!.Value, p => p.Element(D + "prop")!.Elements().Single().Name);
        Assert.Equal(D + "displayname", statuses["HTTP/1.1 200 OK"]);
        Assert.Equal(XNamespace.Get("urn:x-unknown") + "color", statuses["HTTP/1.1 404 Not Found"]);
    }

    [Fact]
    public async Task A_PROPFIND_of_infinite_depth_is_refused_with_its_precondition()
    {
        var user = await factory.NewDavUserAsync();

        var response = await user.Dav.SendAsync(Request("PROPFIND", user.Book, Props(D + "getetag"), "infinity"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(D + "error", error.Name);
        Assert.Equal(D + "propfind-finite-depth", error.Elements().Single().Name);
    }

    [Fact]
    public async Task An_empty_PROPFIND_asks_for_all_properties()
    {
        var user = await factory.NewDavUserAsync();

        var book = Found(await MultistatusAsync(await user.Dav.SendAsync(Request("PROPFIND", user.Book, depth: "0"))), user.Book);

        Assert.Equal(["resourcetype", "displayname", "getctag", "current-user-principal"], book.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task OPTIONS_says_the_server_speaks_CardDAV()
    {
        var user = await factory.NewDavUserAsync();

        var response = await user.Dav.SendAsync(Request("OPTIONS", user.Book));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1, 3, addressbook", string.Join(", ", response.Headers.GetValues("DAV")));
        Assert.Contains("REPORT", response.Content.Headers.Allow);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Setting_a_property_is_refused_property_by_property()
    {
        var user = await factory.NewDavUserAsync();
        var body = new XDocument(new XElement(D + "propertyupdate",
            new XElement(D + "set", new XElement(D + "prop", new XElement(D + "displayname", "Mine"))))).ToString();

        var response = Responses(await MultistatusAsync(await user.Dav.SendAsync(Request("PROPPATCH", user.Book, body))))[user.Book];

        var propstat = response.Elements(D + "propstat").Single();
        Assert.Equal("HTTP/1.1 403 Forbidden", propstat.Element(D + "status")!.Value);
        Assert.Equal(D + "displayname", propstat.Element(D + "prop")!.Elements().Single().Name);
    }
}
