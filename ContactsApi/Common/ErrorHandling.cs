using System.Data.Common;
using ContactsApi.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace ContactsApi.Common;

/// <summary>
/// Every error leaves as an RFC 9457 problem carrying the contract's <c>message</c>; nothing else
/// in the service catches exceptions. A store failure becomes 503, anything unforeseen a plain 500
/// whose body names no exception, type or query.
/// </summary>
public static class ErrorHandling
{
    public const string StoreUnavailable = "The store is unavailable; try again later";

    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The contract's clients read "message"; "detail" would only repeat it.
            problem.Extensions["message"] = problem.Detail ?? problem.Title ?? "Error";
            problem.Detail = null;
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ExceptionToProblem>();
        // PostConfigure: AddControllers sets its own factory, which this one replaces.
        services.PostConfigure<ApiBehaviorOptions>(options =>
            options.InvalidModelStateResponseFactory = context =>
            {
                // The body's own error (key "") says what is wrong; the binder's "field is required" follows from it.
                var message = context.ModelState.OrderBy(e => e.Key.Length == 0 ? 0 : 1)
                    .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0)
                    ?? "Invalid request";
                return Problem(context.HttpContext, StatusCodes.Status400BadRequest, message);
            });
        return services;
    }

    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>A problem result with the contract's message, for controllers and filters.</summary>
    public static ObjectResult Problem(HttpContext http, int status, string message)
    {
        var factory = http.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateProblemDetails(http, status, detail: message);
        problem.Extensions["message"] = message;
        problem.Detail = null;
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    /// <summary>Writes a problem response with the contract's message, outside MVC (auth, exceptions).</summary>
    public static async Task WriteProblemAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = message },
        });
    }

    private sealed class ExceptionToProblem(ILogger<ExceptionToProblem> log)
        : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var (status, message) = exception switch
            {
                ApiException api => (api.StatusCode, api.Message),
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                    (StatusCodes.Status413PayloadTooLarge, RequestSizeLimits.TooLarge(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)),
                BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
                DbException or TimeoutException or StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, StoreUnavailable),
                // The server can't be reached, or is between primaries; a retry will likely work.
                MongoDB.Driver.MongoConnectionException or MongoDB.Driver.MongoNotPrimaryException
                    or MongoDB.Driver.MongoNodeIsRecoveringException or MongoDB.Driver.MongoWaitQueueFullException
                    or MongoDB.Driver.MongoWriteConcernException => (StatusCodes.Status503ServiceUnavailable, StoreUnavailable),
                OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, "Client closed request"),
                _ => (StatusCodes.Status500InternalServerError, "Something went wrong; it has been logged"),
            };
            // An ApiException is an answer the service chose (e.g. 503 without libvips), not a fault to trace; so is
            // a refusal under overload, where a line a refusal would add to the load.
            if (exception is StoreUnavailableException { RetryAfter: { } wait }) http.Response.SetRetryAfter(wait);
            else if (status >= 500 && exception is not ApiException) log.LogError(exception, "Request failed with {Status}", status);
            await WriteProblemAsync(http, status, message);
            return true;
        }
    }
}
