using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Users;

public sealed class PasswordRuleTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private const string Message =
        "The password must consist of Latin letters (A-z), Arabic numerals (0-9) and special characters, the literal part of the password must contain both lowercase and uppercase letters, the length of the password must be at least 8 and no more than 16 characters";

    [Theory]
    [InlineData("Ab1$xyz")] // 7 characters, one short
    [InlineData("Ab1$xyzwAb1$xyzwQ")] // 17 characters, one too many
    [InlineData("AB1$XYZW")] // no lower-case letter
    [InlineData("ab1$xyzw")] // no upper-case letter
    [InlineData("Abc$xyzw")] // no digit
    [InlineData("Abc1xyzw")] // no special character
    [InlineData("Ab1$xyzé")] // a non-Latin letter (é)
    [InlineData("Ab1$xyzД")] // a Cyrillic letter
    [InlineData("Ab1$ xyzw")] // a space
    [InlineData("Ab1$xyz\t")] // a tab
    [InlineData("Ab1$xyzw\n")] // a trailing line feed
    [InlineData("Ab1$xyz٣")] // an Arabic-Indic digit, not an Arabic numeral
    [InlineData("Ab1$xyz€")] // a non-ASCII symbol
    [InlineData("")] // empty
    public async Task Register_refuses_a_password_that_breaks_a_rule(string password)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/register",
            new { email = ContactsApiFactory.NewEmail(), password });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, Message);
    }

    [Theory]
    [InlineData("Ab1$xyzw")]
    [InlineData("Ab1$xyzwAb1$xyzw")]
    [InlineData("aZ9!\"#%&'()*+,-.")]
    [InlineData("aZ9/:;<=>?@[\\]^_")]
    [InlineData("aZ9`{|}~")]
    public async Task Register_accepts_passwords_of_8_to_16_allowed_characters(string password)
    {
        var email = ContactsApiFactory.NewEmail();
        var client = factory.CreateClient();

        var body = await (await client.PostAsJsonAsync("/api/users/register", new { email, password }))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(email, body["email"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(await ContactsApiFactory.LoginAsync(client, email, password)));
    }

    [Fact]
    public async Task Login_checks_the_password_format_before_looking_the_user_up()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users/login",
            new { email = ContactsApiFactory.NewEmail(), password = "short" });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, Message);
    }
}
