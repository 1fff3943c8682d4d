using System.Net;
using System.Net.Http.Json;
using ContactsApi.Contacts;
using ContactsApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsApi.Tests.Admin;

public sealed class UserDeleteTests(AdminApiFactory factory) : IClassFixture<AdminApiFactory>
{
    private IContactRepository Contacts => factory.Services.GetRequiredService<IContactRepository>();

    private string AvatarsFolder => factory.UploadFolder;

    /// <summary>
    /// A user with two contacts, a live session and an uploaded avatar. The file is written as the
    /// avatar endpoint names it (<c>&lt;id&gt;-&lt;random&gt;.png</c>), and the user's record points at it.
    /// </summary>
    private async Task<(string Id, string Email, HttpClient Client, string AvatarFile)> UserWithEverythingAsync()
    {
        var (id, email, client) = await factory.NewUserAsync();
        await AdminApiFactory.AddContactAsync(client, "Ann");
        await AdminApiFactory.AddContactAsync(client, "Bea");
        var name = $"{id}-{Guid.NewGuid():N}.png";
        Directory.CreateDirectory(AvatarsFolder);
        await File.WriteAllBytesAsync(Path.Combine(AvatarsFolder, name), [0x89, 0x50, 0x4E, 0x47]);
        await factory.Users.UpdateAsync(id, u => u with { AvatarUrl = $"/avatars/{name}" });
        return (id, email, client, Path.Combine(AvatarsFolder, name));
    }

    [Fact]
    public async Task Deleting_a_user_removes_them_their_contacts_sessions_and_avatar_file()
    {
        var admin = await factory.AdminClientAsync();
        var (id, email, client, avatar) = await UserWithEverythingAsync();
        var defaultAvatar = Path.Combine(AvatarsFolder, "default.png");
        await File.WriteAllBytesAsync(defaultAvatar, [1]);
        var (neighbourId, _, neighbour) = await factory.NewUserAsync();
        await AdminApiFactory.AddContactAsync(neighbour, "Cas");

        var response = await admin.DeleteAsync($"/users/{id}");

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("""{"success":true}""", body.ToJsonString());
        Assert.Null(await factory.Users.FindByIdAsync(id));
        Assert.Empty(await Contacts.StreamByOwnersAsync([id]).ToListAsync());
        Assert.False(File.Exists(avatar));
        Assert.True(File.Exists(defaultAvatar));
        Assert.Single(await Contacts.StreamByOwnersAsync([neighbourId]).ToListAsync());
        await (await client.GetAsync("/api/users/current")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await factory.CreateClient().PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Email or password is wrong");
        await (await admin.GetAsync($"/users/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        await (await admin.DeleteAsync($"/users/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task A_delete_that_stopped_after_the_store_is_finished_by_a_repeat()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, _, avatar) = await UserWithEverythingAsync();
        // The crash: the store's delete ran, the avatar file step never did.
        Assert.True(await factory.Users.DeleteAsync(id));
        Assert.True(File.Exists(avatar));

        await (await admin.DeleteAsync($"/users/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");

        Assert.False(File.Exists(avatar));
    }

    [Fact]
    public async Task A_delete_that_stopped_among_the_contacts_is_finished_by_a_repeat()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, client, avatar) = await UserWithEverythingAsync();
        // The crash as a store without transactions would leave it: one contact gone, the rest and the user still there.
        var first = (await Contacts.StreamByOwnersAsync([id]).ToListAsync())[0];
        Assert.Null(await Contacts.DeleteAsync(id, first.Id, DateTime.UtcNow));

        var body = await (await admin.DeleteAsync($"/users/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Null(await factory.Users.FindByIdAsync(id));
        Assert.Empty(await Contacts.StreamByOwnersAsync([id]).ToListAsync());
        Assert.False(File.Exists(avatar));
        await (await client.GetAsync("/api/users/current")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }

    [Fact]
    public async Task The_store_delete_repeated_finds_nothing_left_to_do()
    {
        var (id, _, _, _) = await UserWithEverythingAsync();

        Assert.True(await factory.Users.DeleteAsync(id));
        Assert.False(await factory.Users.DeleteAsync(id));
        Assert.Empty(await Contacts.StreamByOwnersAsync([id]).ToListAsync());
    }

    [Fact]
    public async Task A_user_whose_avatar_file_is_already_gone_is_deleted()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _, _, avatar) = await UserWithEverythingAsync();
        File.Delete(avatar);

        var body = await (await admin.DeleteAsync($"/users/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Null(await factory.Users.FindByIdAsync(id));
    }

    [Fact]
    public async Task An_admin_cannot_delete_themselves()
    {
        var admin = await factory.AdminClientAsync();
        var self = (await factory.Users.FindByEmailAsync(factory.AdminEmail))!;

        await (await admin.DeleteAsync($"/users/{self.Id}")).AssertErrorAsync(HttpStatusCode.BadRequest, "An admin can't delete themselves");

        Assert.NotNull(await factory.Users.FindByIdAsync(self.Id));
    }

    [Fact]
    public async Task A_malformed_id_is_not_found_with_the_specs_text()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.DeleteAsync("/users/..%2F..%2Fdefault")).AssertErrorAsync(HttpStatusCode.NotFound,
            "\"_id\" with value \"..%2F..%2Fdefault\" fails to match the valid mongo id pattern");
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.DeleteAsync("/users/63a4f6ada59c271a98adff3e")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }
}
