using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// The in-process test server has no TCP peer, so a test names the address a request "comes from"
/// in <see cref="Header"/>; this runs before the service's own pipeline, as a socket would.
/// </summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
        {
            if (http.Request.Headers.Remove(Header, out var peer)) http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return nextMiddleware(http);
        });
        next(app);
    };
}
