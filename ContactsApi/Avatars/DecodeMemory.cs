using System.Threading.RateLimiting;
using ContactsApi.Common;
using Microsoft.Extensions.Options;

namespace ContactsApi.Avatars;

/// <summary>
/// The memory budget of decodes (<see cref="AvatarOptions.DecodeMemoryMB"/>). Each decode is charged
/// what its header says it will cost before it starts, and waits, first come first served, until
/// that much of the budget is free: a few small files can't take a 7000×7000 image's place, and
/// many large ones can't decode at once. A decode costing more than the whole budget is refused.
/// </summary>
public sealed class DecodeMemory : IDisposable
{
    private const long MB = 1024 * 1024;

    // Permits are KiB, so a budget of terabytes still fits the limiter's int.
    private const long Unit = 1024;

    /// <summary>A result of that side while it is resampled: up to 4 bands of floats.</summary>
    private static long ResizeBytes(int side) => (long)side * side * 4 * sizeof(float);

    private readonly ConcurrencyLimiter _budget;

    public DecodeMemory(IOptions<AvatarOptions> options)
    {
        BudgetBytes = options.Value.DecodeMemoryMB * MB;
        _budget = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = checked((int)(BudgetBytes / Unit)),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public long BudgetBytes { get; }

    private int _waiting;

    /// <summary>Decodes waiting for their share of the budget.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// What decoding and resizing an upload costs. An interlaced image (progressive JPEG, interlaced
    /// PNG) is held whole twice, as the loader's passes or coefficients and as pixels: a 7000×7000
    /// progressive JPEG (147 MB of pixels) peaked at 289 MB. Other images are charged their pixels
    /// once, though libvips mostly streams them. libvips keeps its own copy of the file throughout. The
    /// result is at most <paramref name="side"/> pixels square: an avatar's 250, a contact photo's more.
    /// </summary>
    public static long CostOf(ImageHeader header, long fileBytes, int side = AvatarResizer.Size) =>
        header.DecodedBytes * (header.Interlaced ? 2 : 1) + fileBytes + ResizeBytes(side);

    /// <summary>The refusal of a decode costing more than the whole budget, which could never start.</summary>
    public Refusal? Refuse(long bytes) => bytes > BudgetBytes
        ? Refusal.BadRequest($"The image is too large: decoding it takes {Math.Ceiling((double)bytes / MB)} MB, at most {BudgetBytes / MB} MB")
        : null;

    /// <summary>
    /// Waits until <paramref name="bytes"/> of the budget are free and holds them until the lease is
    /// disposed; <see cref="Refuse"/> has let them through.
    /// </summary>
    public async Task<RateLimitLease> ReserveAsync(long bytes, CancellationToken ct)
    {
        var units = checked((int)((bytes + Unit - 1) / Unit));
        // Granted at once only when nobody is queued: the first in the queue goes first.
        var lease = _budget.AttemptAcquire(units);
        if (!lease.IsAcquired)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                lease = await _budget.AcquireAsync(units, ct);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
        // The queue is unbounded (the uploads that can wait are bounded by UploadSlots), so a lease is always granted.
        return lease.IsAcquired ? lease : throw new InvalidOperationException("The decode budget refused a lease it should have queued.");
    }

    public void Dispose() => _budget.Dispose();
}
