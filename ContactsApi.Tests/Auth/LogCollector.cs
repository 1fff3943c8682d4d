using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactsApi.Tests.Auth;

/// <summary>
/// Keeps every log message the service writes, for tests of what it tells its operator. Beside the
/// message, <c>Everything</c> holds the category, each structured value, scopes and the exception:
/// all a log sink could store, for tests that no secret reaches one.
/// </summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message, string Everything)> _entries = new();

    public IReadOnlyCollection<(LogLevel Level, string Message, string Everything)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _entries);

    public void Dispose() { }

    private sealed class Collector(string category, ConcurrentQueue<(LogLevel, string, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            entries.Enqueue((LogLevel.None, "", $"{category} scope {Describe(state)}"));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            entries.Enqueue((logLevel, message, $"{category} {message} {Describe(state)} {exception}"));
        }

        private static string Describe<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(" ", values.Select(v => $"{v.Key}={v.Value}")) : $"{state}";
    }
}

public static class LogCollection
{
    /// <summary>The same app, with every log message also kept in <paramref name="logs"/>.</summary>
    public static WebApplicationFactory<Program> WithLogs(this WebApplicationFactory<Program> factory, LogCollector logs) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
}
