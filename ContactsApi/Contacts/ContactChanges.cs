using ContactsApi.Common;

namespace ContactsApi.Contacts;

/// <summary>The phones a create or replace request names, each with a new id.</summary>
public static class ContactChanges
{
    public static IReadOnlyList<Phone> NewPhones(string? phone, List<PhoneRequest>? phones) =>
        phones is not null
            ? phones.Select(p => new Phone(ObjectIds.New(), p.Number!.Trim(), p.Label!.Trim())).ToArray()
            : [new Phone(ObjectIds.New(), phone!.Trim(), Phone.DefaultLabel)];
}
