using System.Net;
using System.Xml.Linq;
using ContactsApi.Tests.Infrastructure;
using static ContactsApi.Tests.Dav.DavCalls;

namespace ContactsApi.Tests.Dav;

public sealed class DavReportTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private static XElement Prop => new(D + "prop", new XElement(D + "getetag"), new XElement(C + "address-data"));

    [Fact]
    public async Task A_multiget_answers_each_card_asked_for_and_not_found_for_the_rest()
    {
        var user = await factory.NewDavUserAsync();
        var tag = (await PutCardAsync(user.Dav, user.Card("a.vcf"), Vcard("a", "Ann"))).Headers.ETag!.ToString();
        await PutCardAsync(user.Dav, user.Card("b.vcf"), Vcard("b", "Bob"));

        var multistatus = await ReportAsync(user.Dav, user.Book, new XElement(C + "addressbook-multiget", Prop,
            new XElement(D + "href", user.Card("a.vcf")), new XElement(D + "href", user.Card("missing.vcf"))));

        var responses = Responses(multistatus);
        Assert.Equal([user.Card("a.vcf"), user.Card("missing.vcf")], responses.Keys);
        var found = Found(multistatus, user.Card("a.vcf"));
        Assert.Equal(tag, found.Element(D + "getetag")!.Value);
        Assert.StartsWith("BEGIN:VCARD", found.Element(C + "address-data")!.Value);
        Assert.Contains("FN:Ann", found.Element(C + "address-data")!.Value);
        Assert.Equal("HTTP/1.1 404 Not Found", responses[user.Card("missing.vcf")].Element(D + "status")!.Value);
    }

    [Fact]
    public async Task A_multiget_can_ask_for_vCard_4()
    {
        var user = await factory.NewDavUserAsync();
        await PutCardAsync(user.Dav, user.Card("a.vcf"), Vcard("a", "Ann"));

        var multistatus = await ReportAsync(user.Dav, user.Book, new XElement(C + "addressbook-multiget",
            new XElement(D + "prop", new XElement(C + "address-data", new XAttribute("content-type", "text/vcard"), new XAttribute("version", "4.0"))),
            new XElement(D + "href", user.Card("a.vcf"))));

        Assert.Contains("VERSION:4.0", Found(multistatus, user.Card("a.vcf")).Element(C + "address-data")!.Value);
    }

    [Theory]
    [InlineData("FN", "contains", "smith", new[] { "ann" })]
    [InlineData("FN", "starts-with", "BOB", new[] { "bob" })]
    [InlineData("EMAIL", "equals", "bob@example.com", new[] { "bob" })]
    [InlineData("EMAIL", "ends-with", "@example.org", new[] { "ann" })]
    [InlineData("TEL", "contains", "555 0101", new[] { "bob" })]
    public async Task A_query_matches_text_in_names_emails_and_numbers(string property, string matchType, string text, string[] expected)
    {
        var user = await factory.NewDavUserAsync();
        await PutCardAsync(user.Dav, user.Card("ann.vcf"), Vcard("ann", "Ann Smith", "ann@example.org", "+1 555 0100"));
        await PutCardAsync(user.Dav, user.Card("bob.vcf"), Vcard("bob", "Bob Jones", "bob@example.com", "+1 555 0101"));

        var multistatus = await ReportAsync(user.Dav, user.Book, Query(new XElement(C + "prop-filter", new XAttribute("name", property),
            new XElement(C + "text-match", new XAttribute("match-type", matchType), text))));

        Assert.Equal(expected.Select(n => user.Card($"{n}.vcf")), Responses(multistatus).Keys);
    }

    [Fact]
    public async Task A_query_with_allof_needs_every_filter_and_a_negated_match_excludes()
    {
        var user = await factory.NewDavUserAsync();
        await PutCardAsync(user.Dav, user.Card("ann.vcf"), Vcard("ann", "Ann Smith", "ann@example.org"));
        await PutCardAsync(user.Dav, user.Card("bob.vcf"), Vcard("bob", "Bob Smith", "bob@example.com"));

        var multistatus = await ReportAsync(user.Dav, user.Book, Query(
            new XElement(C + "prop-filter", new XAttribute("name", "FN"), new XElement(C + "text-match", "smith")),
            new XElement(C + "prop-filter", new XAttribute("name", "EMAIL"), new XElement(C + "text-match", new XAttribute("negate-condition", "yes"), "example.org")))
            .Also(q => q.Element(C + "filter")!.Add(new XAttribute("test", "allof"))));

        Assert.Equal([user.Card("bob.vcf")], Responses(multistatus).Keys);
    }

    [Fact]
    public async Task A_query_cut_short_by_its_limit_says_so()
    {
        var user = await factory.NewDavUserAsync();
        foreach (var name in new[] { "a", "b", "c" }) await PutCardAsync(user.Dav, user.Card($"{name}.vcf"), Vcard(name, $"Same {name}"));
        var query = Query(new XElement(C + "prop-filter", new XAttribute("name", "FN"), new XElement(C + "text-match", "same")));
        query.Add(new XElement(C + "limit", new XElement(C + "nresults", "2")));

        var responses = Responses(await ReportAsync(user.Dav, user.Book, query));

        Assert.Equal(3, responses.Count);
        Assert.Equal("HTTP/1.1 507 Insufficient Storage", responses[user.Book].Element(D + "status")!.Value);
    }

    [Fact]
    public async Task An_unknown_collation_is_refused_with_its_precondition()
    {
        var user = await factory.NewDavUserAsync();
        var query = Query(new XElement(C + "prop-filter", new XAttribute("name", "FN"),
            new XElement(C + "text-match", new XAttribute("collation", "i;klingon"), "x")));

        var response = await user.Dav.SendAsync(Request("REPORT", user.Book, new XDocument(query).ToString(), "1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(C + "supported-collation", XElement.Parse(await response.Content.ReadAsStringAsync()).Elements().Single().Name);
    }

    [Fact]
    public async Task A_report_the_server_does_not_know_is_refused_with_supported_report()
    {
        var user = await factory.NewDavUserAsync();

        var response = await user.Dav.SendAsync(Request("REPORT", user.Book, new XDocument(new XElement(D + "expand-property")).ToString(), "0"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(D + "supported-report", XElement.Parse(await response.Content.ReadAsStringAsync()).Elements().Single().Name);
    }

    private static XElement Query(params XElement[] propFilters) =>
        new(C + "addressbook-query", Prop, new XElement(C + "filter", propFilters));
}

internal static class XElementExtensions
{
    public static XElement Also(this XElement element, Action<XElement> change)
    {
        change(element);
        return element;
    }
}
