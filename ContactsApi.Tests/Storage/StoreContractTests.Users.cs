using System.Text.RegularExpressions;
using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Users;

namespace ContactsApi.Tests.Storage;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task A_user_is_found_by_id_and_by_email_in_any_case()
    {
        var user = await AddUserAsync();

        Assert.Equal(user, await Users.FindByIdAsync(user.Id));
        Assert.Equal(user, await Users.FindByEmailAsync(user.Email.ToUpperInvariant()));
        Assert.Null(await Users.FindByIdAsync(ObjectIds.New()));
        Assert.Null(await Users.FindByEmailAsync("nobody-" + user.Email));
    }

    [StoreFact]
    public async Task An_email_taken_in_another_case_is_refused_on_add()
    {
        var user = await AddUserAsync();

        Assert.Equal(UserWrite.EmailInUse, await Users.AddAsync(NewUser(user.Email.ToUpperInvariant())));
        Assert.Equal(UserWrite.EmailInUse, await Users.AddAsync(NewUser(user.Email)));
    }

    [StoreFact]
    public async Task An_update_changes_the_user_and_returns_it_as_written()
    {
        var user = await AddUserAsync();
        var expected = user with { Name = "Renamed", Subscription = "pro", IsAdmin = true, IsActive = false, UpdatedAt = T0.AddDays(1) };

        var (result, written) = await Users.UpdateAsync(user.Id, u => u with
        {
            Name = "Renamed", Subscription = "pro", IsAdmin = true, IsActive = false, UpdatedAt = T0.AddDays(1),
        });

        Assert.Equal((UserWrite.Done, expected), (result, written));
        Assert.Equal(expected, await Users.FindByIdAsync(user.Id));
    }

    [StoreFact]
    public async Task An_update_keeps_the_id_and_creation_time_and_stores_the_email_lower_cased()
    {
        var user = await AddUserAsync();
        var email = "Changed-" + user.Email.ToUpperInvariant();

        var (result, written) = await Users.UpdateAsync(user.Id, u => u with { Id = ObjectIds.New(), Email = email, CreatedAt = T0.AddYears(1) });

        var expected = user with { Email = email.ToLowerInvariant() };
        Assert.Equal((UserWrite.Done, expected), (result, written));
        Assert.Equal(expected, await Users.FindByIdAsync(user.Id));
        Assert.Equal(expected, await Users.FindByEmailAsync(email));
    }

    [StoreFact]
    public async Task An_update_to_an_email_taken_in_another_case_is_refused_and_writes_nothing()
    {
        var taken = await AddUserAsync();
        var user = await AddUserAsync();

        var refused = await Users.UpdateAsync(user.Id, u => u with { Email = taken.Email.ToUpperInvariant(), Name = "Renamed" });

        Assert.Equal((UserWrite.EmailInUse, (User?)null), refused);
        Assert.Equal(user, await Users.FindByIdAsync(user.Id));
        Assert.Equal(taken, await Users.FindByEmailAsync(taken.Email));
    }

    [StoreFact]
    public async Task An_update_of_an_unknown_user_is_not_found_and_never_runs_the_change()
    {
        var ran = false;
        Func<User, User> change = u => { ran = true; return u; };

        Assert.Equal((UserWrite.NotFound, (User?)null), await Users.UpdateAsync(ObjectIds.New(), change));
        Assert.Equal((UserWrite.NotFound, (User?)null), await Users.UpdateAsync("not-an-id", change));
        Assert.False(ran);
    }

    [StoreFact]
    public async Task A_user_change_that_throws_writes_nothing()
    {
        var user = await AddUserAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Users.UpdateAsync(user.Id, u =>
            u.IsActive ? throw new InvalidOperationException("refused") : u with { Name = "Renamed" }));

        Assert.Equal("refused", refused.Message);
        Assert.Equal(user, await Users.FindByIdAsync(user.Id));
    }

    [StoreFact]
    public async Task Concurrent_updates_each_apply_to_what_the_others_wrote()
    {
        var user = await AddUserAsync();

        var writes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Users.UpdateAsync(user.Id, u => u with { Name = $"{u.Name}[{i}]", UpdatedAt = u.UpdatedAt.AddSeconds(1) }))));

        Assert.All(writes, w => Assert.Equal(UserWrite.Done, w.Result));
        var stored = (await Users.FindByIdAsync(user.Id))!;
        Assert.Equal(T0.AddSeconds(20), stored.UpdatedAt);
        Assert.Equal(Enumerable.Range(0, 20),
            Regex.Matches(stored.Name, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value)).Order());
    }

    [StoreFact]
    public async Task A_change_computed_from_the_stored_user_keeps_a_deactivation_and_password_written_after_an_earlier_read()
    {
        // What a subscription change does when an admin deactivates the user and sets a new password
        // between the request's read of the user and its write.
        var user = await AddUserAsync();
        var readByTheRequest = (await Users.FindByIdAsync(user.Id))!;
        await Users.UpdateAsync(user.Id, u => u with { IsActive = false, PasswordHash = "hash-set-by-the-admin" });

        var (result, written) = await Users.UpdateAsync(readByTheRequest.Id, u => u with { Subscription = "pro", UpdatedAt = T0.AddDays(1) });

        var expected = user with { IsActive = false, PasswordHash = "hash-set-by-the-admin", Subscription = "pro", UpdatedAt = T0.AddDays(1) };
        Assert.Equal((UserWrite.Done, expected), (result, written));
        Assert.Equal(expected, await Users.FindByIdAsync(user.Id));
    }

    [StoreFact]
    public async Task Failed_logins_count_up_to_a_lockout_that_restarts_the_count_and_a_reset_clears_both()
    {
        var user = await AddUserAsync();
        var until = T0.AddMinutes(5);

        for (var i = 0; i < 4; i++) await Users.RecordFailedLoginAsync(user.Id, 5, until);
        Assert.Equal((4, (DateTime?)null), Lockout(await Users.FindByIdAsync(user.Id)));
        await Users.RecordFailedLoginAsync(user.Id, 5, until);
        Assert.Equal((0, (DateTime?)until), Lockout(await Users.FindByIdAsync(user.Id)));

        await Users.RecordFailedLoginAsync(user.Id, 5, until.AddMinutes(1));
        Assert.Equal((1, (DateTime?)until), Lockout(await Users.FindByIdAsync(user.Id)));
        await Users.ResetFailedLoginsAsync(user.Id);
        Assert.Equal((0, (DateTime?)null), Lockout(await Users.FindByIdAsync(user.Id)));
    }

    [StoreFact]
    public async Task Concurrent_failed_logins_all_count_and_an_update_never_writes_the_lockout_fields()
    {
        var user = await AddUserAsync();
        var until = T0.AddMinutes(5);
        await Users.RecordFailedLoginAsync(user.Id, 2, until);
        await Users.RecordFailedLoginAsync(user.Id, 2, until);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Users.RecordFailedLoginAsync(user.Id, 100, T0))
            .Append(Users.UpdateAsync(user.Id, u => u with { Name = "Renamed" })));
        var (_, written) = await Users.UpdateAsync(user.Id, u => u with { FailedLogins = 0, LockoutEnd = null });

        var stored = await Users.FindByIdAsync(user.Id);
        Assert.Equal("Renamed", stored!.Name);
        Assert.Equal((12, (DateTime?)until), Lockout(stored));
        Assert.Equal((12, (DateTime?)until), Lockout(written));
    }

    private static (int Count, DateTime? End) Lockout(User? user) => (user!.FailedLogins, user.LockoutEnd);

    [StoreFact]
    public async Task Users_list_by_creation_then_id_with_the_total()
    {
        // Far in the future, so these come after every other test's users; two share a time.
        var late = T0.AddYears(50);
        var mine = new[] { await AddUserAsync(createdAt: late.AddSeconds(2)), await AddUserAsync(createdAt: late),
            await AddUserAsync(createdAt: late) };
        var expected = mine.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id, StringComparer.Ordinal).Select(u => u.Id);

        var all = new List<User>();
        long total = 0;
        for (var skip = 0; ; skip += 2)
        {
            var (page, count) = await Users.ListAsync(skip, 2);
            all.AddRange(page);
            total = count;
            if (page.Count < 2) break;
        }

        Assert.Equal(total, all.Count);
        Assert.Equal(expected, all.Where(u => mine.Any(m => m.Id == u.Id)).Select(u => u.Id));
        Assert.Equal(mine.Select(u => u.Id).Order(), all.TakeLast(3).Select(u => u.Id).Order());
    }

    [StoreFact]
    public async Task Deleting_a_user_removes_their_sessions_and_contacts_and_nobody_else_s()
    {
        var user = await AddUserAsync();
        var other = await AddUserAsync();
        var session = new Session(ObjectIds.New(), user.Id, T0, T0.AddDays(1));
        var otherSession = new Session(ObjectIds.New(), other.Id, T0, T0.AddDays(1));
        Assert.True(await Sessions.AddAsync(session, user.PasswordHash));
        Assert.True(await Sessions.AddAsync(otherSession, other.PasswordHash));
        var contact = await AddContactAsync(NewContact(user.Id));
        var otherContact = await AddContactAsync(NewContact(other.Id));

        Assert.True(await Users.DeleteAsync(user.Id));

        Assert.Null(await Users.FindByIdAsync(user.Id));
        Assert.Null(await Sessions.FindLiveUserAsync(session.Id, user.Id, T0));
        Assert.Null(await Contacts.FindAsync(user.Id, contact.Id));
        Assert.Empty(await Contacts.StreamByOwnersAsync([user.Id]).ToListAsync());
        Assert.False(await Users.DeleteAsync(user.Id));
        Assert.Equal(other, await Sessions.FindLiveUserAsync(otherSession.Id, other.Id, T0));
        Assert.Equal(Json(otherContact), Json(await Contacts.FindAsync(other.Id, otherContact.Id)));
        // The email is free again.
        Assert.Equal(UserWrite.Done, await Users.AddAsync(NewUser(user.Email)));
    }

    [StoreFact]
    public async Task Ids_that_are_not_object_ids_are_simply_not_found()
    {
        var user = await AddUserAsync();

        Assert.Null(await Users.FindByIdAsync("not-an-id"));
        Assert.False(await Users.DeleteAsync("not-an-id"));
        Assert.Null(await Contacts.FindAsync(user.Id, "not-an-id"));
        Assert.Same(Refusal.NotFound, (await Contacts.UpdateAsync(user.Id, "not-an-id", c => c)).Refusal);
        Assert.Same(Refusal.NotFound, await Contacts.DeleteAsync(user.Id, "not-an-id", T0));
        Assert.Null(await Sessions.FindLiveUserAsync("not-an-id", user.Id, T0));
    }
}
