using System.Text.Json;
using System.Text.Json.Serialization;
using ContactsApi.Common.Json;
using ContactsApi.Users;

namespace ContactsApi.Contacts;

/// <summary>
/// A contact as clients see it. <typeparamref name="TOwner"/> follows the spec: the owner's
/// <c>{email, subscription}</c> in GET responses, the owner's id after a write. A contact that came from
/// a card without an email or a phone has null <c>email</c> or <c>phone</c> and an empty list.
/// </summary>
public record ContactResponse<TOwner>(
    [property: JsonPropertyName("_id")] string Id,
    string Name,
    string? Email,
    string? Phone,
    IReadOnlyList<PhoneResponse> Phones,
    bool Favorite,
    IReadOnlyList<EmailResponse> Emails,
    string? Organization,
    string? Title,
    string? Birthday,
    string? Notes,
    IReadOnlyList<AddressResponse> Addresses,
    bool HasPhoto,
    TOwner Owner,
    // On the properties rather than in the options: the list's generated code runs only with options that carry no converter.
    [property: JsonConverter(typeof(UtcMillisecondsConverter))] DateTime CreatedAt,
    [property: JsonConverter(typeof(UtcMillisecondsConverter))] DateTime UpdatedAt);

public sealed record PhoneResponse([property: JsonPropertyName("_id")] string Id, string Number, string Label);

public sealed record EmailResponse([property: JsonPropertyName("_id")] string Id, string Address, string Label);

public sealed record AddressResponse([property: JsonPropertyName("_id")] string Id, string Label, string Street, string City, string Region,
    string Postcode, string Country);

public sealed record ContactPageResponse(
    int Page,
    [property: JsonPropertyName("per_page")] int PerPage,
    long Total,
    IReadOnlyList<ContactResponse<UserSummary>> Data);

public static class ContactMapping
{
    public static ContactResponse<TOwner> ToResponse<TOwner>(this Contact c, TOwner owner) =>
        new(c.Id, c.Name, NullIfEmpty(c.Email), NullIfEmpty(c.Phone), c.Phones.Select(p => new PhoneResponse(p.Id, p.Number, p.Label)).ToArray(),
            c.Favorite, c.ListedEmails.Select(e => new EmailResponse(e.Id, e.Address, e.Label)).ToArray(), c.Organization, c.Title, c.Birthday,
            c.Notes, c.Addresses.Select(a => new AddressResponse(a.Id, a.Label, a.Street, a.City, a.Region, a.Postcode, a.Country)).ToArray(),
            c.HasPhoto, owner, c.CreatedAt, c.UpdatedAt);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>After a write the spec shows the owner as an id.</summary>
    public static ContactResponse<string> ToResponse(this Contact c) => c.ToResponse(c.Owner);
}

/// <summary>
/// The list page's JSON, generated at build time with the options MVC writes responses with (web names; the times'
/// converter is on their properties), for <see cref="GeneratedJsonOutputFormatter"/>. The page and its lists are
/// written by generated code; each contact by its generated metadata, since a converted property keeps a type off
/// the generated writer.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ContactPageResponse))]
internal sealed partial class ContactResponsesJson : JsonSerializerContext;
