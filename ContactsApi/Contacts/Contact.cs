using System.Text.Json.Serialization;

namespace ContactsApi.Contacts;

/// <summary>
/// A stored contact document with its lists embedded, as in MongoDB: the whole card a phone keeps.
/// A contact made from a card may have no email or no phone: <see cref="Email"/> and <see cref="Phone"/>
/// are then "" here (a sort key every store can hold), and null to clients.
/// </summary>
public sealed record Contact
{
    public required string Id { get; init; }
    public required string Owner { get; init; }
    public required string Name { get; init; }
    /// <summary>The first email's address, "" when there is none.</summary>
    public required string Email { get; init; }
    /// <summary>
    /// The emails as stored. Empty for a contact whose one email was stored before contacts had several (or
    /// whose <see cref="Email"/> was set alone): <see cref="ListedEmails"/> then lists it.
    /// </summary>
    public IReadOnlyList<ContactEmail> Emails { get; init; } = [];
    /// <summary>The first entry is the contact's <c>phone</c>; empty only for a contact that came from a card without one.</summary>
    public required IReadOnlyList<Phone> Phones { get; init; }
    public bool Favorite { get; init; }
    public string? Organization { get; init; }
    public string? Title { get; init; }
    /// <summary><c>YYYY-MM-DD</c>, or <c>--MM-DD</c> without a year.</summary>
    public string? Birthday { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<ContactAddress> Addresses { get; init; } = [];
    /// <summary>The UID of the card it came from; null for a contact made here (its card's UID is then its id).</summary>
    public string? Uid { get; init; }
    /// <summary>
    /// The card's other properties, each as its content line (<see cref="Vcards.VcardProperty.ToString"/>), written
    /// out again as they came: nicknames, URLs, X- properties, Apple's labels.
    /// </summary>
    public IReadOnlyList<string> Kept { get; init; } = [];
    /// <summary>A fingerprint of the photo's bytes (<see cref="ContactPhoto.TagOf"/>), null without one; the bytes are stored apart.</summary>
    public string? PhotoTag { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }

    public string Phone => Phones.Count > 0 ? Phones[0].Number : "";

    // Derived, so not written where a contact is serialised whole (a data move's dump).
    [JsonIgnore] public bool HasPhoto => PhotoTag is not null;

    /// <summary>
    /// The emails as clients and cards see them: <see cref="Emails"/>, or the one <see cref="Email"/> stored
    /// without a list, as an entry with the contact's own id (unique within it, and the same on every read and
    /// in both stores) and the label <see cref="ContactEmail.DefaultLabel"/>.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ContactEmail> ListedEmails =>
        Emails.Count > 0 || Email.Length == 0 ? Emails : [new ContactEmail(Id, Email, ContactEmail.DefaultLabel)];

    /// <summary>
    /// <see cref="Emails"/> in step with <see cref="Email"/>, which a change may have set alone: the first
    /// entry takes its address. Every store writes a contact through this.
    /// </summary>
    public Contact WithEmailsInStep() =>
        Emails.Count == 0 || Emails[0].Address == Email ? this
        : Email.Length == 0 ? this with { Email = Emails[0].Address }
        : this with { Emails = [Emails[0] with { Address = Email }, .. Emails.Skip(1)] };
}

public sealed record Phone(string Id, string Number, string Label)
{
    public const string DefaultLabel = "mobile";

    /// <summary>The digits of a number, which phone search compares, so punctuation never matters.</summary>
    public static string Digits(string number) => string.Concat(number.Where(char.IsAsciiDigit));
}

public sealed record ContactEmail(string Id, string Address, string Label)
{
    /// <summary>
    /// The label of an address given alone (<c>email</c>), and of every email stored before contacts had
    /// several: nothing says whose it is, and "other" is what a card writes as a plain internet address.
    /// </summary>
    public const string DefaultLabel = "other";
}

public sealed record ContactAddress(string Id, string Label, string Street, string City, string Region, string Postcode, string Country);
