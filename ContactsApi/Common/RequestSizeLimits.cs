using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ContactsApi.Common;

/// <summary>
/// Bodies are at most 64 KB unless the endpoint says otherwise with <c>[RequestSizeLimit]</c>
/// (avatar uploads). A declared length over the limit is refused before a byte is read; the server's
/// own limit, set here per request, stops a chunked body that grows past it.
/// </summary>
public static class RequestSizeLimits
{
    public const long DefaultMaxBytes = 64 * 1024;

    public static WebApplication UseRequestSizeLimits(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (http.Request.ContentLength > limit)
            {
                await ErrorHandling.WriteProblemAsync(http, StatusCodes.Status413PayloadTooLarge, TooLarge(limit));
                return;
            }
            await next(http);
        });
        return app;
    }

    /// <summary>
    /// A body the server stopped reading: past the limit (a chunked body has no length to refuse up
    /// front, so the server's own limit stops it as it streams in), or cut short.
    /// </summary>
    public static Refusal Unread(BadHttpRequestException unread, HttpContext http) =>
        unread.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? new(unread.StatusCode, TooLarge(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize))
            : new(unread.StatusCode, "Request body could not be read");

    /// <summary>The 413 message, for a body refused by its declared length or stopped while it streams in.</summary>
    public static string TooLarge(long? limit) =>
        limit is { } bytes ? $"Request body too large: at most {bytes / 1024} KB" : "Request body too large";
}
