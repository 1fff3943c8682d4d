using System.Xml;
using System.Xml.Linq;
using ContactsApi.Users;
using ContactsApi.Vcards;
using static ContactsApi.Dav.DavXml;

namespace ContactsApi.Dav;

/// <summary>
/// The REPORTs of the address book (RFC 6352, 8.6 and 8.7): <c>addressbook-multiget</c>, the cards a client
/// names, <c>addressbook-query</c>, the cards a filter matches, and <c>sync-collection</c> (<see cref="DavSync"/>); each answered as a 207 multistatus with the
/// properties asked for, <c>address-data</c> among them.
/// </summary>
public sealed class DavReports(AddressBook book, DavCards cards, DavSync sync)
{
    public static readonly XName Multiget = CardDav + "addressbook-multiget";
    public static readonly XName Query = CardDav + "addressbook-query";
    public static readonly IReadOnlyList<XName> Supported = [Multiget, Query, DavSync.SyncCollection];

    /// <summary>Past this many hrefs, one read of the whole book costs less than a read each.</summary>
    private const int ReadEachUpTo = 50;

    public async Task ReportAsync(HttpContext http, User user, DavResource resource, XElement report)
    {
        if (!Supported.Contains(report.Name))
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, WebDav + "supported-report");
            return;
        }
        if (resource.Kind != DavKind.Book)
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, WebDav + "supported-report");
            return;
        }
        if (report.Name == Multiget) await MultigetAsync(http, user, report);
        else if (report.Name == Query) await QueryAsync(http, user, report);
        else await sync.ReportAsync(http, user, report, (u, card, properties, version) => ResponseAsync(u, card, properties, version, http.RequestAborted));
    }

    private async Task MultigetAsync(HttpContext http, User user, XElement report)
    {
        var ct = http.RequestAborted;
        var hrefs = report.Elements(WebDav + "href").Select(h => h.Value).ToList();
        Dictionary<string, DavCard>? all = null;
        if (hrefs.Count > ReadEachUpTo) all = (await book.ListAsync(user.Id, ct)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var (properties, version) = Asked(report);
        await using var multistatus = await Multistatus.StartAsync(http.Response);
        foreach (var href in hrefs.Distinct())
        {
            var named = DavPaths.ParseHref(href, user.Id);
            DavCard? card = null;
            if (named is { Kind: DavKind.Card, CardName: { } name })
                card = all is not null
                    ? all.GetValueOrDefault(AddressBook.NameFor(AddressBook.StemOf(name)))
                    : await book.FindAsync(user.Id, name, ct);
            if (card is null) await multistatus.WriteAsync(DavProperties.StatusResponse(href, StatusCodes.Status404NotFound));
            else await multistatus.WriteAsync(await ResponseAsync(user, card, properties, version, ct));
        }
    }

    private async Task QueryAsync(HttpContext http, User user, XElement report)
    {
        var ct = http.RequestAborted;
        var (filter, unsupported) = AddressbookFilter.From(report.Element(CardDav + "filter"));
        if (unsupported is not null)
        {
            await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, unsupported);
            return;
        }
        var limit = int.TryParse(report.Element(CardDav + "limit")?.Element(CardDav + "nresults")?.Value, out var n) && n >= 0 ? n : int.MaxValue;
        var (properties, version) = Asked(report);
        var matches = (await book.ListAsync(user.Id, ct)).Where(c => filter!.Matches(c.Contact)).ToList();
        await using var multistatus = await Multistatus.StartAsync(http.Response);
        foreach (var card in matches.Take(limit)) await multistatus.WriteAsync(await ResponseAsync(user, card, properties, version, ct));
        // A result cut short by the client's limit says so (RFC 6352, 8.6.1).
        if (matches.Count > limit)
            await multistatus.WriteAsync(DavProperties.StatusResponse(DavPaths.Book(user.Id), StatusCodes.Status507InsufficientStorage));
    }

    /// <summary>The properties the report asks for (<c>getetag</c> and <c>address-data</c> without a <c>prop</c>) and the vCard version of its address data.</summary>
    public static (IReadOnlyList<XName> Properties, VcardVersion Version) Asked(XElement report)
    {
        var prop = report.Element(WebDav + "prop");
        var names = prop?.Elements().Select(e => e.Name).ToList() ?? [DavProperties.GetETag, DavProperties.AddressData];
        var version = (string?)prop?.Element(DavProperties.AddressData)?.Attribute("version") == "4.0" ? VcardVersion.V4 : VcardVersion.V3;
        return (names, version);
    }

    private async Task<Action<XmlWriter>> ResponseAsync(User user, DavCard card, IReadOnlyList<XName> properties, VcardVersion version,
        CancellationToken ct)
    {
        var text = properties.Contains(DavProperties.AddressData) ? await cards.TextAsync(user.Id, card.Contact, version, ct) : null;
        var resource = new DavResource(DavKind.Card, user.Id, card.Name);
        return writer => DavProperties.WriteResponse(writer, DavPaths.Card(user.Id, card.Name), properties, name =>
            name == DavProperties.AddressData ? new XElement(name, text) : DavProperties.Value(name, resource, user, card, null));
    }
}
