using System.Text.Json;
using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.DataMove;
using ContactsApi.Tests.Storage;
using ContactsApi.Users;

namespace ContactsApi.Tests.DataMove;

/// <summary>Export from one real SQLite store, import into another, through the stores' repositories.</summary>
public sealed class DataMoveTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 3, 4, 5, 6, 7, 89, DateTimeKind.Utc);

    private readonly SqliteStoreFixture _source = new();
    private readonly SqliteStoreFixture _target = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("contactsapi-dump-").FullName;
    private readonly StringWriter _progress = new();

    private string DumpPath => Path.Combine(_folder, "dump.json");

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Export_then_import_carries_every_user_contact_and_phone_with_ids_kept()
    {
        var (users, contacts) = await FillSourceAsync();
        var session = new Session(ObjectIds.New(), users[0].Id, T0, T0.AddDays(1));
        Assert.True(await _source.Sessions.AddAsync(session, users[0].PasswordHash));

        var exported = await new DataExport(_source.Users, _source.Contacts, _progress).ExportAsync(DumpPath);
        var imported = await new DataImport(_target.Users, _target.Contacts, _progress).ImportAsync(DumpPath);

        Assert.Equal(new MoveCounts(3, 5), exported);
        Assert.Equal(new MoveCounts(3, 5), imported);
        Assert.Equal(Json(users.OrderBy(u => u.Id)), Json((await AllUsersAsync(_target)).OrderBy(u => u.Id)));
        Assert.Equal(Json(contacts.OrderBy(c => c.Id, StringComparer.Ordinal)), Json(await AllContactsAsync(_target)));
        Assert.Null(await _target.Sessions.FindLiveUserAsync(session.Id, users[0].Id, T0));
        Assert.Equal(users[0], await _target.Users.FindByEmailAsync(users[0].Email));
        Assert.Contains($"export: wrote 3 users and 5 contacts to {DumpPath}", _progress.ToString());
        Assert.Contains("import: added 3 users and 5 contacts; skipped 0 users and 0 contacts already in the store", _progress.ToString());
    }

    [Fact]
    public async Task Importing_into_a_store_that_holds_some_of_the_ids_skips_them()
    {
        var (users, contacts) = await FillSourceAsync();
        await new DataExport(_source.Users, _source.Contacts, _progress).ExportAsync(DumpPath);
        await _target.Users.AddAsync(users[1]);
        await _target.Contacts.AddAsync(contacts[0]);

        var imported = await new DataImport(_target.Users, _target.Contacts, _progress).ImportAsync(DumpPath);
        var again = await new DataImport(_target.Users, _target.Contacts, _progress).ImportAsync(DumpPath);

        Assert.Equal(new MoveCounts(2, 4, 1, 1), imported);
        Assert.Equal(new MoveCounts(0, 0, 3, 5), again);
        Assert.Equal(Json(contacts.OrderBy(c => c.Id, StringComparer.Ordinal)), Json(await AllContactsAsync(_target)));
    }

    [Fact]
    public async Task A_user_whose_email_belongs_to_another_user_in_the_store_stops_the_import()
    {
        var (users, _) = await FillSourceAsync();
        await new DataExport(_source.Users, _source.Contacts, _progress).ExportAsync(DumpPath);
        var holder = users[2] with { Id = ObjectIds.New() };
        await _target.Users.AddAsync(holder);

        var error = await Assert.ThrowsAsync<DataMoveException>(
            () => new DataImport(_target.Users, _target.Contacts, _progress).ImportAsync(DumpPath));

        Assert.Equal($"User {users[2].Id}: the email {users[2].Email} belongs to another user in this store. " +
                     "Records before it were imported; a re-run skips them.", error.Message);
    }

    [Fact]
    public async Task A_user_past_the_target_stores_contact_limit_stops_the_import_naming_the_setting()
    {
        using var small = new SmallLimitSqliteStoreFixture();
        var user = NewUser("many@example.com");
        Assert.Equal(UserWrite.Done, await _source.Users.AddAsync(user));
        var contacts = Enumerable.Range(0, ContactLimitContractTests.Limit + 1).Select(i => NewContact(user.Id, $"N{i}", "1")).ToList();
        foreach (var contact in contacts) await _source.Contacts.AddAsync(contact);
        await new DataExport(_source.Users, _source.Contacts, _progress).ExportAsync(DumpPath);

        var error = await Assert.ThrowsAsync<DataMoveException>(() => new DataImport(small.Users, small.Contacts, _progress).ImportAsync(DumpPath));

        // The dump holds contacts in id order, so the last made is the one past the limit.
        Assert.Equal($"Contact {contacts[^1].Id} of user {user.Id}: past this store's limit (A user can have at most 3 contacts; " +
                     "Limits:ContactsPerUser). Raise it for the import (e.g. --Limits:ContactsPerUser=200000). " +
                     "Records before it were imported; a re-run skips them.", error.Message);
        Assert.Equal(ContactLimitContractTests.Limit, (await small.Contacts.ListAsync(user.Id, new ContactQuery())).Total);
    }

    [Theory]
    [InlineData("x", "'x' is an invalid start of a value.")]
    [InlineData("{}", "The JSON value could not be converted to")]
    [InlineData("[]", "it holds no header.")]
    [InlineData("""[{"format":"zip"}]""", "record 0: the first record must be the header {\"format\":\"contacts-api-dump\"}.")]
    [InlineData("""[{"format":"contacts-api-dump","version":9}]""", "record 0: version 9 is not one this release reads (1).")]
    [InlineData("""[{"format":"contacts-api-dump","version":1},{}]""", "record 1: it must hold exactly one of user or contact.")]
    [InlineData("""[{"format":"contacts-api-dump","version":1},{"user":{"id":"x"}}]""", "missing required properties including: 'email', 'passwordHash', 'avatarUrl', 'createdAt', 'updatedAt'.")]
    [InlineData("""[{"format":"contacts-api-dump","version":1},{"user":{"id":"6500000000000000000000aa","email":null,"passwordHash":"h","avatarUrl":"a","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}}]""", "The property or field 'email' on type 'ContactsApi.Users.User' doesn't allow setting null values.")]
    [InlineData("""[{"format":"contacts-api-dump","version":1},{"contact":{"id":"6500000000000000000000aa","owner":"6500000000000000000000bb","name":"n","email":"e","phones":[{"id":"6500000000000000000000cc","number":"1","label":"mobile"}],"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}}]""", "record 1: contact 6500000000000000000000aa belongs to 6500000000000000000000bb, a user not listed before it.")]
    [InlineData("""[{"format":"contacts-api-dump","version":1},{"user":{"id":"6500000000000000000000aa","email":"a@b.co","passwordHash":"h","avatarUrl":"a","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}},{"user":""", "Expected depth to be zero at the end of the JSON payload.")]
    public async Task A_damaged_file_writes_nothing_and_says_what_is_wrong(string content, string problem)
    {
        await File.WriteAllTextAsync(DumpPath, content);

        var error = await Assert.ThrowsAsync<DataMoveException>(
            () => new DataImport(_target.Users, _target.Contacts, _progress).ImportAsync(DumpPath));

        Assert.StartsWith($"{DumpPath} is not a valid dump: ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Empty((await _target.Users.ListAsync(0, 10)).Users);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var error = await Assert.ThrowsAsync<DataMoveException>(
            () => new DataImport(_target.Users, _target.Contacts, _progress).ImportAsync(DumpPath));

        Assert.Equal($"{DumpPath} does not exist.", error.Message);
    }

    [Fact]
    public async Task The_commands_move_a_store_through_a_file_with_the_usual_configuration()
    {
        var (users, contacts) = await FillSourceAsync();

        Assert.Equal(0, await DataMoveCommand.RunAsync(["export", "--out", DumpPath, $"--Storage:DataFolder={_source.DataFolder}"]));
        Assert.Equal(0, await DataMoveCommand.RunAsync(["import", "--in", DumpPath, $"--Storage:DataFolder={_target.DataFolder}"]));
        Assert.Equal(2, await DataMoveCommand.RunAsync(["import", $"--Storage:DataFolder={_target.DataFolder}"]));
        Assert.Equal(1, await DataMoveCommand.RunAsync(["import", "--in", DumpPath + ".missing", $"--Storage:DataFolder={_target.DataFolder}"]));

        Assert.Equal(Json(users.OrderBy(u => u.Id)), Json((await AllUsersAsync(_target)).OrderBy(u => u.Id)));
        Assert.Equal(Json(contacts.OrderBy(c => c.Id, StringComparer.Ordinal)), Json(await AllContactsAsync(_target)));
    }

    [Fact]
    public async Task A_contact_from_a_card_moves_whole_without_email_or_phone_and_with_its_photo()
    {
        var (users, contacts) = await FillSourceAsync();
        var card = NewContact(users[2].Id, "Card Only") with
        {
            Email = "", Organization = "Acme", Birthday = "--04-12", Uid = "urn:uuid:card", Kept = ["NICKNAME:Cardy", "X-CUSTOM;TYPE=a:b"],
            Addresses = [new ContactAddress(ObjectIds.New(), "home", "1 Main St\nFlat 2", "Kyiv", "", "01001", "Ukraine")],
        };
        await _source.Contacts.AddAsync(card);
        var photo = new ContactPhoto("image/png", [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
        Assert.True(await _source.Contacts.PutPhotoAsync(card.Owner, card.Id, photo));
        card = card with { PhotoTag = photo.Tag };

        await new DataExport(_source.Users, _source.Contacts, _progress).ExportAsync(DumpPath);
        var imported = await new DataImport(_target.Users, _target.Contacts, _progress).ImportAsync(DumpPath);

        Assert.Equal(new MoveCounts(3, 6), imported);
        Assert.Equal(Json(contacts.Append(card).OrderBy(c => c.Id, StringComparer.Ordinal)), Json(await AllContactsAsync(_target)));
        var moved = (await _target.Contacts.FindPhotoAsync(card.Owner, card.Id))!;
        Assert.Equal("image/png", moved.MediaType);
        Assert.Equal(photo.Data, moved.Data);
    }

    private async Task<(List<User> Users, List<Contact> Contacts)> FillSourceAsync()
    {
        var users = new List<User>
        {
            NewUser("ann@example.com") with { IsAdmin = true, Subscription = "business" },
            NewUser("bob@example.com") with { IsActive = false, Name = "Bob" },
            NewUser("cat@example.com") with { CreatedAt = T0.AddHours(1), UpdatedAt = T0.AddHours(2) },
        };
        foreach (var user in users) Assert.Equal(UserWrite.Done, await _source.Users.AddAsync(user));
        var contacts = new List<Contact>
        {
            NewContact(users[0].Id, "Zed", "+1 555 0100", "+44 20 7946 0958") with { Favorite = true },
            NewContact(users[0].Id, "Amy", "0300"),
            NewContact(users[1].Id, "Émile Ünal", "+33 1 23 45 67 89") with { UpdatedAt = T0.AddDays(3) },
            NewContact(users[2].Id, "Kim", "1", "2", "3"),
            NewContact(users[2].Id, "Lee", "4"),
        };
        foreach (var contact in contacts) await _source.Contacts.AddAsync(contact);
        return (users, contacts);
    }

    private static User NewUser(string email) => new()
    {
        Id = ObjectIds.New(), Email = email, Name = "", PasswordHash = "AQAAAAIAAYagAAAAE" + Guid.NewGuid().ToString("N"),
        AvatarUrl = "/avatars/default.png", CreatedAt = T0, UpdatedAt = T0,
    };

    private static Contact NewContact(string owner, string name, params string[] numbers) => new()
    {
        Id = ObjectIds.New(), Owner = owner, Name = name, Email = $"{name.ToLowerInvariant()}@example.com",
        Phones = numbers.Select((n, i) => new Phone(ObjectIds.New(), n, i == 0 ? Phone.DefaultLabel : "work")).ToArray(),
        CreatedAt = T0, UpdatedAt = T0,
    };

    private static async Task<List<User>> AllUsersAsync(StoreFixture store) => [.. (await store.Users.ListAsync(0, 100)).Users];

    private static async Task<IReadOnlyList<Contact>> AllContactsAsync(StoreFixture store) => await store.Contacts.ListAfterAsync(null, 100);

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
