using ContactsApi.AppPasswords;
using ContactsApi.Common;

namespace ContactsApi.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static AppPassword NewAppPassword(string userId, string name = "Phone", DateTime? createdAt = null) =>
        new(ObjectIds.New(), userId, name, "hash-" + Guid.NewGuid().ToString("N"), createdAt ?? T0);

    [StoreFact]
    public async Task App_passwords_are_listed_oldest_first_to_their_user_only()
    {
        var user = await AddUserAsync();
        var other = await AddUserAsync();
        var later = NewAppPassword(user.Id, "Laptop", T0.AddMinutes(1));
        var first = NewAppPassword(user.Id, "Phone");
        Assert.True(await AppPasswords.AddAsync(later, 10));
        Assert.True(await AppPasswords.AddAsync(first, 10));
        Assert.True(await AppPasswords.AddAsync(NewAppPassword(other.Id), 10));

        Assert.Equal([first, later], await AppPasswords.ListAsync(user.Id));
    }

    [StoreFact]
    public async Task An_app_password_past_the_bound_is_not_added()
    {
        var user = await AddUserAsync();
        Assert.True(await AppPasswords.AddAsync(NewAppPassword(user.Id), 2));
        Assert.True(await AppPasswords.AddAsync(NewAppPassword(user.Id), 2));

        Assert.False(await AppPasswords.AddAsync(NewAppPassword(user.Id, "Third"), 2));

        Assert.Equal(2, (await AppPasswords.ListAsync(user.Id)).Count);
    }

    [StoreFact]
    public async Task An_app_password_is_deleted_by_its_user_only()
    {
        var user = await AddUserAsync();
        var other = await AddUserAsync();
        var password = NewAppPassword(user.Id);
        Assert.True(await AppPasswords.AddAsync(password, 10));

        Assert.False(await AppPasswords.DeleteAsync(other.Id, password.Id));
        Assert.Single(await AppPasswords.ListAsync(user.Id));
        Assert.True(await AppPasswords.DeleteAsync(user.Id, password.Id));
        Assert.Empty(await AppPasswords.ListAsync(user.Id));
        Assert.False(await AppPasswords.DeleteAsync(user.Id, password.Id));
    }

    [StoreFact]
    public async Task Deleting_a_user_deletes_their_app_passwords()
    {
        var user = await AddUserAsync();
        Assert.True(await AppPasswords.AddAsync(NewAppPassword(user.Id), 10));

        Assert.True(await Users.DeleteAsync(user.Id));

        Assert.Empty(await AppPasswords.ListAsync(user.Id));
    }
}
