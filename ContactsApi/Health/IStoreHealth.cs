namespace ContactsApi.Health;

public interface IStoreHealth
{
    /// <summary>True when the store answers a trivial query now.</summary>
    Task<bool> IsAvailableAsync(CancellationToken ct = default);
}
