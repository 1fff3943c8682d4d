using System.Net;
using System.Security.Cryptography;
using System.Text;
using ContactsApi.Common;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ContactsApi.Tests.Auth;

public sealed class TokenValidationTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task A_forged_token_with_everything_right_is_accepted_so_the_refusals_below_are_about_their_one_change()
    {
        var (token, email) = await factory.NewUserTokenAsync();
        var (userId, sessionId) = ForgedTokens.IdsOf(token);

        var body = await (await factory.CreateClient().GetCurrentWithTokenAsync(ForgedTokens.Forge(userId, sessionId)))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(email, body["email"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer abc")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.e30.")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_missing_or_malformed_token_is_not_authorized(string? authorization)
    {
        var response = await factory.CreateClient().GetCurrentAsync(authorization);

        await response.AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_with_a_character_changed_in_its_signature_is_not_authorized()
    {
        var (token, _) = await factory.NewUserTokenAsync();
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        await (await factory.CreateClient().GetCurrentWithTokenAsync(tampered)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);
        var otherKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));

        var token = ForgedTokens.Forge(userId, sessionId,
            d => d.SigningCredentials = new SigningCredentials(otherKey, SecurityAlgorithms.HmacSha256));

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(userId, sessionId, d => d.SigningCredentials = null);

        Assert.Contains("\"alg\":\"none\"", Base64UrlEncoder.Decode(token.Split('.')[0]));
        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_hand_signed_hs256_token_is_accepted_so_the_hand_signed_refusals_are_about_the_algorithm()
    {
        var (token, _) = await factory.NewUserTokenAsync();
        var (userId, sessionId) = ForgedTokens.IdsOf(token);

        var resigned = ForgedTokens.Resign(ForgedTokens.Forge(userId, sessionId), "HS256", data => HMACSHA256.HashData(ForgedTokens.ServiceKeyBytes, data));

        await (await factory.CreateClient().GetCurrentWithTokenAsync(resigned)).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("HS384")]
    [InlineData("HS512")]
    public async Task A_token_signed_with_the_right_key_but_another_hmac_algorithm_is_not_authorized(string algorithm)
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);
        Func<byte[], byte[]> sign = algorithm == "HS384"
            ? data => HMACSHA384.HashData(ForgedTokens.ServiceKeyBytes, data)
            : data => HMACSHA512.HashData(ForgedTokens.ServiceKeyBytes, data);

        var token = ForgedTokens.Resign(ForgedTokens.Forge(userId, sessionId), algorithm, sign);

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task With_a_key_long_enough_for_hs512_only_hs256_is_still_accepted()
    {
        // With a 64-byte key the library itself would validate HS384 and HS512, so only the pinned algorithm refuses them.
        var key = RandomNumberGenerator.GetBytes(64);
        await using var app = new ContactsApiFactory { Settings = { ["Jwt:SigningKey"] = Convert.ToBase64String(key) } };
        var (userId, sessionId) = ForgedTokens.IdsOf((await app.NewUserTokenAsync()).Token);
        var client = app.CreateClient();
        string SignedWith(string algorithm) => ForgedTokens.Forge(userId, sessionId,
            d => d.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), algorithm));

        await (await client.GetCurrentWithTokenAsync(SignedWith(SecurityAlgorithms.HmacSha256))).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.GetCurrentWithTokenAsync(SignedWith(SecurityAlgorithms.HmacSha384))).AssertNotAuthorizedAsync();
        await (await client.GetCurrentWithTokenAsync(SignedWith(SecurityAlgorithms.HmacSha512))).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_naming_alg_none_with_a_valid_hs256_signature_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Resign(ForgedTokens.Forge(userId, sessionId), "none", data => HMACSHA256.HashData(ForgedTokens.ServiceKeyBytes, data));

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_signed_with_an_rsa_key_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);
        using var rsa = RSA.Create(2048);

        var token = ForgedTokens.Forge(userId, sessionId,
            d => d.SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256));

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(userId, sessionId, d => d.Issuer = "SomeoneElse");

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_for_another_audience_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(userId, sessionId, d => d.Audience = "SomeoneElse");

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_that_expired_longer_ago_than_the_30_second_skew_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);
        var now = DateTime.UtcNow;

        var token = ForgedTokens.Forge(userId, sessionId, d => d.Expires = now.AddMinutes(-2));

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_that_expired_a_few_seconds_ago_is_still_within_the_skew()
    {
        var (token, email) = await factory.NewUserTokenAsync();
        var (userId, sessionId) = ForgedTokens.IdsOf(token);

        var justExpired = ForgedTokens.Forge(userId, sessionId, d => d.Expires = DateTime.UtcNow.AddSeconds(-5));

        var body = await (await factory.CreateClient().GetCurrentWithTokenAsync(justExpired)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, body["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(userId, sessionId, d => d.Expires = null);

        Assert.DoesNotContain("\"exp\"", Base64UrlEncoder.Decode(token.Split('.')[1]));
        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_not_valid_until_later_is_not_authorized()
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);
        var now = DateTime.UtcNow;

        var token = ForgedTokens.Forge(userId, sessionId, d => (d.IssuedAt, d.NotBefore) = (now, now.AddMinutes(5)));

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_for_an_unknown_session_is_not_authorized()
    {
        var (userId, _) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(userId, ObjectIds.New());

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_naming_an_unknown_user_is_not_authorized()
    {
        var (_, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(ObjectIds.New(), sessionId);

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task A_token_pairing_one_users_session_with_another_user_is_not_authorized()
    {
        var (_, sessionOfA) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);
        var (userB, _) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(userB, sessionOfA);

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("sid")]
    public async Task A_token_missing_the_user_or_session_claim_is_not_authorized(string claim)
    {
        var (userId, sessionId) = ForgedTokens.IdsOf((await factory.NewUserTokenAsync()).Token);

        var token = ForgedTokens.Forge(userId, sessionId, d => d.Claims.Remove(claim));

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task The_token_of_a_deleted_user_is_not_authorized()
    {
        var (token, _) = await factory.NewUserTokenAsync();
        var client = factory.CreateClient();
        (await client.GetCurrentWithTokenAsync(token)).EnsureSuccessStatusCode();

        Assert.True(await factory.Services.GetRequiredService<IUserRepository>().DeleteAsync(ForgedTokens.IdsOf(token).UserId));

        await (await client.GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task The_token_of_a_deactivated_user_is_not_authorized()
    {
        var (token, email) = await factory.NewUserTokenAsync();
        var users = factory.Services.GetRequiredService<IUserRepository>();
        var user = (await users.FindByEmailAsync(email))!;

        await users.UpdateAsync(user.Id, u => u with { IsActive = false });

        await (await factory.CreateClient().GetCurrentWithTokenAsync(token)).AssertNotAuthorizedAsync();
    }

    [Fact]
    public async Task Every_authenticated_users_endpoint_answers_401_without_a_token()
    {
        var client = factory.CreateClient();

        await (await client.PostAsync("/api/users/logout", null)).AssertNotAuthorizedAsync();
        await (await client.GetAsync("/api/users/current")).AssertNotAuthorizedAsync();
        await (await client.PatchJsonAsync("/api/users", """{"subscription":"pro"}""")).AssertNotAuthorizedAsync();
    }
}
