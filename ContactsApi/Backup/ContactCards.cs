using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Vcards;

namespace ContactsApi.Backup;

/// <summary>
/// A contact as a card and back, through the vCard codec's <see cref="CardFields"/>: the fields a contact
/// holds, its photo, and the properties kept as they came, so an exported card says all its card said.
/// </summary>
public static class ContactCards
{
    public const string NoName = "the card has no name, organization, email or number";

    /// <summary>
    /// The contact's card. Its UID is the card's own, or the contact's id for a contact made here, so the
    /// same card imported again finds its contact even after a rename on the phone.
    /// </summary>
    public static VcardCard ToCard(Contact contact, ContactPhoto? photo) => new CardFields
    {
        Name = contact.Name,
        Phones = contact.Phones.Select(p => new CardPhone(p.Number, p.Label)).ToList(),
        Emails = contact.ListedEmails.Select(e => new CardEmail(e.Address, e.Label)).ToList(),
        Addresses = contact.Addresses.Select(a => new CardAddress(a.Label, a.Street, a.City, a.Region, a.Postcode, a.Country)).ToList(),
        Organization = contact.Organization,
        Title = contact.Title,
        Birthday = contact.Birthday,
        Notes = contact.Notes,
        Photo = photo is null ? null : new VcardPhoto(photo.Data, photo.MediaType, null),
        Uid = contact.Uid ?? contact.Id,
        Kept = contact.Kept.Select(VcardProperty.Parse).ToList(),
    }.ToCard();

    /// <summary>
    /// A card as a contact (new ids, no owner or times yet) with its photo, or why it can't be one. Values
    /// the JSON API would refuse (a number with letters, a long label, a 21st phone) are kept as they came:
    /// a backup that dropped them would lose what the phone had.
    /// </summary>
    public static (ImportedCard? Card, string? Failure) FromCard(VcardCard card)
    {
        var fields = CardFields.From(card);
        if (fields.Name is null) return (null, NoName);
        var photo = fields.Photo?.Data is { } data ? new ContactPhoto(fields.Photo.MediaType, data) : null;
        var contact = new Contact
        {
            Id = "",
            Owner = "",
            Name = fields.Name,
            Email = fields.Emails.Count > 0 ? fields.Emails[0].Address : "",
            Emails = fields.Emails.Select(e => new ContactEmail(ObjectIds.New(), e.Address, e.Label)).ToArray(),
            Phones = fields.Phones.Select(p => new Phone(ObjectIds.New(), p.Number, p.Label)).ToArray(),
            Organization = fields.Organization,
            Title = fields.Title,
            Birthday = fields.Birthday,
            Notes = fields.Notes,
            Addresses = fields.Addresses.Select(a => new ContactAddress(ObjectIds.New(), a.Label, a.Street, a.City, a.Region, a.Postcode, a.Country))
                .ToArray(),
            Uid = fields.Uid,
            Kept = fields.Kept.Select(p => p.ToString()).ToArray(),
            PhotoTag = photo?.Tag,
            CreatedAt = default,
            UpdatedAt = default,
        };
        return (new ImportedCard(contact, photo), null);
    }
}
