using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Users;

namespace ContactsApi.Tests.Admin;

public sealed class UserUpdateTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    [Fact]
    public async Task An_admin_changes_name_email_subscription_and_admin_right()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, user) = await factory.NewUserAsync();
        var email = ContactsApiFactory.NewEmail("renamed");

        var body = await (await admin.PutAsJsonAsync($"/users/{id}",
            new { name = " Jan Jansen ", email = email.ToUpperInvariant(), subscription = "business", is_admin = true }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(body["success"]!.GetValue<bool>());
        var data = body["data"]!;
        Assert.Equal(id, data["_id"]!.GetValue<string>());
        Assert.Equal("Jan Jansen", data["name"]!.GetValue<string>());
        Assert.Equal(email, data["email"]!.GetValue<string>());
        Assert.Equal("business", data["subscription"]!.GetValue<string>());
        Assert.True(data["is_admin"]!.GetValue<bool>());
        Assert.True(data["is_active"]!.GetValue<bool>());
        // Sessions survive a change that is not the password or the access: the user's token still works.
        var current = await (await user.GetAsync("/api/users/current")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, current["email"]!.GetValue<string>());
        Assert.Equal("business", current["subscription"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_password_ends_all_the_users_sessions()
    {
        var admin = await factory.AdminClientAsync();
        var (id, email, phone) = await factory.NewUserAsync();
        var laptop = factory.CreateClient();
        laptop.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ContactsApiFactory.LoginAsync(laptop, email));

        await (await admin.PutAsJsonAsync($"/users/{id}", new { password = AdminApiFactory.NewPassword })).AssertJsonAsync(HttpStatusCode.OK);

        await (await phone.GetAsync("/api/users/current")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await laptop.GetAsync("/api/users/current")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await laptop.PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await laptop.PostAsJsonAsync("/api/users/login", new { email, password = AdminApiFactory.NewPassword })).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_sessions_at_once_and_stops_their_login()
    {
        var admin = await factory.AdminClientAsync();
        var (id, email, user) = await factory.NewUserAsync();

        var body = await (await admin.PutAsJsonAsync($"/users/{id}", new { is_active = false })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.False(body["data"]!["is_active"]!.GetValue<bool>());
        await (await user.GetAsync("/api/contacts")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await factory.CreateClient().PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");

        // The sessions are gone, not only hidden: reactivation lets the user log in again, not revive old tokens.
        await (await admin.PutAsJsonAsync($"/users/{id}", new { is_active = true })).AssertJsonAsync(HttpStatusCode.OK);
        await (await user.GetAsync("/api/contacts")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await factory.CreateClient().PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
            .AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deactivated_user_can_not_change_their_subscription_and_stays_inactive()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, user) = await factory.NewUserAsync();

        await (await admin.PutAsJsonAsync($"/users/{id}", new { is_active = false })).AssertJsonAsync(HttpStatusCode.OK);

        await (await user.PatchJsonAsync("/api/users", """{"subscription":"pro"}"""))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        var stored = (await factory.Users.FindByIdAsync(id))!;
        Assert.Equal((false, "starter"), (stored.IsActive, stored.Subscription));
    }

    [Fact]
    public async Task An_email_of_another_user_in_any_letter_case_is_a_conflict()
    {
        var admin = await factory.AdminClientAsync();
        var (id, email, _) = await factory.NewUserAsync();
        var (_, taken, _) = await factory.NewUserAsync();

        await (await admin.PutAsJsonAsync($"/users/{id}", new { email = taken.ToUpperInvariant() }))
            .AssertErrorAsync(HttpStatusCode.Conflict, "Email in use");

        Assert.Equal(email, (await factory.Users.FindByIdAsync(id))!.Email);
    }

    [Fact]
    public async Task Keeping_ones_own_email_is_not_a_conflict()
    {
        var admin = await factory.AdminClientAsync();
        var (id, email, _) = await factory.NewUserAsync();

        var body = await (await admin.PutAsJsonAsync($"/users/{id}", new { email = email.ToUpperInvariant() })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(email, body["data"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_right()
    {
        var admin = await factory.AdminClientAsync();
        var self = (await factory.Users.FindByEmailAsync(factory.AdminEmail))!;

        await (await admin.PutAsJsonAsync($"/users/{self.Id}", new { is_admin = false }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "An admin can't remove their own admin right");

        Assert.True((await factory.Users.FindByIdAsync(self.Id))!.IsAdmin);
        await (await admin.GetAsync("/users")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves()
    {
        var admin = await factory.AdminClientAsync();
        var self = (await factory.Users.FindByEmailAsync(factory.AdminEmail))!;

        await (await admin.PutAsJsonAsync($"/users/{self.Id}", new { name = "Me", is_active = false }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "An admin can't deactivate themselves");

        var stored = (await factory.Users.FindByIdAsync(self.Id))!;
        Assert.True(stored.IsActive);
        Assert.NotEqual("Me", stored.Name);
        await (await admin.GetAsync("/users")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_may_change_their_own_name()
    {
        var admin = await factory.AdminClientAsync();
        var self = (await factory.Users.FindByEmailAsync(factory.AdminEmail))!;

        var body = await (await admin.PutAsJsonAsync($"/users/{self.Id}", new { name = "Chief", is_admin = true, is_active = true }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Chief", body["data"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{}", "missing fields")]
    [InlineData("""{"name":""}""", "\"name\" must be 1 to 100 characters long")]
    [InlineData("""{"email":"nope"}""", "\"email\" must be a valid email")]
    [InlineData("""{"password":"weak"}""", PasswordPolicy.Message)]
    [InlineData("""{"subscription":"gold"}""", "\"subscription\" must be one of [starter, pro, business]")]
    [InlineData("""{"is_active":"no"}""", "\"is_active\" must be a boolean")]
    [InlineData("""{"is_admin":1}""", "\"is_admin\" must be a boolean")]
    [InlineData("""{"is_admin":null}""", "\"is_admin\" must be a boolean")]
    [InlineData("""{"isAdmin":true}""", "\"isAdmin\" is not allowed")]
    [InlineData("""{"password_hash":"x"}""", "\"password_hash\" is not allowed")]
    [InlineData("""{"_id":"63a4f6ada59c271a98adff3e"}""", "\"_id\" is not allowed")]
    public async Task Invalid_changes_are_refused_and_change_nothing(string json, string message)
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, _) = await factory.NewUserAsync();
        var before = await factory.Users.FindByIdAsync(id);

        await (await admin.PutJsonAsync($"/users/{id}", json)).AssertErrorAsync(HttpStatusCode.BadRequest, message);

        Assert.Equal(before, await factory.Users.FindByIdAsync(id));
    }

    [Fact]
    public async Task A_malformed_id_is_not_found_with_the_specs_text()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.PutAsJsonAsync("/users/123", new { name = "X" })).AssertErrorAsync(HttpStatusCode.NotFound,
            "\"_id\" with value \"123\" fails to match the valid mongo id pattern");
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.PutAsJsonAsync("/users/63a4f6ada59c271a98adff3e", new { name = "X" }))
            .AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }
}
