using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// The service on a clock that stands still until a test moves it, so "updatedAt changes", a lockout
/// ending or a rate-limit window passing are proven without sleeping. Only forward: tokens are issued
/// and validated on the same clock.
/// </summary>
public class ClockedContactsApiFactory : ContactsApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
