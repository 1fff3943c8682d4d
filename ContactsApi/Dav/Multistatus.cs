using System.Xml;
using System.Xml.Linq;
using static ContactsApi.Dav.DavXml;

namespace ContactsApi.Dav;

/// <summary>
/// A 207 multistatus body written as it is made, so a listing of a whole address book is never held as one
/// document: each <c>response</c> is written by a synchronous writer into a buffer (tens of thousands of small
/// async writes would cost more than the listing), and the buffer goes out whenever it fills.
/// </summary>
public sealed class Multistatus : IAsyncDisposable
{
    private const int FlushAt = 64 * 1024;
    private readonly MemoryStream _buffer = new();
    private readonly XmlWriter _writer;
    private readonly HttpResponse _response;

    private Multistatus(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status207MultiStatus;
        response.ContentType = MediaType;
        _response = response;
        _writer = BufferWriter(_buffer);
        _writer.WriteStartDocument();
        _writer.WriteStartElement("d", "multistatus", WebDav.NamespaceName);
        foreach (var prefix in Namespaces) _writer.WriteAttributeString("xmlns", prefix.Name.LocalName, null, prefix.Value);
    }

    public static Task<Multistatus> StartAsync(HttpResponse response) => Task.FromResult(new Multistatus(response));

    public Task WriteAsync(XElement element) => WriteAsync(element.WriteTo);

    /// <summary>A <c>response</c> written by <paramref name="write"/> straight to the body's writer (<see cref="DavProperties.WriteResponse"/>).</summary>
    public async Task WriteAsync(Action<XmlWriter> write)
    {
        write(_writer);
        _writer.Flush();
        if (_buffer.Length >= FlushAt) await SendAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _writer.WriteEndElement();
        _writer.WriteEndDocument();
        _writer.Flush();
        await SendAsync();
        _writer.Dispose();
    }

    private async Task SendAsync()
    {
        await _response.Body.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), _response.HttpContext.RequestAborted);
        _buffer.SetLength(0);
    }
}
