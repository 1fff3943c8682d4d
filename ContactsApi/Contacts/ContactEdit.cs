using ContactsApi.Common;

namespace ContactsApi.Contacts;

/// <summary>
/// A change a request makes to one contact, held as data rather than as a function, so that a store
/// can write it as one server-side update (MongoDB: <c>$set</c>, a guarded <c>$push</c>, …) instead of
/// reading the contact, changing it and writing it back. <see cref="ApplyTo"/> is the same change made
/// to a contact in memory: a store with one writer applies it inside its write, and a store whose
/// guarded update matched nothing applies it to the contact it reads, to learn the refusal (the
/// contract's status and message) of the rule that stopped the update. A refused edit writes nothing.
/// </summary>
public abstract record ContactEdit(DateTime Now)
{
    public abstract Outcome<Contact> ApplyTo(Contact contact);

    /// <summary>
    /// The named fields (PUT, and the favorite flag); null leaves a field as it is. The text fields hold
    /// their stored value, "" for a field the request clears.
    /// </summary>
    public sealed record SetFields(DateTime Now) : ContactEdit(Now)
    {
        public string? Name { get; init; }
        /// <summary>The first email's new address, its id and label kept; only when <see cref="Emails"/> is null.</summary>
        public string? Email { get; init; }
        public bool? Favorite { get; init; }
        /// <summary>Replaces every number.</summary>
        public IReadOnlyList<Phone>? Phones { get; init; }
        /// <summary>The first phone's new number, its id and label kept (a new entry when there is none); only when <see cref="Phones"/> is null.</summary>
        public string? FirstNumber { get; init; }
        /// <summary>Replaces every email.</summary>
        public IReadOnlyList<ContactEmail>? Emails { get; init; }
        public string? Organization { get; init; }
        public string? Title { get; init; }
        public string? Birthday { get; init; }
        public string? Notes { get; init; }
        /// <summary>Replaces every address.</summary>
        public IReadOnlyList<ContactAddress>? Addresses { get; init; }

        public static SetFields From(UpdateContactRequest request, DateTime now) => new(now)
        {
            Name = request.Name?.Trim(),
            Email = request.Emails is null ? request.Email?.Trim() : null,
            Favorite = request.Favorite,
            Phones = request.Phones is not null ? ContactChanges.NewPhones(null, request.Phones) : null,
            FirstNumber = request.Phones is null ? request.Phone?.Trim() : null,
            Emails = request.Emails is not null ? ContactChanges.NewEmails(null, request.Emails) : null,
            Organization = Cleared(request.Organization),
            Title = Cleared(request.Title),
            Birthday = Cleared(request.Birthday),
            Notes = Cleared(request.Notes),
            Addresses = request.Addresses is not null ? ContactChanges.NewAddresses(request.Addresses) : null,
        };

        /// <summary>Whether the edit changes the first email or number alone, which needs the stored list to know its place.</summary>
        public bool ChangesAFirstEntry => Email is not null || FirstNumber is not null;

        public override Outcome<Contact> ApplyTo(Contact contact) => contact with
        {
            Name = Name ?? contact.Name,
            Email = Emails is { } emails ? emails[0].Address : Email ?? contact.Email,
            Emails = Emails ?? (Email is { } address && contact.Emails.Count > 0
                ? [contact.Emails[0] with { Address = address }, .. contact.Emails.Skip(1)]
                : contact.Emails),
            Favorite = Favorite ?? contact.Favorite,
            Phones = Phones ?? (FirstNumber is { } number
                ? contact.Phones.Count > 0
                    ? [contact.Phones[0] with { Number = number }, .. contact.Phones.Skip(1)]
                    : [new Phone(ObjectIds.New(), number, Phone.DefaultLabel)]
                : contact.Phones),
            Organization = Organization is null ? contact.Organization : ContactChanges.Stored(Organization),
            Title = Title is null ? contact.Title : ContactChanges.Stored(Title),
            Birthday = Birthday is null ? contact.Birthday : ContactChanges.Stored(Birthday),
            Notes = Notes is null ? contact.Notes : ContactChanges.Stored(Notes),
            Addresses = Addresses ?? contact.Addresses,
            UpdatedAt = Now,
        };

        private static string? Cleared(string? text) => text is null ? null : ContactChanges.Stored(text) ?? "";
    }

    /// <summary>
    /// What a card says, written over the contact it matched in an import: every field the card holds
    /// (entries that stay as they were keep their ids), the card's UID unless it had none, its kept
    /// properties and its photo. The favorite flag is the service's own and stays.
    /// </summary>
    public sealed record FromCard(Contact Card, DateTime Now) : ContactEdit(Now)
    {
        public override Outcome<Contact> ApplyTo(Contact contact) => contact with
        {
            Name = Card.Name,
            Email = Card.Email,
            Emails = KeepIds(contact.ListedEmails, Card.Emails, e => e with { Id = "" }, e => e.Id, (e, id) => e with { Id = id }),
            Phones = KeepIds(contact.Phones, Card.Phones, p => p with { Id = "" }, p => p.Id, (p, id) => p with { Id = id }),
            Organization = Card.Organization,
            Title = Card.Title,
            Birthday = Card.Birthday,
            Notes = Card.Notes,
            Addresses = KeepIds(contact.Addresses, Card.Addresses, a => a with { Id = "" }, a => a.Id, (a, id) => a with { Id = id }),
            // A card without a UID, or with the contact's own id as its UID (the service's export), leaves it as it was.
            Uid = Card.Uid is null || Card.Uid == contact.Id ? contact.Uid : Card.Uid,
            Kept = Card.Kept,
            PhotoTag = Card.PhotoTag,
            UpdatedAt = Now,
        };

        /// <summary>The given entries, each equal to a stored one (<paramref name="withoutId"/> compares them) taking that one's id.</summary>
        private static T[] KeepIds<T>(IReadOnlyList<T> stored, IReadOnlyList<T> given, Func<T, T> withoutId, Func<T, string> idOf,
            Func<T, string, T> withId) where T : notnull
        {
            var free = stored.GroupBy(withoutId).ToDictionary(g => g.Key, g => new Queue<T>(g));
            return given.Select(entry => free.TryGetValue(withoutId(entry), out var same) && same.TryDequeue(out var old)
                ? withId(entry, idOf(old)) : entry).ToArray();
        }
    }

    /// <summary>One more number, while the contact has fewer than <see cref="PhoneRules.MaxPhones"/>.</summary>
    public sealed record AddPhone(Phone Phone, DateTime Now) : ContactEdit(Now)
    {
        public override Outcome<Contact> ApplyTo(Contact contact) =>
            contact.Phones.Count < PhoneRules.MaxPhones
                ? contact with { Phones = [.. contact.Phones, Phone], UpdatedAt = Now }
                : Refusal.BadRequest($"A contact can have at most {PhoneRules.MaxPhones} phones");
    }

    /// <summary>One number's new number and/or label; 404 when the contact has no such phone.</summary>
    public sealed record EditPhone(string PhoneId, string? Number, string? Label, DateTime Now) : ContactEdit(Now)
    {
        public override Outcome<Contact> ApplyTo(Contact contact) => contact.Phones.Any(p => p.Id == PhoneId)
            ? contact with
            {
                Phones = contact.Phones.Select(p => p.Id != PhoneId ? p : p with
                {
                    Number = Number ?? p.Number,
                    Label = Label ?? p.Label,
                }).ToArray(),
                UpdatedAt = Now,
            }
            : Refusal.NotFound;
    }

    /// <summary>One number less; 404 when the contact has no such phone, 400 for its last one.</summary>
    public sealed record RemovePhone(string PhoneId, DateTime Now) : ContactEdit(Now)
    {
        public override Outcome<Contact> ApplyTo(Contact contact) =>
            !contact.Phones.Any(p => p.Id == PhoneId) ? Refusal.NotFound
            : contact.Phones.Count > 1 ? contact with { Phones = contact.Phones.Where(p => p.Id != PhoneId).ToArray(), UpdatedAt = Now }
            : Refusal.BadRequest("A contact must keep at least one phone");
    }
}
