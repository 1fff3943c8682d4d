namespace ContactsApi.Contacts;

public enum ContactSort { Name, Email, Phone, Favorite, CreatedAt, UpdatedAt }

/// <summary>
/// A validated list query. Filters are already normalised: <see cref="Name"/> and <see cref="Email"/>
/// folded (<see cref="SearchText.Fold"/>: case-insensitive substrings), <see cref="PhoneDigits"/> digits only.
/// </summary>
public sealed record ContactQuery
{
    public int Page { get; init; } = 1;
    public int Limit { get; init; } = 20;
    public ContactSort Sort { get; init; } = ContactSort.Name;
    public bool Descending { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? PhoneDigits { get; init; }
    public bool? Favorite { get; init; }

    public int Skip => (Page - 1) * Limit;
}
