namespace ContactsApi.Tests.Infrastructure;

/// <summary>
/// A clock a test moves by hand, so lockouts and rate-limit windows end without waiting.
/// Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider does this but can't be restored here.
/// </summary>
public sealed class MovableTime : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.Ticks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
