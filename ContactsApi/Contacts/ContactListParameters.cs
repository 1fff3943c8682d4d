using ContactsApi.Common;

namespace ContactsApi.Contacts;

/// <summary>
/// The list query as it arrives: strings, so that a bad value is reported by
/// <see cref="ToQuery"/> in the contract's words rather than by the model binder.
/// </summary>
public sealed record ContactListParameters(
    string? Page, string? Limit, string? Sort, string? Order, string? Name, string? Email, string? Phone, string? Favorite)
{
    private static readonly string[] Allowed = ["page", "limit", "sort", "order", "name", "email", "phone", "favorite"];
    private static readonly string[] SortKeys = ["name", "email", "phone", "favorite", "createdAt", "updatedAt"];

    /// <summary>Checks every parameter (unknown and repeated ones too) and returns the query, or throws a 400 naming the parameter.</summary>
    public ContactQuery ToQuery(IQueryCollection raw)
    {
        foreach (var (key, values) in raw)
        {
            if (!Allowed.Contains(key, StringComparer.OrdinalIgnoreCase)) throw ApiException.BadRequest($"\"{key}\" is not allowed");
            if (values.Count > 1) throw ApiException.BadRequest($"\"{key}\" must be given once");
        }
        return new ContactQuery
        {
            Page = Integer(Page, "page", 1, int.MaxValue / 100, 1, "\"page\" must be an integer of at least 1"),
            Limit = Integer(Limit, "limit", 1, 100, 20, "\"limit\" must be an integer from 1 to 100"),
            Sort = Sort is null ? ContactSort.Name
                : SortKeys.Contains(Sort) ? Enum.Parse<ContactSort>(Sort, ignoreCase: true)
                : throw ApiException.BadRequest($"\"sort\" must be one of [{string.Join(", ", SortKeys)}]"),
            Descending = Order switch
            {
                null or "asc" => false,
                "desc" => true,
                _ => throw ApiException.BadRequest("\"order\" must be one of [asc, desc]"),
            },
            Name = Substring(Name, "name"),
            Email = Substring(Email, "email"),
            PhoneDigits = Phone is null ? null
                : Contacts.Phone.Digits(Phone) is { Length: > 0 } digits && Phone.Length <= 32 ? digits
                : throw ApiException.BadRequest("\"phone\" must hold 1 to 32 characters with at least one digit"),
            Favorite = Favorite switch
            {
                null => null,
                "true" => true,
                "false" => false,
                _ => throw ApiException.BadRequest("\"favorite\" must be one of [true, false]"),
            },
        };
    }

    private static int Integer(string? value, string name, int min, int max, int fallback, string message) =>
        value is null ? fallback
        : int.TryParse(value, System.Globalization.NumberStyles.None, null, out var n) && n >= min && n <= max ? n
        : throw ApiException.BadRequest(message);

    private static string? Substring(string? value, string name) =>
        value is null ? null
        : value.Length <= 100 ? value.ToLowerInvariant()
        : throw ApiException.BadRequest($"\"{name}\" must be at most 100 characters long");
}
