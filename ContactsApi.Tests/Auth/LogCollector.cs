using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactsApi.Tests.Auth;

/// <summary>Keeps every log message the service writes, for tests of what it tells its operator.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyCollection<(LogLevel Level, string Message)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Collector(_entries);

    public void Dispose() { }

    private sealed class Collector(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => entries.Enqueue((logLevel, formatter(state, exception)));
    }
}

public static class LogCollection
{
    /// <summary>The same app, with every log message also kept in <paramref name="logs"/>.</summary>
    public static WebApplicationFactory<Program> WithLogs(this WebApplicationFactory<Program> factory, LogCollector logs) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
}
