using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace ContactsApi.Common;

/// <summary>
/// <c>HEAD</c> answered as <c>GET</c> without the body (RFC 9110, 9.3.2), on every path that answers
/// GET, by what answers GET: the request goes through as a GET, so it matches the same endpoint, runs
/// the same checks and gets the same status and headers, Content-Type and Content-Length included;
/// what it writes goes nowhere. The routes stay GET-only, so the OpenAPI document lists no HEAD
/// operations. Any other method is untouched; a HEAD where GET is not allowed is a 405, as before.
/// </summary>
public static class HeadRequests
{
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsHead(http.Request.Method))
            {
                await next(http);
                return;
            }
            var server = http.Features.Get<IHttpResponseBodyFeature>()!;
            http.Request.Method = HttpMethods.Get;
            http.Features.Set<IHttpResponseBodyFeature>(new DiscardedBody(server));
            try
            {
                await next(http);
            }
            finally
            {
                // The server, the logs and the headers' policy see the HEAD the client sent.
                http.Features.Set(server);
                http.Request.Method = HttpMethods.Head;
            }
        });
        return app;
    }

    /// <summary>
    /// A response body that keeps nothing, but starts the response whenever GET's would start (its first
    /// write or flush), so everything that asks whether the response has started hears what it would for GET.
    /// </summary>
    private sealed class DiscardedBody(IHttpResponseBodyFeature server) : Stream, IHttpResponseBodyFeature
    {
        private PipeWriter? _writer;

        Stream IHttpResponseBodyFeature.Stream => this;
        public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));
        public void DisableBuffering() => server.DisableBuffering();
        public Task StartAsync(CancellationToken cancellationToken = default) => server.StartAsync(cancellationToken);
        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            server.StartAsync(cancellationToken);

        public async Task CompleteAsync()
        {
            if (_writer is not null) await _writer.CompleteAsync();
            await server.CompleteAsync();
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => server.StartAsync(cancellationToken);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(server.StartAsync(cancellationToken));
        // Synchronous writes block as they would on the server's own body (where they are allowed at all).
        public override void Flush() => server.StartAsync().GetAwaiter().GetResult();
        public override void Write(byte[] buffer, int offset, int count) => Flush();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
