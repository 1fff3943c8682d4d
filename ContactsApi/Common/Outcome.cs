namespace ContactsApi.Common;

/// <summary>
/// What a change came to: the value it produced, or the <see cref="Refusal"/> that left everything
/// as it was. Changes that run inside a store's atomic update (the 21st phone, the last one removed)
/// refuse this way, so the store writes nothing and hands the refusal back instead of unwinding.
/// </summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}
