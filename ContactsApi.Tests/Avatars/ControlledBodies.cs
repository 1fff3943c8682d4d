using System.Net;

namespace ContactsApi.Tests.Avatars;

/// <summary>A file part that sends its first half, then holds the rest until <see cref="Release"/>.</summary>
public sealed class HeldBody(byte[] bytes) : HttpContent
{
    private readonly TaskCompletionSource _reachedHold = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task ReachedHold => _reachedHold.Task;

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await stream.FlushAsync();
        _reachedHold.TrySetResult();
        await _released.Task;
        await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}

/// <summary>A file part that counts how much of it the transport has taken, 4 KB at a time.</summary>
public sealed class CountingBody(byte[] bytes) : HttpContent
{
    private long _read;

    public long Read => Interlocked.Read(ref _read);

    public long Length => bytes.Length;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var at = 0; at < bytes.Length; at += 4096)
        {
            var chunk = bytes.AsMemory(at, Math.Min(4096, bytes.Length - at));
            await stream.WriteAsync(chunk);
            Interlocked.Add(ref _read, chunk.Length);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
