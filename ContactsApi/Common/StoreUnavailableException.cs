namespace ContactsApi.Common;

/// <summary>
/// A store that can't serve a request now (unreachable, or a write that kept losing races); the
/// client gets 503 and may retry. Store-neutral, so error handling needs no store's types.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>When the store knows it will take writes again soon (a full write queue): sent as <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
