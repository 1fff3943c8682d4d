using ContactsApi.Common;

namespace ContactsApi.Contacts;

/// <summary>The entries a create or replace request names, each with a new id.</summary>
public static class ContactChanges
{
    public static IReadOnlyList<Phone> NewPhones(string? phone, List<PhoneRequest>? phones) =>
        phones is not null
            ? phones.Select(p => new Phone(ObjectIds.New(), p.Number!.Trim(), p.Label!.Trim())).ToArray()
            : [new Phone(ObjectIds.New(), phone!.Trim(), Phone.DefaultLabel)];

    public static IReadOnlyList<ContactEmail> NewEmails(string? email, List<EmailRequest>? emails) =>
        emails is not null
            ? emails.Select(e => new ContactEmail(ObjectIds.New(), e.Address!.Trim(), e.Label!.Trim())).ToArray()
            : [new ContactEmail(ObjectIds.New(), email!.Trim(), ContactEmail.DefaultLabel)];

    public static IReadOnlyList<ContactAddress> NewAddresses(List<AddressRequest>? addresses) =>
        (addresses ?? []).Select(a => new ContactAddress(ObjectIds.New(), a.Label!.Trim(), Part(a.Street), Part(a.City), Part(a.Region),
            Part(a.Postcode), Part(a.Country))).ToArray();

    /// <summary>A text field as stored: trimmed, and null when empty (an empty one in a PUT clears it).</summary>
    public static string? Stored(string? text) => text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static string Part(string? text) => text?.Trim() ?? "";
}
