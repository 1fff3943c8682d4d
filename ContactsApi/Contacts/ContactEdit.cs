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

    /// <summary>The named fields (PUT, and the favorite flag); null leaves a field as it is.</summary>
    public sealed record SetFields(DateTime Now) : ContactEdit(Now)
    {
        public string? Name { get; init; }
        public string? Email { get; init; }
        public bool? Favorite { get; init; }
        /// <summary>Replaces every number.</summary>
        public IReadOnlyList<Phone>? Phones { get; init; }
        /// <summary>The first phone's new number, its id and label kept; only when <see cref="Phones"/> is null.</summary>
        public string? FirstNumber { get; init; }

        public static SetFields From(UpdateContactRequest request, DateTime now) => new(now)
        {
            Name = request.Name?.Trim(),
            Email = request.Email?.Trim(),
            Favorite = request.Favorite,
            Phones = request.Phones is not null ? ContactChanges.NewPhones(null, request.Phones) : null,
            FirstNumber = request.Phones is null ? request.Phone?.Trim() : null,
        };

        public override Outcome<Contact> ApplyTo(Contact contact) => contact with
        {
            Name = Name ?? contact.Name,
            Email = Email ?? contact.Email,
            Favorite = Favorite ?? contact.Favorite,
            Phones = Phones ?? (FirstNumber is { } number
                ? [contact.Phones[0] with { Number = number }, .. contact.Phones.Skip(1)]
                : contact.Phones),
            UpdatedAt = Now,
        };
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
