using System.Text.Json;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Users;

namespace ContactsApi.DataMove;

/// <summary>
/// Loads a dump into the configured store with the ids it had. The file is read twice: first to
/// check all of it, so a damaged file writes nothing; then to write. A record whose id the store
/// already holds is skipped, so a second run after a stop picks up where the first ended. A user
/// whose email belongs to a different user in the store stops the import with an error. A photo is
/// written whenever its contact is in the store, so a run stopped between a contact and its photo is
/// completed by the next.
/// </summary>
public sealed class DataImport(IUserRepository users, IContactRepository contacts, TextWriter progress)
{
    private const int ReportEvery = 10_000;

    public async Task<MoveCounts> ImportAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path)) throw new DataMoveException($"{path} does not exist.");
        await CheckAsync(path, ct);

        long added = 0, addedContacts = 0, skipped = 0, skippedContacts = 0, seen = 0;
        await foreach (var record in ReadAsync(path, ct))
        {
            if (record.User is { } user)
            {
                if (await users.FindByIdAsync(user.Id, ct) is not null) skipped++;
                else if (await users.AddAsync(user, ct) == UserWrite.EmailInUse)
                    throw new DataMoveException(
                        $"User {user.Id}: the email {user.Email} belongs to another user in this store. " +
                        "Records before it were imported; a re-run skips them.");
                else added++;
            }
            else if (record.Contact is { } contact)
            {
                if (await contacts.FindAsync(contact.Owner, contact.Id, ct) is not null) skippedContacts++;
                else
                {
                    // The store holds each user to Limits:ContactsPerUser, imports too.
                    if (await contacts.AddAsync(contact, ct) is { } full)
                        throw new DataMoveException(
                            $"Contact {contact.Id} of user {contact.Owner}: past this store's limit ({full.Message}; Limits:ContactsPerUser). " +
                            "Raise it for the import (e.g. --Limits:ContactsPerUser=200000). Records before it were imported; a re-run skips them.");
                    addedContacts++;
                }
            }
            else if (record.Photo is { } photo)
                await contacts.PutPhotoAsync(photo.Owner, photo.ContactId, new ContactPhoto(photo.MediaType, photo.Data), ct);
            if (++seen % ReportEvery == 0) progress.WriteLine($"import: {seen} records");
        }
        progress.WriteLine($"import: added {added} users and {addedContacts} contacts; " +
                           $"skipped {skipped} users and {skippedContacts} contacts already in the store");
        return new MoveCounts(added, addedContacts, skipped, skippedContacts);
    }

    /// <summary>Reads the whole file once and throws at the first thing that is wrong, naming it.</summary>
    private static async Task CheckAsync(string path, CancellationToken ct)
    {
        var owners = new HashSet<string>();
        string? lastContact = null;
        var index = 0;
        await foreach (var record in ReadAsync(path, ct))
        {
            var problem = index == 0 ? HeaderProblem(record) : RecordProblem(record, owners, lastContact);
            if (problem is not null) throw new DataMoveException($"{path} is not a valid dump: record {index}: {problem}.");
            if (record.User is { } user) owners.Add(user.Id);
            lastContact = record.Contact?.Id;
            index++;
        }
        if (index == 0) throw new DataMoveException($"{path} is not a valid dump: it holds no header.");
    }

    private static string? HeaderProblem(DumpRecord record) =>
        record.Format != DumpRecord.FormatName ? $"the first record must be the header {{\"format\":\"{DumpRecord.FormatName}\"}}"
        : record.Version != DumpRecord.CurrentVersion ? $"version {record.Version} is not one this release reads ({DumpRecord.CurrentVersion})"
        : null;

    private static string? RecordProblem(DumpRecord record, HashSet<string> owners, string? lastContact) => record switch
    {
        { Photo: not null, User: not null } or { Photo: not null, Contact: not null } => "it must hold exactly one of user, contact or photo",
        { Photo: { } p } when p.ContactId != lastContact => $"the photo of contact {p.ContactId} does not follow its contact",
        { Photo: not null } => null,
        { User: not null, Contact: not null } or { User: null, Contact: null } => "it must hold exactly one of user or contact",
        { User: { } u } when !ObjectIds.IsValid(u.Id) => $"user id \"{u.Id}\" is not an ObjectId",
        { User: { } u } when !EmailAddress.IsValid(u.Email) => $"user {u.Id} has no valid email",
        { Contact: { } c } when !ObjectIds.IsValid(c.Id) => $"contact id \"{c.Id}\" is not an ObjectId",
        { Contact: { } c } when !owners.Contains(c.Owner) => $"contact {c.Id} belongs to {c.Owner}, a user not listed before it",
        { Contact: { } c } when c.Phones.Any(p => !ObjectIds.IsValid(p.Id) || p.Number is null || p.Label is null) =>
            $"contact {c.Id} has a phone without an ObjectId, number or label",
        _ => null,
    };

    private static async IAsyncEnumerable<DumpRecord> ReadAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        var records = JsonSerializer.DeserializeAsyncEnumerable<DumpRecord>(file, DumpRecord.Json, ct);
        await using var e = records.GetAsyncEnumerator(ct);
        while (true)
        {
            DumpRecord? record;
            try
            {
                if (!await e.MoveNextAsync()) yield break;
                record = e.Current;
            }
            catch (JsonException error)
            {
                throw new DataMoveException($"{path} is not a valid dump: {error.Message}", error);
            }
            yield return record ?? throw new DataMoveException($"{path} is not a valid dump: it holds a null record.");
        }
    }
}
