using ContactsApi.Common;

namespace ContactsApi.Contacts;

/// <summary>
/// How validated requests change a contact. These run inside the store's atomic update, so a rule
/// that depends on the current phones (at most 20, never none) is checked against the stored state.
/// </summary>
public static class ContactChanges
{
    public static IReadOnlyList<Phone> NewPhones(string? phone, List<PhoneRequest>? phones) =>
        phones is not null
            ? phones.Select(p => new Phone(ObjectIds.New(), p.Number!.Trim(), p.Label!.Trim())).ToArray()
            : [new Phone(ObjectIds.New(), phone!.Trim(), Phone.DefaultLabel)];

    public static Contact Apply(this Contact contact, UpdateContactRequest request, DateTime now) => contact with
    {
        Name = request.Name?.Trim() ?? contact.Name,
        Email = request.Email?.Trim() ?? contact.Email,
        Favorite = request.Favorite ?? contact.Favorite,
        Phones = request.Phones is not null ? NewPhones(null, request.Phones)
            : request.Phone is not null ? [contact.Phones[0] with { Number = request.Phone.Trim() }, .. contact.Phones.Skip(1)]
            : contact.Phones,
        UpdatedAt = now,
    };

    public static Contact AddPhone(this Contact contact, Phone phone, DateTime now) =>
        contact.Phones.Count < PhoneRules.MaxPhones
            ? contact with { Phones = [.. contact.Phones, phone], UpdatedAt = now }
            : throw ApiException.BadRequest($"A contact can have at most {PhoneRules.MaxPhones} phones");

    public static Contact EditPhone(this Contact contact, string phoneId, UpdatePhoneRequest request, DateTime now) =>
        contact with
        {
            Phones = contact.Phones.Select(p => p.Id != phoneId ? p : p with
            {
                Number = request.Number?.Trim() ?? p.Number,
                Label = request.Label?.Trim() ?? p.Label,
            }).ToArray(),
            UpdatedAt = now,
        };

    public static Contact RemovePhone(this Contact contact, string phoneId, DateTime now) =>
        contact.Phones.Count > 1
            ? contact with { Phones = contact.Phones.Where(p => p.Id != phoneId).ToArray(), UpdatedAt = now }
            : throw ApiException.BadRequest("A contact must keep at least one phone");
}
