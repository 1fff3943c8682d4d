using ContactsApi.Auth;
using ContactsApi.Common;
using ContactsApi.Users;

namespace ContactsApi.Tests.Storage;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task A_session_is_live_until_it_expires()
    {
        var user = await AddUserAsync();
        var session = new Session(ObjectIds.New(), user.Id, T0, T0.AddHours(1));
        Assert.True(await Sessions.AddAsync(session, user.PasswordHash));

        Assert.Equal(user, await Sessions.FindLiveUserAsync(session.Id, user.Id, T0.AddMinutes(59)));
        Assert.Null(await Sessions.FindLiveUserAsync(session.Id, user.Id, T0.AddHours(1)));
        Assert.Null(await Sessions.FindLiveUserAsync(session.Id, ObjectIds.New(), T0));
        Assert.Null(await Sessions.FindLiveUserAsync(ObjectIds.New(), user.Id, T0));
    }

    [StoreFact]
    public async Task A_revoked_session_is_not_live_and_the_user_s_others_are()
    {
        var user = await AddUserAsync();
        var revoked = new Session(ObjectIds.New(), user.Id, T0, T0.AddDays(1));
        var kept = new Session(ObjectIds.New(), user.Id, T0, T0.AddDays(1));
        Assert.True(await Sessions.AddAsync(revoked, user.PasswordHash));
        Assert.True(await Sessions.AddAsync(kept, user.PasswordHash));

        await Sessions.RevokeAsync(revoked.Id);

        Assert.Null(await Sessions.FindLiveUserAsync(revoked.Id, user.Id, T0));
        Assert.Equal(user, await Sessions.FindLiveUserAsync(kept.Id, user.Id, T0));
    }

    [StoreFact]
    public async Task Revoking_all_ends_every_session_of_that_user_only()
    {
        var user = await AddUserAsync();
        var other = await AddUserAsync();
        var sessions = Enumerable.Range(0, 3).Select(_ => new Session(ObjectIds.New(), user.Id, T0, T0.AddDays(1))).ToList();
        var otherSession = new Session(ObjectIds.New(), other.Id, T0, T0.AddDays(1));
        foreach (var session in sessions) Assert.True(await Sessions.AddAsync(session, user.PasswordHash));
        Assert.True(await Sessions.AddAsync(otherSession, other.PasswordHash));

        await Sessions.RevokeAllAsync(user.Id);

        foreach (var session in sessions) Assert.Null(await Sessions.FindLiveUserAsync(session.Id, user.Id, T0));
        Assert.Equal(other, await Sessions.FindLiveUserAsync(otherSession.Id, other.Id, T0));
    }

    [StoreFact]
    public async Task The_session_of_an_inactive_user_is_not_live()
    {
        var user = await AddUserAsync();
        var session = new Session(ObjectIds.New(), user.Id, T0, T0.AddDays(1));
        Assert.True(await Sessions.AddAsync(session, user.PasswordHash));

        Assert.Equal(UserWrite.Done, (await Users.UpdateAsync(user.Id, u => u with { IsActive = false })).Result);

        Assert.Null(await Sessions.FindLiveUserAsync(session.Id, user.Id, T0));
    }

    [StoreFact]
    public async Task A_session_is_not_added_once_the_checked_password_changed_or_the_user_was_deactivated()
    {
        var user = await AddUserAsync();
        var checkedHash = user.PasswordHash;
        // What an admin's password change writes between a login's check and its session.
        await Users.UpdateAsync(user.Id, u => u with { PasswordHash = "another hash" });
        var afterPasswordChange = new Session(ObjectIds.New(), user.Id, T0, T0.AddDays(1));

        Assert.False(await Sessions.AddAsync(afterPasswordChange, checkedHash));
        Assert.Null(await Sessions.FindLiveUserAsync(afterPasswordChange.Id, user.Id, T0));

        await Users.UpdateAsync(user.Id, u => u with { IsActive = false });
        var afterDeactivation = new Session(ObjectIds.New(), user.Id, T0, T0.AddDays(1));
        Assert.False(await Sessions.AddAsync(afterDeactivation, "another hash"));

        await Users.UpdateAsync(user.Id, u => u with { IsActive = true });
        Assert.Null(await Sessions.FindLiveUserAsync(afterDeactivation.Id, user.Id, T0));
        Assert.True(await Sessions.AddAsync(new Session(ObjectIds.New(), user.Id, T0, T0.AddDays(1)), "another hash"));
    }
}
