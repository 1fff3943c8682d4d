using ContactsApi.Common;
using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.Contacts;

/// <summary>
/// The list query as it arrives: strings, so that a bad value is reported by
/// <see cref="ToQuery"/> in the contract's words rather than by the model binder.
/// </summary>
/// <param name="Page">The page, from 1; 1 when absent.</param>
/// <param name="Limit">Contacts a page, 1–100; 20 when absent.</param>
/// <param name="Sort">name (default), email, phone, favorite, createdAt or updatedAt; ties break by _id.</param>
/// <param name="Order">asc (default) or desc.</param>
/// <param name="Name">Case-insensitive substring of the name.</param>
/// <param name="Email">Case-insensitive substring of the email.</param>
/// <param name="Phone">Digits found in any of the contact's numbers; punctuation is ignored.</param>
/// <param name="Favorite">true or false.</param>
public sealed record ContactListParameters(
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "limit")] string? Limit,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "order")] string? Order,
    [property: FromQuery(Name = "name")] string? Name,
    [property: FromQuery(Name = "email")] string? Email,
    [property: FromQuery(Name = "phone")] string? Phone,
    [property: FromQuery(Name = "favorite")] string? Favorite)
{
    private static readonly string[] Allowed = ["page", "limit", "sort", "order", "name", "email", "phone", "favorite"];
    private static readonly string[] SortKeys = ["name", "email", "phone", "favorite", "createdAt", "updatedAt"];

    /// <summary>Checks every parameter (unknown and repeated ones too) and returns the query, or throws a 400 naming the parameter.</summary>
    public ContactQuery ToQuery(IQueryCollection raw)
    {
        QueryParameters.OnlyOnce(raw, Allowed);
        return new ContactQuery
        {
            Page = QueryParameters.Integer(Page, 1, int.MaxValue / 100, 1, "\"page\" must be an integer of at least 1"),
            Limit = QueryParameters.Integer(Limit, 1, 100, 20, "\"limit\" must be an integer from 1 to 100"),
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

    private static string? Substring(string? value, string name) =>
        value is null ? null
        : value.Length <= 100 ? value.ToLowerInvariant()
        : throw ApiException.BadRequest($"\"{name}\" must be at most 100 characters long");
}
