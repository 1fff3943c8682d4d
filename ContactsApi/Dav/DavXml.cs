using System.Text;
using System.Xml;
using System.Xml.Linq;
using ContactsApi.Common;

namespace ContactsApi.Dav;

/// <summary>
/// WebDAV's XML, read and written only through the framework's XML classes: a name with <c>&lt;</c> or
/// <c>&amp;</c> is escaped by the writer, never pasted into markup. Reading prohibits DTDs, so neither an
/// external entity (a file of the server's, a URL) nor an entity expansion (billion laughs) is ever
/// resolved: a body that declares one is refused as malformed before any of it is expanded.
/// </summary>
public static class DavXml
{
    public static readonly XNamespace WebDav = "DAV:";
    public static readonly XNamespace CardDav = "urn:ietf:params:xml:ns:carddav";
    public static readonly XNamespace CalendarServer = "http://calendarserver.org/ns/";
    public const string MediaType = "application/xml; charset=utf-8";
    public const string Malformed = "The body is not well-formed XML";

    private static readonly XmlReaderSettings Reading = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        Async = true,
    };

    private static readonly XmlWriterSettings Writing = new() { Async = true, Encoding = new UTF8Encoding(false) };
    private static readonly XmlWriterSettings Buffering = new() { Encoding = new UTF8Encoding(false) };

    /// <summary>
    /// The body's root element, null for an empty body, or the refusal: 400 for XML that isn't well-formed
    /// (or declares a DTD), 413 past <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<Outcome<XElement?>> ReadAsync(HttpRequest request, long maxBytes)
    {
        var (body, refusal) = await DavBodies.ReadAsync(request, maxBytes);
        if (refusal is not null) return refusal;
        if (body!.Length == 0) return (XElement?)null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), Reading);
            var document = await XDocument.LoadAsync(reader, LoadOptions.None, request.HttpContext.RequestAborted);
            return document.Root;
        }
        catch (XmlException)
        {
            return Refusal.BadRequest(Malformed);
        }
    }

    /// <summary>A WebDAV error body (RFC 4918, 16) naming the precondition that failed.</summary>
    public static async Task WriteErrorAsync(HttpResponse response, int status, XName precondition)
    {
        response.StatusCode = status;
        response.ContentType = MediaType;
        await using var writer = XmlWriter.Create(response.Body, Writing);
        await new XDocument(new XElement(WebDav + "error", Namespaces, new XElement(precondition))).SaveAsync(writer, response.HttpContext.RequestAborted);
    }

    /// <summary>The prefixes every body declares once at its root, so that responses stay short.</summary>
    public static IEnumerable<XAttribute> Namespaces =>
    [
        new(XNamespace.Xmlns + "d", WebDav.NamespaceName),
        new(XNamespace.Xmlns + "card", CardDav.NamespaceName),
        new(XNamespace.Xmlns + "cs", CalendarServer.NamespaceName),
    ];

    /// <summary>A synchronous writer, for a buffer in memory.</summary>
    public static XmlWriter BufferWriter(Stream buffer) => XmlWriter.Create(buffer, Buffering);

    public static XElement Href(string href) => new(WebDav + "href", href);

    public static string Status(int status) => $"HTTP/1.1 {status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}";
}
