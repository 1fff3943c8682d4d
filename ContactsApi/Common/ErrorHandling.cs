using System.Data.Common;
using ContactsApi.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ContactsApi.Common;

/// <summary>
/// Every error response leaves through <see cref="WriteProblemAsync"/>: an RFC 9457 problem,
/// <c>application/problem+json</c>, carrying the contract's <c>message</c>, whatever produced it
/// (a <see cref="Refusal"/>, authentication, the rate limiter, the framework's own 404 and 405). The
/// exception handler is only for the unforeseen: a store that can't be reached is 503, anything else
/// a plain 500 whose body names no exception, type or query.
/// </summary>
public static class ErrorHandling
{
    public const string StoreUnavailable = "The store is unavailable; try again later";

    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        // The framework's own error responses (status code pages, the exception handler) ask this service.
        services.AddSingleton<IProblemDetailsService, FrameworkProblems>();
        services.AddExceptionHandler<ExceptionToProblem>();
        return services;
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// The one writer of error responses. Always problem JSON, whatever the request's Accept header
    /// asks for: a client that can't read it still gets the status code.
    /// </summary>
    public static Task WriteProblemAsync(HttpContext http, int status, string message)
    {
        // The framework's type link and title for the status; "detail" would only repeat the message.
        var problem = TypedResults.Problem(new ProblemDetails { Status = status }).ProblemDetails;
        // A status it has no link for (413, 429) is a problem with no more meaning than the status (RFC 9457, 4.2.1).
        problem.Type ??= "about:blank";
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Extensions["traceId"] = http.TraceIdentifier;
        problem.Extensions["message"] = message;
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(problem, options: null, "application/problem+json", http.RequestAborted);
    }

    /// <summary>
    /// The message of a status the framework answers by itself: its reason phrase (404 "Not Found", as
    /// the contract's), but the contract's words for a body of the wrong type, since only actions that
    /// read JSON refuse one (an upload takes any body and looks for its file).
    /// </summary>
    public static string MessageFor(int status) =>
        status == StatusCodes.Status415UnsupportedMediaType ? "Content-Type must be application/json" : ReasonPhrases.GetReasonPhrase(status);

    private sealed class FrameworkProblems : IProblemDetailsService
    {
        public async ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            await WriteProblemAsync(context.HttpContext, status, context.ProblemDetails.Title ?? MessageFor(status));
        }
    }

    private sealed class ExceptionToProblem(ILogger<ExceptionToProblem> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var (status, message) = exception switch
            {
                DbException or TimeoutException or StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, StoreUnavailable),
                // The server can't be reached, or is between primaries; a retry will likely work.
                MongoDB.Driver.MongoConnectionException or MongoDB.Driver.MongoNotPrimaryException
                    or MongoDB.Driver.MongoNodeIsRecoveringException or MongoDB.Driver.MongoWaitQueueFullException
                    or MongoDB.Driver.MongoWriteConcernException => (StatusCodes.Status503ServiceUnavailable, StoreUnavailable),
                OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, "Client closed request"),
                _ => (StatusCodes.Status500InternalServerError, "Something went wrong; it has been logged"),
            };
            // A refusal under overload is an answer the service chose, not a fault to trace: a log line
            // each would add to the load.
            if (exception is StoreUnavailableException { RetryAfter: { } wait }) http.Response.SetRetryAfter(wait);
            else if (status >= 500) log.LogError(exception, "Request failed with {Status}", status);
            await WriteProblemAsync(http, status, message);
            return true;
        }
    }
}
