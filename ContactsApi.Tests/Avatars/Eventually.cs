namespace ContactsApi.Tests.Avatars;

internal static class Eventually
{
    /// <summary>
    /// Waits until <paramref name="condition"/> holds (a request has reached a queue the test can only
    /// observe from outside), checking every few milliseconds, for at most 30 seconds.
    /// </summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting until {what}");
            await Task.Delay(5);
        }
    }
}
