using System.Xml;
using System.Xml.Linq;
using ContactsApi.Contacts;
using ContactsApi.History;
using ContactsApi.Users;
using ContactsApi.Vcards;
using static ContactsApi.Dav.DavXml;

namespace ContactsApi.Dav;

/// <summary>
/// <c>sync-collection</c> (RFC 6578) and the book's <c>sync-token</c>, over the change feed of the REST API's
/// <c>GET /api/contacts/changes</c> (<see cref="IContactHistory.ChangesAsync"/>) and its signed tokens
/// (<see cref="SyncTokens"/>): a client that holds a token gets the cards changed and deleted since, nothing
/// more. A token is a URI, as RFC 6578 wants: the feed's token behind a prefix of this service's own.
/// </summary>
public sealed class DavSync(IContactHistory history, SyncTokens tokens, AddressBook book, IContactRepository contacts)
{
    public static readonly XName SyncCollection = WebDav + "sync-collection";
    public const string TokenPrefix = "urn:x-contactsapi:sync:";
    private const int PageSize = 1000;
    /// <summary>Past this many changes, one read of the whole book names them for less than a read each.</summary>
    private const int NameEachUpTo = 50;

    /// <summary>The book's token now: where the next sync-collection starts.</summary>
    public async Task<string> CurrentTokenAsync(string owner, CancellationToken ct)
    {
        var position = 0L;
        for (var more = true; more;)
        {
            var page = await history.ChangesAsync(owner, position, PageSize, ct);
            (position, more) = (page.Last, page.More);
        }
        return TokenPrefix + tokens.Issue(owner, position);
    }

    public async Task ReportAsync(HttpContext http, User user, XElement report, Func<User, DavCard, IReadOnlyList<XName>, VcardVersion, Task<Action<XmlWriter>>> response)
    {
        var ct = http.RequestAborted;
        var given = report.Element(WebDav + "sync-token")?.Value.Trim() ?? "";
        var since = 0L;
        if (given.Length > 0)
        {
            // A token of another service, of another user, forged or past the retention: the client syncs again from the start.
            if (!given.StartsWith(TokenPrefix, StringComparison.Ordinal) || tokens.Read(user.Id, given[TokenPrefix.Length..]) is not (var position, null))
            {
                await WriteErrorAsync(http.Response, StatusCodes.Status403Forbidden, WebDav + "valid-sync-token");
                return;
            }
            since = position;
        }
        if ((string?)report.Element(WebDav + "sync-level") is { } level && level.Trim() is not ("1" or "infinite"))
        {
            await Common.ErrorHandling.WriteProblemAsync(http, StatusCodes.Status400BadRequest, "sync-level must be 1");
            return;
        }
        var (properties, version) = DavReports.Asked(report);

        var changed = new List<Contact>();
        var deleted = new List<string>();
        for (var more = true; more;)
        {
            var page = await history.ChangesAsync(user.Id, since, PageSize, ct);
            changed.AddRange(page.Changed);
            deleted.AddRange(page.Deleted);
            (since, more) = (page.Last, page.More);
        }
        var names = changed.Count > NameEachUpTo
            ? (await book.ListTagsAsync(user.Id, ct)).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal)
            : null;

        await using var multistatus = await Multistatus.StartAsync(http.Response);
        foreach (var contact in changed)
        {
            var name = names?.GetValueOrDefault(contact.Id) ?? await NameOfAsync(user.Id, contact, ct);
            await multistatus.WriteAsync(await response(user, new DavCard(name, contact), properties, version));
        }
        foreach (var id in deleted)
            await multistatus.WriteAsync(DavProperties.StatusResponse(DavPaths.Card(user.Id, await DeletedNameAsync(user.Id, id, ct)),
                StatusCodes.Status404NotFound));
        await multistatus.WriteAsync(new XElement(WebDav + "sync-token", TokenPrefix + tokens.Issue(user.Id, since)));
    }

    /// <summary>The card's name, as the book's listing gives it (<see cref="AddressBook"/>).</summary>
    private async Task<string> NameOfAsync(string owner, Contact contact, CancellationToken ct) =>
        contact.Uid is { } uid && AddressBook.Usable(uid) && (await contacts.FindByUidAsync(owner, uid, ct)).FirstOrDefault()?.Contact.Id == contact.Id
            ? AddressBook.NameFor(uid)
            : AddressBook.NameFor(contact.Id);

    /// <summary>The name a deleted card had: its UID's, read from its last version in the trash, else its id's.</summary>
    private async Task<string> DeletedNameAsync(string owner, string id, CancellationToken ct) =>
        (await history.VersionsAsync(owner, id, ct))?.FirstOrDefault()?.Contact.Uid is { } uid && AddressBook.Usable(uid)
            ? AddressBook.NameFor(uid)
            : AddressBook.NameFor(id);
}
