using System.Xml;
using System.Xml.Linq;
using static ContactsApi.Dav.DavXml;

namespace ContactsApi.Dav;

/// <summary>
/// A 207 multistatus body written as it is made, one <c>response</c> at a time, so a listing of a whole
/// address book is never held as one document.
/// </summary>
public sealed class Multistatus : IAsyncDisposable
{
    private readonly XmlWriter _writer;
    private readonly CancellationToken _aborted;

    private Multistatus(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status207MultiStatus;
        response.ContentType = MediaType;
        _writer = Writer(response.Body);
        _aborted = response.HttpContext.RequestAborted;
    }

    public static async Task<Multistatus> StartAsync(HttpResponse response)
    {
        var multistatus = new Multistatus(response);
        await multistatus._writer.WriteStartDocumentAsync();
        multistatus._writer.WriteStartElement("d", "multistatus", WebDav.NamespaceName);
        foreach (var prefix in Namespaces) multistatus._writer.WriteAttributeString("xmlns", prefix.Name.LocalName, null, prefix.Value);
        return multistatus;
    }

    public Task WriteAsync(XElement response) => response.WriteToAsync(_writer, _aborted);

    /// <summary>An element after the responses (<c>sync-token</c>).</summary>
    public Task WriteAfterAsync(XElement element) => element.WriteToAsync(_writer, _aborted);

    public async ValueTask DisposeAsync()
    {
        await _writer.WriteEndElementAsync();
        await _writer.WriteEndDocumentAsync();
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
