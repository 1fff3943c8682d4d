using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactsApi.Common;

/// <summary>
/// Singletons whose construction is the service's start-up work: the store's creation and migration,
/// the signing key, libvips' set-up. The host builds them all as it starts, before it takes a
/// request, so a bad setting stops the start with its message and no request pays for the work.
/// </summary>
public static class StartupWork
{
    public static IServiceCollection BuildAtStart<TService>(this IServiceCollection services) where TService : notnull
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Builder>());
        services.Configure<ToBuild>(build => build.Services.Add(typeof(TService)));
        return services;
    }

    private sealed class ToBuild
    {
        public List<Type> Services { get; } = [];
    }

    private sealed class Builder(IServiceProvider provider, IOptions<ToBuild> build) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var service in build.Value.Services) provider.GetRequiredService(service);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
