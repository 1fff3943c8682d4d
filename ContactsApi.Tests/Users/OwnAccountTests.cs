using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Admin;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Users;

namespace ContactsApi.Tests.Users;

/// <summary>
/// A user's change to their own account (subscription, avatar) when an admin's change lands between the
/// request's read of the user and its write. HTTP can't place the admin's request there, so these call
/// the update the endpoints use on the running service's store, with the admin's request in between.
/// </summary>
public sealed class OwnAccountTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    [Fact]
    public async Task A_change_after_an_admin_deactivated_the_user_is_refused_and_writes_nothing()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, _) = await factory.NewUserAsync();
        var readByTheRequest = (await factory.Users.FindByIdAsync(id))!;
        await (await admin.PutAsJsonAsync($"/users/{id}", new { is_active = false })).AssertJsonAsync(HttpStatusCode.OK);

        var refused = await factory.Users.UpdateOwnAsync(readByTheRequest.Id, u => u with { Subscription = "pro" }, CancellationToken.None);

        Assert.Null(refused);
        var stored = (await factory.Users.FindByIdAsync(id))!;
        Assert.Equal((false, "starter"), (stored.IsActive, stored.Subscription));
    }

    [Fact]
    public async Task A_change_keeps_a_password_an_admin_set_after_the_request_read_the_user()
    {
        var admin = await factory.AdminClientAsync();
        var (id, email, _) = await factory.NewUserAsync();
        var readByTheRequest = (await factory.Users.FindByIdAsync(id))!;
        await (await admin.PutAsJsonAsync($"/users/{id}", new { password = AdminApiFactory.NewPassword })).AssertJsonAsync(HttpStatusCode.OK);

        var written = await factory.Users.UpdateOwnAsync(readByTheRequest.Id, u => u with { Subscription = "pro" }, CancellationToken.None);

        Assert.Equal("pro", written?.Subscription);
        var client = factory.CreateClient();
        await (await client.PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        var login = await (await client.PostAsJsonAsync("/api/users/login", new { email, password = AdminApiFactory.NewPassword }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pro", login["user"]!["subscription"]!.GetValue<string>());
    }
}
