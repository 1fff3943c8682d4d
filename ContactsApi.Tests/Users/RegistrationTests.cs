using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Users;

public sealed class RegistrationTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Register_returns_the_new_user_without_a_password_hash()
    {
        var client = factory.CreateClient();
        var email = ContactsApiFactory.NewEmail();

        var body = await (await client.PostAsJsonAsync("/api/users/register",
            new { email = "  " + email.ToUpperInvariant() + " ", password = ContactsApiFactory.Password }))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.Equal("starter", body["subscription"]!.GetValue<string>());
        Assert.Equal("/avatars/default.png", body["avatarURL"]!.GetValue<string>());
        Assert.Equal(3, body.AsObject().Count);
    }
}
