using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactsApi.Tests.Security;

/// <summary>The floor that keeps secrets out of MVC's Trace logs must never lower the configured level.</summary>
public sealed class ActionLogLevelTests
{
    private const string ActionInvoker = "Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker";

    [Fact]
    public void The_action_invoker_keeps_the_configured_warning_level_so_requests_are_not_logged()
    {
        using var factory = new ContactsApiFactory();
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(ActionInvoker);

        Assert.True(logger.IsEnabled(LogLevel.Warning));
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.False(logger.IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public void Asking_for_trace_gets_the_action_invoker_debug_but_never_trace()
    {
        using var factory = new ContactsApiFactory();
        factory.Settings["Logging:LogLevel:Default"] = "Trace";
        factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger(ActionInvoker);

        Assert.True(logger.IsEnabled(LogLevel.Debug));
        Assert.False(logger.IsEnabled(LogLevel.Trace));
    }
}
