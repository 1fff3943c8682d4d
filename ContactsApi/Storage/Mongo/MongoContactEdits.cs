using ContactsApi.Common;
using ContactsApi.Contacts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace ContactsApi.Storage.Mongo;

/// <summary>
/// Each <see cref="ContactEdit"/> as one server-side write: a guard that holds the edit's rule (fewer
/// than 20 phones, the phone exists, more than one is left) and the update, so the server checks and
/// writes in one step and concurrent edits never overwrite each other. The stored copies kept for
/// searching (folded name and email, <c>phone</c>, <c>phoneDigits</c>) change in the
/// same write. Every edit raises <c>version</c>, which the general read-change-write path compares, and
/// removes the stored entity tag, which the server can't compute: the next read computes it.
/// </summary>
internal static class MongoContactEdits
{
    private static readonly FilterDefinitionBuilder<ContactDocument> Filter = Builders<ContactDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ContactDocument> Update = Builders<ContactDocument>.Update;

    /// <summary>
    /// Whether the edit needs the stored contact to be written: a first email or number set alone (its place
    /// may hold no entry yet, which <c>$set</c> on <c>phones.0</c> would fill with half an entry) and a card
    /// written over a contact (the ids of entries it keeps). Those go through the read-change-write path.
    /// </summary>
    public static bool NeedsTheStoredContact(ContactEdit edit) =>
        edit is ContactEdit.SetFields { ChangesAFirstEntry: true } or ContactEdit.FromCard;

    /// <summary>Matches no document: the guard of an edit naming a phone id that no phone can have.</summary>
    private static readonly FilterDefinition<ContactDocument> Nothing = new BsonDocument("$expr", false);

    public static (FilterDefinition<ContactDocument> Guard, UpdateDefinition<ContactDocument> Update) Of(ContactEdit edit) => edit switch
    {
        ContactEdit.SetFields { ChangesAFirstEntry: false } fields => (Filter.Empty, SetFields(fields)),
        ContactEdit.AddPhone add => (Filter.SizeLt(c => c.Phones, PhoneRules.MaxPhones),
            Update.Push(c => c.Phones, PhoneDocument.From(add.Phone)).Push(c => c.PhoneDigits, Phone.Digits(add.Phone.Number))
                .Set(c => c.UpdatedAt, add.Now).Inc(c => c.Version, 1L).Unset(c => c.ETag)),
        ContactEdit.EditPhone change => (HasPhone(change.PhoneId), PhonesRewritten(change.Now,
            new BsonDocument("$map", new BsonDocument
            {
                { "input", "$phones" },
                { "as", "p" },
                { "in", new BsonDocument("$cond", new BsonArray
                    {
                        IsPhone(change.PhoneId),
                        new BsonDocument("$mergeObjects", new BsonArray { "$$p", Replacement(change) }),
                        "$$p",
                    }) },
            }))),
        ContactEdit.RemovePhone remove => (HasPhone(remove.PhoneId) & Filter.SizeGt(c => c.Phones, 1), PhonesRewritten(remove.Now,
            new BsonDocument("$filter", new BsonDocument
            {
                { "input", "$phones" },
                { "as", "p" },
                { "cond", new BsonDocument("$not", new BsonArray { IsPhone(remove.PhoneId) }) },
            }))),
        _ => throw new ArgumentOutOfRangeException(nameof(edit), edit.GetType().Name, "No MongoDB update for this edit"),
    };

    /// <summary><c>$set</c> of the fields the edit names, with their stored copies.</summary>
    private static UpdateDefinition<ContactDocument> SetFields(ContactEdit.SetFields edit)
    {
        var update = Update.Set(c => c.UpdatedAt, edit.Now).Inc(c => c.Version, 1L).Unset(c => c.ETag);
        if (edit.Name is { } name) update = update.Set(c => c.Name, name).Set(c => c.NameLower, SearchText.Fold(name));
        if (edit.Favorite is { } favorite) update = update.Set(c => c.Favorite, favorite);
        if (edit.Phones is { } phones)
            update = update.Set(c => c.Phones, phones.Select(PhoneDocument.From).ToList()).Set(c => c.Phone, phones[0].Number)
                .Set(c => c.PhoneDigits, phones.Select(p => Phone.Digits(p.Number)).ToList());
        if (edit.Emails is { } emails)
            update = update.Set(c => c.Emails, emails.Select(EmailDocument.From).ToList()).Set(c => c.Email, emails[0].Address)
                .Set(c => c.EmailLower, SearchText.Fold(emails[0].Address));
        if (edit.Organization is { } organization) update = update.Set(c => c.Organization, ContactChanges.Stored(organization));
        if (edit.Title is { } title) update = update.Set(c => c.Title, ContactChanges.Stored(title));
        if (edit.Birthday is { } birthday) update = update.Set(c => c.Birthday, ContactChanges.Stored(birthday));
        if (edit.Notes is { } notes) update = update.Set(c => c.Notes, ContactChanges.Stored(notes));
        if (edit.Addresses is { } addresses) update = update.Set(c => c.Addresses, addresses.Select(AddressDocument.From).ToList());
        return update;
    }

    private static FilterDefinition<ContactDocument> HasPhone(string phoneId) =>
        ObjectIds.IsValid(phoneId) ? Filter.ElemMatch(c => c.Phones, p => p.Id == phoneId) : Nothing;

    private static BsonDocument IsPhone(string phoneId) =>
        new("$eq", new BsonArray { "$$p._id", ObjectIds.IsValid(phoneId) ? ObjectId.Parse(phoneId) : ObjectId.Empty });

    /// <summary>
    /// The fields the edit gives, each as <c>$literal</c>: in an aggregation expression a label such as
    /// <c>$name</c> would otherwise be read as a field path, not stored as text.
    /// </summary>
    private static BsonDocument Replacement(ContactEdit.EditPhone edit)
    {
        var fields = new BsonDocument();
        if (edit.Number is { } number) fields["number"] = new BsonDocument("$literal", number);
        if (edit.Label is { } label) fields["label"] = new BsonDocument("$literal", label);
        return fields;
    }

    /// <summary>
    /// An update pipeline: the first stage sets <c>phones</c> to <paramref name="phones"/> (an expression
    /// over the stored ones), the second derives <c>phone</c> and <c>phoneDigits</c> from the result. A
    /// <c>$pull</c> or an array filter could change the phone but not these copies, which follow the
    /// first phone and every phone's position.
    /// </summary>
    private static UpdateDefinition<ContactDocument> PhonesRewritten(DateTime now, BsonDocument phones) =>
        Update.Pipeline(PipelineDefinition<ContactDocument, ContactDocument>.Create(
            new BsonDocument("$set", new BsonDocument
            {
                { "phones", phones },
                { "updatedAt", new BsonDateTime(now) },
                { "version", new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$version", 0L }), 1L }) },
            }),
            DerivedFromPhones,
            new BsonDocument("$unset", "etag")));

    /// <summary>
    /// <c>phone</c>: the first number; <c>phoneDigits</c>: each number's ASCII digits, as
    /// <see cref="Phone.Digits"/> makes them.
    /// </summary>
    private static readonly BsonDocument DerivedFromPhones = new("$set", new BsonDocument
    {
        { "phone", new BsonDocument("$arrayElemAt", new BsonArray { "$phones.number", 0 }) },
        { "phoneDigits", new BsonDocument("$map", new BsonDocument
            {
                { "input", "$phones.number" },
                { "as", "n" },
                { "in", new BsonDocument("$reduce", new BsonDocument
                    {
                        { "input", new BsonDocument("$regexFindAll", new BsonDocument { { "input", "$$n" }, { "regex", "[0-9]" } }) },
                        { "initialValue", "" },
                        { "in", new BsonDocument("$concat", new BsonArray { "$$value", "$$this.match" }) },
                    }) },
            }) },
    });
}
