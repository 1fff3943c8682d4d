using System.Text.Json;
using ContactsApi.AppPasswords;
using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.History;
using ContactsApi.Users;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// What every store must do for the API to work on it; inherited once per store. Each test makes
/// its own users, so tests share a store without depending on each other.
/// </summary>
public abstract partial class StoreContractTests(StoreFixture store)
{
    protected static readonly DateTime T0 = new(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    protected IUserRepository Users => store.Users;
    protected IContactRepository Contacts => store.Contacts;
    protected ISessionRepository Sessions => store.Sessions;
    protected IContactHistory History => store.History;
    protected IAppPasswordRepository AppPasswords => store.AppPasswords;

    protected static User NewUser(string? email = null, DateTime? createdAt = null) => new()
    {
        Id = ObjectIds.New(),
        Email = email ?? $"user-{Guid.NewGuid():N}@example.com",
        Name = "Someone",
        PasswordHash = "hash-" + Guid.NewGuid().ToString("N"),
        AvatarUrl = "/avatars/default.png",
        CreatedAt = createdAt ?? T0,
        UpdatedAt = createdAt ?? T0,
    };

    protected async Task<User> AddUserAsync(string? email = null, DateTime? createdAt = null)
    {
        var user = NewUser(email, createdAt);
        Assert.Equal(UserWrite.Done, await Users.AddAsync(user));
        return user;
    }

    protected static Contact NewContact(string owner, string name = "Ann", string email = "ann@example.com",
        string phone = "+1 555 0100", bool favorite = false, DateTime? createdAt = null, DateTime? updatedAt = null,
        string? id = null, params string[] morePhones) => new()
    {
        Id = id ?? ObjectIds.New(),
        Owner = owner,
        Name = name,
        Email = email,
        Phones = [new Phone(ObjectIds.New(), phone, Phone.DefaultLabel), .. morePhones.Select(n => new Phone(ObjectIds.New(), n, "work"))],
        Favorite = favorite,
        CreatedAt = createdAt ?? T0,
        UpdatedAt = updatedAt ?? createdAt ?? T0,
    };

    protected async Task<Contact> AddContactAsync(Contact contact)
    {
        await Contacts.AddAsync(contact);
        return contact;
    }

    /// <summary>Documents compare by their JSON: records holding lists don't compare by value.</summary>
    protected static string Json(object? value) => JsonSerializer.Serialize(value);

    protected static string Ids(IEnumerable<Contact> contacts) => string.Join(",", contacts.Select(c => c.Id));
}
