namespace ContactsApi.Vcards;

/// <summary>
/// A card as a contact holds it: the structured fields the JSON API shows and edits, and
/// <see cref="Kept"/>, the card's other properties. <see cref="From"/> reads a card into this
/// shape; <see cref="ToCard"/> writes it back, each field as the property it came from while the
/// field is unchanged (so nothing about it is lost), as a new property once it is edited.
/// </summary>
public sealed record CardFields
{
    /// <summary>FN; without one, N's name, else the organization, the first email, the first number.</summary>
    public string? Name { get; init; }
    public IReadOnlyList<CardPhone> Phones { get; init; } = [];
    public IReadOnlyList<CardEmail> Emails { get; init; } = [];
    public IReadOnlyList<CardAddress> Addresses { get; init; } = [];
    /// <summary>ORG's non-empty components joined by ", ".</summary>
    public string? Organization { get; init; }
    public string? Title { get; init; }
    /// <summary><c>YYYY-MM-DD</c> or <c>--MM-DD</c>.</summary>
    public string? Birthday { get; init; }
    public string? Notes { get; init; }
    /// <summary>An inline photo; a link to one is a kept property.</summary>
    public VcardPhoto? Photo { get; init; }
    public string? Uid { get; init; }

    /// <summary>
    /// The properties to write again as they came: every property the fields above don't cover
    /// (NICKNAME, URL, IMPP, X-…, X-ABLabel, …), and those a field covers but can't say whole
    /// (a TEL with PREF, a grouped one, N when it isn't just the name split in two). A property
    /// a field says exactly is not here; it is written anew from the field.
    /// </summary>
    public IReadOnlyList<VcardProperty> Kept { get; init; } = [];

    public static CardFields From(VcardCard card) => CardMapping.Read(card);

    public VcardCard ToCard() => CardMapping.Write(this);

    /// <summary>Field by field, list by list; what an import compares to call a card unchanged.</summary>
    public bool SameAs(CardFields other) =>
        Name == other.Name && Organization == other.Organization && Title == other.Title && Birthday == other.Birthday
        && Notes == other.Notes && Uid == other.Uid && Equals(Photo, other.Photo)
        && Phones.SequenceEqual(other.Phones) && Emails.SequenceEqual(other.Emails)
        && Addresses.SequenceEqual(other.Addresses) && Kept.SequenceEqual(other.Kept);
}
