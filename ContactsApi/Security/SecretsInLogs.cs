using Microsoft.Extensions.Options;

namespace ContactsApi.Security;

public static class SecretsInLogs
{
    private const string ActionInvoker = "Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker";

    /// <summary>
    /// MVC logs every action's arguments and result at Trace: a login's password, a token in its
    /// response. That one category never goes below Debug, whatever the configuration asks, so
    /// turning on Trace to chase a problem can't write secrets to the logs.
    /// </summary>
    public static ILoggingBuilder KeepSecretsOutOfLogs(this ILoggingBuilder logging)
    {
        logging.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, DebugFloor>();
        return logging;
    }

    /// <summary>
    /// Raises the category's level to Debug where the configuration would let it go lower, and keeps
    /// the configured level otherwise: a fixed rule would replace "Microsoft.AspNetCore: Warning" for
    /// this category and log every request at Debug (it doubled a request's CPU under load).
    /// </summary>
    private sealed class DebugFloor : IPostConfigureOptions<LoggerFilterOptions>
    {
        public void PostConfigure(string? name, LoggerFilterOptions options)
        {
            // One floor for rules of every provider, since a provider's own rule wins over the general one.
            foreach (var provider in options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList())
            {
                var configured = options.Rules
                    .Where(r => r.ProviderName == provider || r.ProviderName is null)
                    .Where(r => r.Filter is null && (r.CategoryName is null || ActionInvoker.StartsWith(r.CategoryName, StringComparison.OrdinalIgnoreCase)))
                    .OrderByDescending(r => r.ProviderName is not null).ThenByDescending(r => r.CategoryName?.Length ?? 0)
                    .FirstOrDefault()?.LogLevel ?? options.MinLevel;
                options.Rules.Add(new LoggerFilterRule(provider, ActionInvoker, configured > LogLevel.Debug ? configured : LogLevel.Debug, null));
            }
        }
    }
}
