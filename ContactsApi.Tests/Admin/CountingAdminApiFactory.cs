using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ContactsApi.Contacts;
using ContactsApi.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace ContactsApi.Tests.Admin;

/// <summary>
/// The service whose user and contact repositories count their calls: the real SQLite repositories
/// do all the work, the proxies in front of them only count, so a test can show how many store
/// queries a request made.
/// </summary>
public sealed class CountingAdminApiFactory : AdminApiFactory
{
    public CallCounter UserCalls { get; } = new();
    public CallCounter ContactCalls { get; } = new();
    /// <summary>Contacts the contact repository's streams have handed out so far, by method name.</summary>
    public CallCounter StreamedContacts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.DecorateWithCounter<IUserRepository>(UserCalls);
            services.DecorateWithCounter<IContactRepository>(ContactCalls, StreamedContacts);
        });
    }
}

public sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public void Add(string method) => _calls.AddOrUpdate(method, 1, (_, n) => n + 1);

    /// <summary>A copy of the counts so far, by method name.</summary>
    public Dictionary<string, int> Snapshot() => new(_calls);

    /// <summary>The calls made since <paramref name="before"/>, by method name.</summary>
    public Dictionary<string, int> Since(Dictionary<string, int> before) =>
        _calls.Select(p => (p.Key, Count: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0).ToDictionary(p => p.Key, p => p.Count);
}

public class CountingProxy<T> : DispatchProxy where T : class
{
    private T _inner = null!;
    private CallCounter _counter = null!;
    private CallCounter? _streamed;

    /// <param name="streamed">If given, counts each contact a returned stream hands out, as it does.</param>
    public static T Wrap(T inner, CallCounter counter, CallCounter? streamed = null)
    {
        var proxy = Create<T, CountingProxy<T>>();
        var counting = (CountingProxy<T>)(object)proxy;
        counting._inner = inner;
        counting._counter = counter;
        counting._streamed = streamed;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        _counter.Add(method!.Name);
        try
        {
            var result = method.Invoke(_inner, args);
            return _streamed is not null && result is IAsyncEnumerable<Contact> stream ? Counted(stream, method.Name, _streamed) : result;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static async IAsyncEnumerable<Contact> Counted(IAsyncEnumerable<Contact> stream, string method, CallCounter streamed,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var contact in stream.WithCancellation(ct))
        {
            streamed.Add(method);
            yield return contact;
        }
    }
}

internal static class CountingServiceCollectionExtensions
{
    /// <summary>Puts a counting proxy in front of the registered implementation of <typeparamref name="T"/>.</summary>
    public static void DecorateWithCounter<T>(this IServiceCollection services, CallCounter counter, CallCounter? streamed = null) where T : class
    {
        var registered = services.Single(d => d.ServiceType == typeof(T));
        services.Remove(registered);
        services.AddSingleton(sp => CountingProxy<T>.Wrap(
            (T)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), counter, streamed));
    }
}
