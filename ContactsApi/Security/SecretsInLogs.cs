namespace ContactsApi.Security;

public static class SecretsInLogs
{
    /// <summary>
    /// MVC logs every action's arguments and result at Trace: a login's password, a token in its
    /// response. That one category never goes below Debug, whatever the configuration asks, so
    /// turning on Trace to chase a problem can't write secrets to the logs.
    /// </summary>
    public static ILoggingBuilder KeepSecretsOutOfLogs(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker", level => level >= LogLevel.Debug);
}
