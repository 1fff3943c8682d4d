using System.Text.Json.Serialization;
using ContactsApi.Users;

namespace ContactsApi.Contacts;

/// <summary>
/// A contact as clients see it. <typeparamref name="TOwner"/> follows the spec: the owner's
/// <c>{email, subscription}</c> in GET responses, the owner's id after a write.
/// </summary>
public sealed record ContactResponse<TOwner>(
    [property: JsonPropertyName("_id")] string Id,
    string Name,
    string Email,
    string Phone,
    IReadOnlyList<PhoneResponse> Phones,
    bool Favorite,
    TOwner Owner,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record PhoneResponse([property: JsonPropertyName("_id")] string Id, string Number, string Label);

public sealed record ContactPageResponse(
    int Page,
    [property: JsonPropertyName("per_page")] int PerPage,
    long Total,
    IReadOnlyList<ContactResponse<UserSummary>> Data);

public static class ContactMapping
{
    public static ContactResponse<TOwner> ToResponse<TOwner>(this Contact c, TOwner owner) =>
        new(c.Id, c.Name, c.Email, c.Phone, c.Phones.Select(p => new PhoneResponse(p.Id, p.Number, p.Label)).ToArray(),
            c.Favorite, owner, c.CreatedAt, c.UpdatedAt);

    /// <summary>After a write the spec shows the owner as an id.</summary>
    public static ContactResponse<string> ToResponse(this Contact c) => c.ToResponse(c.Owner);
}
