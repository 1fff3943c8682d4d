using System.Text.Json.Serialization;
using ContactsApi.Avatars;

namespace ContactsApi.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>avatars</c> appears, as just "unavailable", only when avatar uploads can't work (libvips did
    /// not start; the log says why); the store decides the status.
    /// </summary>
    public sealed record HealthResponse(string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Avatars);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IStoreHealth store, ImageLibrary images, CancellationToken ct) =>
            {
                var avatars = images.IsAvailable ? null : "unavailable";
                return await store.IsAvailableAsync(ct)
                    ? Results.Ok(new HealthResponse("ok", avatars))
                    : Results.Json(new HealthResponse("unavailable", avatars), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("getHealth")
            .WithSummary("Whether the service and its store answer.")
            .WithTags("Health")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
