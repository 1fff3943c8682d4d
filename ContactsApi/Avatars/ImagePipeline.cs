using ContactsApi.Common;

namespace ContactsApi.Avatars;

/// <summary>
/// How every untrusted image is decoded, whether an avatar upload or an imported contact's photo: its header
/// first (cheap, and it refuses bombs), then the decode behind its share of the memory budget
/// (<see cref="DecodeMemory"/>) and a core, off the request thread so images can't take every thread-pool thread.
/// </summary>
public sealed class ImagePipeline(AvatarResizer resizer, DecodeMemory memory)
{
    // A resize keeps a core busy (libvips runs it on one thread), so at most one per core, whatever the memory budget allows.
    private readonly SemaphoreSlim _cores = new(Environment.ProcessorCount);

    /// <summary><paramref name="work"/> on the image, whose result is at most <paramref name="side"/> pixels square.</summary>
    public async Task<Outcome<byte[]>> RunAsync(byte[] image, int side, Func<byte[], Outcome<byte[]>> work, CancellationToken ct)
    {
        var (header, unreadable) = resizer.ReadHeader(image);
        if (unreadable is not null) return unreadable;
        var cost = DecodeMemory.CostOf(header, image.Length, side);
        if (memory.Refuse(cost) is { } tooLarge) return tooLarge;
        using var reserved = await memory.ReserveAsync(cost, ct);
        await _cores.WaitAsync(ct);
        try
        {
            return await Task.Run(() => work(image), CancellationToken.None);
        }
        finally
        {
            _cores.Release();
        }
    }
}
