using System.Xml;
using System.Xml.Linq;
using ContactsApi.Users;
using static ContactsApi.Dav.DavXml;

namespace ContactsApi.Dav;

/// <summary>
/// The properties the DAV tree's resources have: what iOS, macOS, DAVx5 and vdirsyncer ask for in
/// discovery and sync (RFC 4918, RFC 5397, RFC 3744's privileges, RFC 6352, the calendarserver.org
/// <c>getctag</c>). A property a resource lacks is answered 404 in its own propstat.
/// </summary>
public static class DavProperties
{
    public static readonly XName ResourceType = WebDav + "resourcetype";
    public static readonly XName DisplayName = WebDav + "displayname";
    public static readonly XName GetETag = WebDav + "getetag";
    public static readonly XName GetContentType = WebDav + "getcontenttype";
    public static readonly XName GetLastModified = WebDav + "getlastmodified";
    public static readonly XName GetContentLength = WebDav + "getcontentlength";
    public static readonly XName CurrentUserPrincipal = WebDav + "current-user-principal";
    public static readonly XName PrincipalUrl = WebDav + "principal-URL";
    public static readonly XName Owner = WebDav + "owner";
    public static readonly XName CurrentUserPrivilegeSet = WebDav + "current-user-privilege-set";
    public static readonly XName SupportedReportSet = WebDav + "supported-report-set";
    public static readonly XName SyncToken = WebDav + "sync-token";
    public static readonly XName GetCTag = CalendarServer + "getctag";
    public static readonly XName AddressbookHomeSet = CardDav + "addressbook-home-set";
    public static readonly XName AddressbookDescription = CardDav + "addressbook-description";
    public static readonly XName SupportedAddressData = CardDav + "supported-address-data";
    public static readonly XName MaxResourceSize = CardDav + "max-resource-size";
    public static readonly XName AddressData = CardDav + "address-data";

    /// <summary>What <c>allprop</c> answers (RFC 4918, 9.1): the live properties that cost nothing more to send.</summary>
    public static IReadOnlyList<XName> AllProp(DavKind kind) => kind switch
    {
        DavKind.Card => [ResourceType, GetETag, GetContentType],
        DavKind.Book => [ResourceType, DisplayName, GetCTag, CurrentUserPrincipal],
        _ => [ResourceType, DisplayName, CurrentUserPrincipal],
    };

    /// <summary>What the resource holds for the property, or null when it has no such property.</summary>
    public static XElement? Value(XName name, DavResource resource, User user, DavListedCard? card, string? ctag, string? syncToken = null)
    {
        var kind = resource.Kind;
        var isCollection = kind != DavKind.Card;
        if (name == ResourceType)
            return new XElement(name,
                isCollection ? new XElement(WebDav + "collection") : null,
                kind == DavKind.Principal ? new XElement(WebDav + "principal") : null,
                kind == DavKind.Book ? new XElement(CardDav + "addressbook") : null);
        if (name == CurrentUserPrincipal) return new XElement(name, Href(DavPaths.Principal(user.Id)));
        if (name == CurrentUserPrivilegeSet) return new XElement(name, Privileges(kind));
        if (name == DisplayName)
            return kind switch
            {
                DavKind.Principal => new XElement(name, user.Name.Length > 0 ? user.Name : user.Email),
                DavKind.Book => new XElement(name, "Contacts"),
                DavKind.Home => new XElement(name, "Address books"),
                _ => null,
            };
        if (kind is DavKind.Principal)
        {
            if (name == PrincipalUrl) return new XElement(name, Href(DavPaths.Principal(user.Id)));
            if (name == AddressbookHomeSet) return new XElement(name, Href(DavPaths.Home(user.Id)));
        }
        if (kind is DavKind.Home or DavKind.Book or DavKind.Card && name == Owner) return new XElement(name, Href(DavPaths.Principal(user.Id)));
        if (kind is DavKind.Book)
        {
            if (name == GetCTag && ctag is not null) return new XElement(name, ctag);
            if (name == SyncToken && syncToken is not null) return new XElement(name, syncToken);
            if (name == AddressbookDescription) return new XElement(name, "The contacts of " + user.Email);
            if (name == SupportedAddressData)
                return new XElement(name,
                    new XElement(CardDav + "address-data-type", new XAttribute("content-type", "text/vcard"), new XAttribute("version", "3.0")),
                    new XElement(CardDav + "address-data-type", new XAttribute("content-type", "text/vcard"), new XAttribute("version", "4.0")));
            if (name == MaxResourceSize) return new XElement(name, DavCards.MaxCardBytes);
            if (name == SupportedReportSet)
                return new XElement(name, DavReports.Supported.Select(report =>
                    new XElement(WebDav + "supported-report", new XElement(WebDav + "report", new XElement(report)))));
        }
        if (card is not null)
        {
            if (name == GetETag) return new XElement(name, card.ETag);
            if (name == GetContentType) return new XElement(name, DavCards.MediaType);
            if (name == GetContentLength && card.Length is { } length) return new XElement(name, length);
            if (name == GetLastModified && card is DavCard { Contact: var contact })
                return new XElement(name, contact.UpdatedAt.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
        return null;
    }

    private static IEnumerable<XElement> Privileges(DavKind kind)
    {
        XName[] granted = kind switch
        {
            DavKind.Book => [WebDav + "read", WebDav + "write-content", WebDav + "bind", WebDav + "unbind", WebDav + "read-current-user-privilege-set"],
            DavKind.Card => [WebDav + "read", WebDav + "write-content", WebDav + "read-current-user-privilege-set"],
            _ => [WebDav + "read", WebDav + "read-current-user-privilege-set"],
        };
        return granted.Select(p => new XElement(WebDav + "privilege", new XElement(p)));
    }

    /// <summary>
    /// One resource's <c>response</c>: the properties it has in a 200 propstat, those it lacks in a 404 one. Written
    /// straight to the body's writer, with no tree of it built: a listing writes one for each of thousands of cards.
    /// </summary>
    public static void WriteResponse(XmlWriter writer, string href, IEnumerable<XName> requested, Func<XName, XElement?> value, bool namesOnly = false)
    {
        var found = new List<XElement>();
        var missing = new List<XElement>();
        foreach (var name in requested.Distinct())
            if (value(name) is { } element) found.Add(namesOnly ? new XElement(name) : element);
            else missing.Add(new XElement(name));
        writer.WriteStartElement("response", WebDav.NamespaceName);
        writer.WriteElementString("href", WebDav.NamespaceName, href);
        if (found.Count > 0 || missing.Count == 0) WritePropStat(writer, found, StatusCodes.Status200OK);
        if (missing.Count > 0) WritePropStat(writer, missing, StatusCodes.Status404NotFound);
        writer.WriteEndElement();
    }

    private static void WritePropStat(XmlWriter writer, List<XElement> properties, int status)
    {
        writer.WriteStartElement("propstat", WebDav.NamespaceName);
        writer.WriteStartElement("prop", WebDav.NamespaceName);
        foreach (var property in properties) property.WriteTo(writer);
        writer.WriteEndElement();
        writer.WriteElementString("status", WebDav.NamespaceName, Status(status));
        writer.WriteEndElement();
    }

    /// <summary>A <c>response</c> that is only a status: a member that isn't there, a result cut short.</summary>
    public static XElement StatusResponse(string href, int status) =>
        new(WebDav + "response", Href(href), new XElement(WebDav + "status", Status(status)));

    public static XElement PropStat(IEnumerable<XElement> properties, int status) =>
        new(WebDav + "propstat", new XElement(WebDav + "prop", properties), new XElement(WebDav + "status", Status(status)));
}
