using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using ContactsApi.Security;
using ContactsApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactsApi.Tests.Security;

/// <summary>Kestrel's bounds on connections, from <c>Kestrel:Limits</c>, held by a real process on a real socket.</summary>
public sealed class ConnectionLimitTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("contactsapi-limits-").FullName;

    [Fact]
    public async Task A_connection_past_the_configured_limit_is_closed_without_an_answer()
    {
        using var service = await ServiceProcess.StartAsync(_dataFolder, new Dictionary<string, string> { ["Kestrel:Limits:MaxConcurrentConnections"] = "3" });
        var open = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var connection = await ConnectAsync(service);
                open.Add(connection);
                Assert.StartsWith("HTTP/1.1 200 OK", await AskHealthAsync(connection));
            }

            using var extra = await ConnectAsync(service);
            await extra.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));

            Assert.Equal("", await ReadToEndAsync(extra.GetStream()));
            // The three still answer: the fourth was turned away by the limit, not by a server in trouble.
            foreach (var connection in open) Assert.StartsWith("HTTP/1.1 200 OK", await AskHealthAsync(connection));
        }
        finally
        {
            open.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task An_idle_keep_alive_connection_is_closed_after_the_configured_timeout()
    {
        using var service = await ServiceProcess.StartAsync(_dataFolder, new Dictionary<string, string> { ["Kestrel:Limits:KeepAliveTimeout"] = "00:00:02" });
        using var connection = await ConnectAsync(service);
        Assert.StartsWith("HTTP/1.1 200 OK", await AskHealthAsync(connection));
        var idle = Stopwatch.StartNew();

        var rest = await ReadToEndAsync(connection.GetStream());

        Assert.Equal("", rest);
        // Kestrel checks its timeouts once a second.
        Assert.InRange(idle.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Without_settings_the_limits_are_the_defaults_for_one_machine_and_settings_replace_them()
    {
        var defaults = LimitsWith([]);
        var configured = LimitsWith(["--Kestrel:Limits:MaxConcurrentConnections=10", "--Kestrel:Limits:KeepAliveTimeout=00:00:30",
            "--Kestrel:Limits:RequestHeadersTimeout=00:00:05", "--Kestrel:Limits:MaxConcurrentUpgradedConnections=2"]);

        Assert.Equal((5_000L, 0L, TimeSpan.FromSeconds(75), TimeSpan.FromSeconds(15)),
            (defaults.MaxConcurrentConnections, defaults.MaxConcurrentUpgradedConnections, defaults.KeepAliveTimeout, defaults.RequestHeadersTimeout));
        Assert.Equal((10L, 2L, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)),
            (configured.MaxConcurrentConnections, configured.MaxConcurrentUpgradedConnections, configured.KeepAliveTimeout, configured.RequestHeadersTimeout));
        Assert.Equal(64 * 1024, configured.MaxRequestBodySize);
    }

    /// <summary>The limits Kestrel would start with, from the service's own set-up and these command-line settings.</summary>
    private static KestrelServerLimits LimitsWith(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.ConfigureServerLimits();
        using var app = builder.Build();
        return app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
    }

    private static async Task<TcpClient> ConnectAsync(ServiceProcess service)
    {
        var client = new TcpClient();
        await client.ConnectAsync(service.Address.Host, service.Address.Port);
        return client;
    }

    private static async Task<string> AskHealthAsync(TcpClient connection)
    {
        await connection.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
        return await ServedServiceTests.ReadUntilAsync(connection.GetStream(), "\r\n0\r\n\r\n");
    }

    /// <summary>Everything the server sends until it closes the connection, within a generous deadline.</summary>
    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            for (int read; (read = await stream.ReadAsync(buffer, deadline.Token)) > 0;) text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        catch (IOException) when (!deadline.IsCancellationRequested)
        {
            // Reset rather than closed: closed all the same.
        }
        return text.ToString();
    }

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);
}
