using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

/// <summary>
/// At most <see cref="AvatarOptions.UploadsAtOnce"/> uploads are read, held and resized at once. The
/// slot is taken before the body is read (MVC reads the form for the <c>IFormFile</c> argument after
/// resource filters run), so a crowd of 5 MB uploads waits with its bodies unread instead of all
/// being buffered; waiting costs only their connections.
/// </summary>
public sealed class UploadSlots : IDisposable
{
    private readonly ConcurrencyLimiter _slots;

    public UploadSlots(IOptions<AvatarOptions> options) => _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.UploadsAtOnce,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Uploads waiting for a slot.</summary>
    public long Waiting => _slots.GetStatistics()!.CurrentQueuedCount;

    /// <summary>Slots no upload holds.</summary>
    public long Free => _slots.GetStatistics()!.CurrentAvailablePermits;

    public async Task<RateLimitLease> TakeAsync(CancellationToken ct)
    {
        var lease = await _slots.AcquireAsync(1, ct);
        return lease.IsAcquired ? lease : throw new InvalidOperationException("The upload slots refused a lease they should have queued.");
    }

    public void Dispose() => _slots.Dispose();
}

/// <summary>Holds an upload slot around the action, from before its body is read until its response.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadSlotAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var slots = context.HttpContext.RequestServices.GetRequiredService<UploadSlots>();
        using var slot = await slots.TakeAsync(context.HttpContext.RequestAborted);
        await next();
    }
}
