using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.WebApp;

/// <summary>
/// The whole service in-process, as <see cref="ContactsApiFactory"/> makes it, but on Kestrel at a
/// loopback port the OS picks: a browser can reach it over real HTTP, which the in-memory test
/// server can't offer. Settings still go through <see cref="ContactsApiFactory.Settings"/>.
/// </summary>
public class ServedContactsApi : ContactsApiFactory
{
    public ServedContactsApi() => UseKestrel(0);

    /// <summary>Where the service listens, e.g. <c>http://127.0.0.1:41234/</c>; starts it on first use.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }
}
