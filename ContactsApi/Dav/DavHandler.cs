using System.Xml;
using System.Xml.Linq;
using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Users;
using static ContactsApi.Dav.DavXml;

namespace ContactsApi.Dav;

/// <summary>
/// One request to the DAV tree: the resource its path names for the signed-in user (another user's is
/// simply not found), then the method's work.
/// </summary>
public sealed class DavHandler(AddressBook book, DavCards cards, DavReports reports, DavSync sync)
{
    public const string Allow = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT";
    /// <summary>A PROPFIND or PROPPATCH body: a list of property names.</summary>
    public const long MaxPropertyBodyBytes = 64 * 1024;
    /// <summary>A REPORT body: a multiget may name every card of a big book (vdirsyncer asks for all it lacks at once).</summary>
    public const long MaxReportBodyBytes = 8 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http, string? path)
    {
        var user = http.CurrentUser();
        if (DavPaths.Parse(path ?? "", user.Id) is not { } resource)
        {
            await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status404NotFound, "Not Found");
            return;
        }
        var method = http.Request.Method;
        if (HttpMethods.IsOptions(method))
        {
            http.Response.Headers["DAV"] = "1, 3, addressbook";
            http.Response.Headers.Allow = Allow;
            return;
        }
        if (method == "PROPFIND")
        {
            await PropfindAsync(http, user, resource);
            return;
        }
        if (method == "PROPPATCH")
        {
            await ProppatchAsync(http, resource);
            return;
        }
        if (method == "REPORT")
        {
            if (await BodyAsync(http, MaxReportBodyBytes) is { } report) await reports.ReportAsync(http, user, resource, report);
            return;
        }
        if (resource.Kind != DavKind.Card)
        {
            http.Response.Headers.Allow = "OPTIONS, PROPFIND, PROPPATCH, REPORT";
            await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            return;
        }
        var card = await book.FindAsync(user.Id, resource.CardName!, http.RequestAborted);
        if (HttpMethods.IsPut(method))
        {
            await cards.PutAsync(http, user.Id, resource.CardName!, card);
            return;
        }
        if (card is null)
        {
            await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status404NotFound, "Not Found");
            return;
        }
        if (HttpMethods.IsDelete(method)) await cards.DeleteAsync(http, user.Id, card);
        else await cards.GetAsync(http, user.Id, card);
    }

    private async Task PropfindAsync(HttpContext http, User user, DavResource resource)
    {
        var depth = http.Request.Headers["Depth"].ToString().Trim();
        if (depth.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            // A whole tree in one answer is what RFC 4918 lets a server refuse (9.1): the members one level down are enough to sync.
            await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, WebDav + "propfind-finite-depth");
            return;
        }
        // No Depth header is read as 0, as Radicale reads it: cheap, and what every client that omits it wants.
        if (depth is not ("" or "0" or "1"))
        {
            await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status400BadRequest, "Depth must be 0, 1 or infinity");
            return;
        }
        var body = await ReadAsync(http, MaxPropertyBodyBytes);
        if (body.Refusal is not null) return;
        var (requested, namesOnly, refusal) = Requested(body.Value);
        if (refusal is not null)
        {
            await ErrorHandling.WriteProblemAsync(http, refusal.Status, refusal.Message);
            return;
        }
        var ct = http.RequestAborted;
        var card = resource.Kind == DavKind.Card ? await book.FindAsync(user.Id, resource.CardName!, ct) : null;
        if (resource.Kind == DavKind.Card && card is null)
        {
            await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status404NotFound, "Not Found");
            return;
        }
        var members = depth == "1" ? await MembersAsync(user, resource, NeedsContacts(requested), ct) : [];
        // A card's length is its text's, photo and all: made only for a client that asks (cadaver's ls does).
        if (requested?.Contains(DavProperties.GetContentLength) == true)
        {
            if (card is not null) card = await WithLengthAsync(user, card, ct);
            for (var i = 0; i < members.Count; i++)
                if (members[i] is DavCard member) members[i] = await WithLengthAsync(user, member, ct);
        }
        // The book's tag is a fingerprint of its cards: read them only when it is asked for.
        var wantsCTag = Wants(requested, DavKind.Book, DavProperties.GetCTag)
                        && (resource.Kind == DavKind.Book || members.OfType<DavResource>().Any(m => m.Kind == DavKind.Book));
        var ctag = wantsCTag ? AddressBook.CTagOf(resource.Kind == DavKind.Book && depth == "1"
            ? members.OfType<DavListedCard>() : await book.ListTagsAsync(user.Id, ct)) : null;
        var hasBook = resource.Kind == DavKind.Book || members.OfType<DavResource>().Any(m => m.Kind == DavKind.Book);
        var syncToken = hasBook && requested?.Contains(DavProperties.SyncToken) == true ? await sync.CurrentTokenAsync(user.Id, ct) : null;

        await using var multistatus = await Multistatus.StartAsync(http.Response);
        await multistatus.WriteAsync(Response(user, resource, card, ctag, syncToken, requested, namesOnly));
        foreach (var member in members)
            await multistatus.WriteAsync(member is DavListedCard memberCard
                ? Response(user, new DavResource(DavKind.Card, user.Id, memberCard.Name), memberCard, null, null, requested, namesOnly)
                : Response(user, (DavResource)member, null, ctag, syncToken, requested, namesOnly));
    }

    /// <summary>
    /// The members one level down: the home's address book, the book's cards. The cards are their names and stored
    /// tags, what a sync's listing asks for, unless <paramref name="withContacts"/>.
    /// </summary>
    private async Task<List<object>> MembersAsync(User user, DavResource resource, bool withContacts, CancellationToken ct) => resource.Kind switch
    {
        DavKind.Home => [new DavResource(DavKind.Book, user.Id)],
        DavKind.Book when withContacts => [.. await book.ListAsync(user.Id, ct)],
        DavKind.Book => [.. await book.ListTagsAsync(user.Id, ct)],
        _ => [],
    };

    /// <summary>Whether a card's answer needs its contact: its length (its text) or its time, properties no listing of a sync asks for.</summary>
    private static bool NeedsContacts(IReadOnlyList<XName>? requested) =>
        requested is not null && (requested.Contains(DavProperties.GetContentLength) || requested.Contains(DavProperties.GetLastModified));

    private async Task<DavCard> WithLengthAsync(User user, DavCard card, CancellationToken ct) =>
        card with { Length = System.Text.Encoding.UTF8.GetByteCount(await cards.TextAsync(user.Id, card.Contact, Vcards.VcardVersion.V3, ct)) };

    private static Action<XmlWriter> Response(User user, DavResource resource, DavListedCard? card, string? ctag, string? syncToken,
        IReadOnlyList<XName>? requested, bool namesOnly) =>
        writer => DavProperties.WriteResponse(writer, DavPaths.Href(resource), requested ?? DavProperties.AllProp(resource.Kind),
            name => DavProperties.Value(name, resource, user, card, ctag, syncToken), namesOnly);

    private static bool Wants(IReadOnlyList<XName>? requested, DavKind kind, XName name) =>
        (requested ?? DavProperties.AllProp(kind)).Contains(name);

    /// <summary>The properties a PROPFIND body asks for: null for all (<c>allprop</c>, or no body), or the names alone (<c>propname</c>).</summary>
    private static (IReadOnlyList<XName>? Requested, bool NamesOnly, Refusal? Refusal) Requested(XElement? body)
    {
        if (body is null) return (null, false, null);
        if (body.Name != WebDav + "propfind") return (null, false, Refusal.BadRequest("The body must be a DAV:propfind"));
        if (body.Element(WebDav + "prop") is { } prop) return (prop.Elements().Select(e => e.Name).ToList(), false, null);
        if (body.Element(WebDav + "propname") is not null) return (PropNames, true, null);
        if (body.Element(WebDav + "allprop") is not null) return (null, false, null);
        return (null, false, Refusal.BadRequest("The propfind must hold prop, propname or allprop"));
    }

    private static readonly IReadOnlyList<XName> PropNames =
    [
        DavProperties.ResourceType, DavProperties.DisplayName, DavProperties.GetETag, DavProperties.GetContentType,
        DavProperties.CurrentUserPrincipal, DavProperties.CurrentUserPrivilegeSet, DavProperties.PrincipalUrl, DavProperties.Owner,
        DavProperties.AddressbookHomeSet, DavProperties.GetCTag, DavProperties.SyncToken, DavProperties.SupportedAddressData, DavProperties.MaxResourceSize,
        DavProperties.SupportedReportSet, DavProperties.AddressbookDescription,
    ];

    /// <summary>Every property a client sets is refused (403): the names and the one book are the service's own.</summary>
    private static async Task ProppatchAsync(HttpContext http, DavResource resource)
    {
        if (await BodyAsync(http, MaxPropertyBodyBytes) is not { } body) return;
        if (body.Name != WebDav + "propertyupdate")
        {
            await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status400BadRequest, "The body must be a DAV:propertyupdate");
            return;
        }
        var names = body.Elements().Where(e => e.Name == WebDav + "set" || e.Name == WebDav + "remove")
            .SelectMany(e => e.Elements(WebDav + "prop").Elements()).Select(e => new XElement(e.Name)).ToList();
        await using var multistatus = await Multistatus.StartAsync(http.Response);
        await multistatus.WriteAsync(new XElement(WebDav + "response", Href(DavPaths.Href(resource)),
            DavProperties.PropStat(names, StatusCodes.Status403Forbidden)));
    }

    /// <summary>The body's root, or null once the refusal (no body, malformed, too large) is written.</summary>
    private static async Task<XElement?> BodyAsync(HttpContext http, long maxBytes)
    {
        var (root, refusal) = await ReadAsync(http, maxBytes);
        if (refusal is not null) return null;
        if (root is null) await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status400BadRequest, "Request body is required");
        return root;
    }

    private static async Task<Outcome<XElement?>> ReadAsync(HttpContext http, long maxBytes)
    {
        var outcome = await DavXml.ReadAsync(http.Request, maxBytes);
        if (outcome.Refusal is { } refusal) await ErrorHandling.WriteProblemAsync(http, refusal.Status, refusal.Message);
        return outcome;
    }
}
