using ContactsApi.AppPasswords;
using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Users;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace ContactsApi.Storage.Mongo;

// The stored shapes, kept apart from the domain records so that fields that exist only for queries
// (folded copies, phone digits, the version counter) never leak into the rest of the service.
// Ids are ObjectIds in the database and 24-character strings everywhere else. Every shape ignores
// fields it doesn't know, so a document that a newer version or an operator added a field to still
// reads; a missing field reads as its default (a contact without "version" is at version 0).

[BsonIgnoreExtraElements]
internal sealed class UserDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string Id { get; set; } = "";
    [BsonElement("email")] public string Email { get; set; } = "";
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("passwordHash")] public string PasswordHash { get; set; } = "";
    [BsonElement("subscription")] public string Subscription { get; set; } = "";
    [BsonElement("avatarUrl")] public string AvatarUrl { get; set; } = "";
    [BsonElement("isActive")] public bool IsActive { get; set; }
    [BsonElement("isAdmin")] public bool IsAdmin { get; set; }
    [BsonElement("createdAt")] public DateTime CreatedAt { get; set; }
    [BsonElement("updatedAt")] public DateTime UpdatedAt { get; set; }
    [BsonElement("failedLogins")] public int FailedLogins { get; set; }
    [BsonElement("lockoutEnd")] public DateTime? LockoutEnd { get; set; }

    public static UserDocument From(User user) => new()
    {
        Id = user.Id, Email = EmailAddress.Normalize(user.Email), Name = user.Name, PasswordHash = user.PasswordHash,
        Subscription = user.Subscription, AvatarUrl = user.AvatarUrl, IsActive = user.IsActive, IsAdmin = user.IsAdmin,
        CreatedAt = user.CreatedAt, UpdatedAt = user.UpdatedAt, FailedLogins = user.FailedLogins, LockoutEnd = user.LockoutEnd,
    };

    public User ToUser() => new()
    {
        Id = Id, Email = Email, Name = Name, PasswordHash = PasswordHash, Subscription = Subscription,
        AvatarUrl = AvatarUrl, IsActive = IsActive, IsAdmin = IsAdmin, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        FailedLogins = FailedLogins, LockoutEnd = LockoutEnd,
    };
}

[BsonIgnoreExtraElements]
internal sealed class ContactDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string Id { get; set; } = "";
    [BsonElement("owner"), BsonRepresentation(BsonType.ObjectId)] public string Owner { get; set; } = "";
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("email")] public string Email { get; set; } = "";
    [BsonElement("phones")] public List<PhoneDocument> Phones { get; set; } = [];
    [BsonElement("favorite")] public bool Favorite { get; set; }
    [BsonElement("createdAt")] public DateTime CreatedAt { get; set; }
    [BsonElement("updatedAt")] public DateTime UpdatedAt { get; set; }

    // The whole card. A document written before these existed has none of them, and reads as a contact
    // whose one email is not listed yet (Contact.ListedEmails lists it).
    [BsonElement("emails"), BsonIgnoreIfNull] public List<EmailDocument>? Emails { get; set; }
    [BsonElement("organization"), BsonIgnoreIfNull] public string? Organization { get; set; }
    [BsonElement("title"), BsonIgnoreIfNull] public string? Title { get; set; }
    [BsonElement("birthday"), BsonIgnoreIfNull] public string? Birthday { get; set; }
    [BsonElement("notes"), BsonIgnoreIfNull] public string? Notes { get; set; }
    [BsonElement("addresses"), BsonIgnoreIfNull] public List<AddressDocument>? Addresses { get; set; }
    [BsonElement("uid"), BsonIgnoreIfNull] public string? Uid { get; set; }
    /// <summary>The card's other properties as content lines; the photo's bytes are in their own collection.</summary>
    [BsonElement("kept"), BsonIgnoreIfNull] public List<string>? Kept { get; set; }
    [BsonElement("photo"), BsonIgnoreIfNull] public string? PhotoTag { get; set; }

    /// <summary>
    /// <see cref="ContactETag.Of"/> of the contact, written with it. Absent from a document written before it was
    /// kept, and from one a server-side edit changed (<see cref="MongoContactEdits"/>: the server can't hash the
    /// result): such a document's tag is computed when it is read (<see cref="ToTagged"/>).
    /// </summary>
    [BsonElement("etag"), BsonIgnoreIfNull] public string? ETag { get; set; }

    // Derived on every write. nameLower and emailLower hold the folded text searches match
    // (SearchText.Fold; the names are from when it was only lower-cased); names and emails sort by the
    // server's collation of the fields themselves. "phone" (the first number) is the phone sort key;
    // phoneDigits holds one entry a number, so a search never matches across two numbers.
    [BsonElement("nameLower")] public string NameLower { get; set; } = "";
    [BsonElement("emailLower")] public string EmailLower { get; set; } = "";
    [BsonElement("phone")] public string Phone { get; set; } = "";
    [BsonElement("phoneDigits")] public List<string> PhoneDigits { get; set; } = [];

    /// <summary>
    /// Raised by every update; a read-change-write update only writes over the version it read. A
    /// document without the field is at version 0.
    /// </summary>
    [BsonElement("version")] public long Version { get; set; }

    public static ContactDocument From(Contact contact, long version) => new()
    {
        Id = contact.Id, Owner = contact.Owner, Name = contact.Name, Email = contact.Email,
        Phones = contact.Phones.Select(PhoneDocument.From).ToList(),
        Favorite = contact.Favorite, CreatedAt = contact.CreatedAt, UpdatedAt = contact.UpdatedAt,
        Emails = contact.Emails.Count > 0 ? contact.Emails.Select(EmailDocument.From).ToList() : null,
        Organization = contact.Organization, Title = contact.Title, Birthday = contact.Birthday, Notes = contact.Notes,
        Addresses = contact.Addresses.Count > 0 ? contact.Addresses.Select(AddressDocument.From).ToList() : null,
        Uid = contact.Uid, Kept = contact.Kept.Count > 0 ? contact.Kept.ToList() : null, PhotoTag = contact.PhotoTag,
        NameLower = SearchText.Fold(contact.Name), EmailLower = SearchText.Fold(contact.Email), Phone = contact.Phone,
        PhoneDigits = contact.Phones.Select(p => Contacts.Phone.Digits(p.Number)).ToList(),
        ETag = ContactETag.Of(contact),
        Version = version,
    };

    public TaggedContact ToTagged()
    {
        var contact = ToContact();
        return new TaggedContact(contact, ETag ?? ContactETag.Of(contact));
    }

    public Contact ToContact() => new()
    {
        Id = Id, Owner = Owner, Name = Name, Email = Email,
        Emails = Emails?.Select(e => new ContactEmail(e.Id, e.Address, e.Label)).ToArray() ?? [],
        Phones = Phones.Select(p => new Phone(p.Id, p.Number, p.Label)).ToArray(),
        Favorite = Favorite, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        Organization = Organization, Title = Title, Birthday = Birthday, Notes = Notes,
        Addresses = Addresses?.Select(a => a.ToAddress()).ToArray() ?? [],
        Uid = Uid, Kept = Kept ?? [], PhotoTag = PhotoTag,
    };
}

[BsonIgnoreExtraElements]
internal sealed class EmailDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string Id { get; set; } = "";
    [BsonElement("address")] public string Address { get; set; } = "";
    [BsonElement("label")] public string Label { get; set; } = "";

    public static EmailDocument From(ContactEmail email) => new() { Id = email.Id, Address = email.Address, Label = email.Label };
}

[BsonIgnoreExtraElements]
internal sealed class AddressDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string Id { get; set; } = "";
    [BsonElement("label")] public string Label { get; set; } = "";
    [BsonElement("street")] public string Street { get; set; } = "";
    [BsonElement("city")] public string City { get; set; } = "";
    [BsonElement("region")] public string Region { get; set; } = "";
    [BsonElement("postcode")] public string Postcode { get; set; } = "";
    [BsonElement("country")] public string Country { get; set; } = "";

    public static AddressDocument From(ContactAddress a) => new()
    {
        Id = a.Id, Label = a.Label, Street = a.Street, City = a.City, Region = a.Region, Postcode = a.Postcode, Country = a.Country,
    };

    public ContactAddress ToAddress() => new(Id, Label, Street, City, Region, Postcode, Country);
}

/// <summary>A contact's photo, in its own collection (<c>contactPhotos</c>), keyed by the contact's id, with the owner beside it.</summary>
[BsonIgnoreExtraElements]
internal sealed class PhotoDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string ContactId { get; set; } = "";
    [BsonElement("owner"), BsonRepresentation(BsonType.ObjectId)] public string Owner { get; set; } = "";
    [BsonElement("mediaType")] public string? MediaType { get; set; }
    [BsonElement("data")] public byte[] Data { get; set; } = [];

    public ContactPhoto ToPhoto() => new(MediaType, Data);
}

[BsonIgnoreExtraElements]
internal sealed class PhoneDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string Id { get; set; } = "";
    [BsonElement("number")] public string Number { get; set; } = "";
    [BsonElement("label")] public string Label { get; set; } = "";

    public static PhoneDocument From(Phone phone) => new() { Id = phone.Id, Number = phone.Number, Label = phone.Label };
}

[BsonIgnoreExtraElements]
internal sealed class SessionDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string Id { get; set; } = "";
    [BsonElement("userId"), BsonRepresentation(BsonType.ObjectId)] public string UserId { get; set; } = "";
    [BsonElement("createdAt")] public DateTime CreatedAt { get; set; }
    /// <summary>The TTL index removes a session soon after this; reads still compare it, since removal lags.</summary>
    [BsonElement("expiresAt")] public DateTime ExpiresAt { get; set; }

    public static SessionDocument From(Session session) => new()
    {
        Id = session.Id, UserId = session.UserId, CreatedAt = session.CreatedAt, ExpiresAt = session.ExpiresAt,
    };
}

[BsonIgnoreExtraElements]
internal sealed class AppPasswordDocument
{
    [BsonId, BsonRepresentation(BsonType.ObjectId)] public string Id { get; set; } = "";
    [BsonElement("userId"), BsonRepresentation(BsonType.ObjectId)] public string UserId { get; set; } = "";
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("hash")] public string Hash { get; set; } = "";
    [BsonElement("createdAt")] public DateTime CreatedAt { get; set; }

    public static AppPasswordDocument From(AppPassword password) => new()
    {
        Id = password.Id, UserId = password.UserId, Name = password.Name, Hash = password.Hash, CreatedAt = password.CreatedAt,
    };

    public AppPassword ToAppPassword() => new(Id, UserId, Name, Hash, CreatedAt);
}
