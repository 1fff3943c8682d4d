using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactsApi.Tests.Auth;

public sealed class PasswordHashingTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task The_stored_hash_is_identity_v3_pbkdf2_sha512_with_the_configured_iterations()
    {
        var email = ContactsApiFactory.NewEmail();
        (await factory.CreateClient().PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password }))
            .EnsureSuccessStatusCode();

        var hash = await StoredHashAsync(factory, email);

        Assert.Equal((Format: 0x01, Prf: 2u, Iterations: 1000, SaltBytes: 16), Header(hash));
        Assert.Equal(13 + 16 + 32, hash.Length);
    }

    [Fact]
    public async Task Without_a_setting_the_service_hashes_with_210000_iterations()
    {
        Assert.Equal(210_000, new ContactsApi.Auth.PasswordOptions().Iterations);
        await using var shipped = new ContactsApiFactory();
        shipped.Settings.Remove("Passwords:Iterations");
        var email = ContactsApiFactory.NewEmail();

        (await shipped.CreateClient().PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password }))
            .EnsureSuccessStatusCode();

        Assert.Equal(210_000, shipped.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
        Assert.Equal((Format: 0x01, Prf: 2u, Iterations: 210_000, SaltBytes: 16), Header(await StoredHashAsync(shipped, email)));
    }

    [Fact]
    public void An_unknown_email_is_checked_against_a_hash_of_the_configured_cost()
    {
        // Login verifies unknown emails against this hash, so it must cost what a real user's check costs.
        var hash = Convert.FromBase64String(factory.Services.GetRequiredService<ContactsApi.Auth.UnknownUserPassword>().Hash);

        Assert.Equal((Format: 0x01, Prf: 2u, Iterations: 1000, SaltBytes: 16), Header(hash));
    }

    [Fact]
    public async Task A_hash_with_fewer_iterations_is_replaced_at_the_next_login()
    {
        var email = ContactsApiFactory.NewEmail();
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        var users = factory.Services.GetRequiredService<IUserRepository>();
        var user = (await users.FindByEmailAsync(email))!;
        var weak = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 500 }));
        await users.UpdateAsync(user.Id, u => u with { PasswordHash = weak.HashPassword(u, ContactsApiFactory.Password) });
        Assert.Equal(500, Header(await StoredHashAsync(factory, email)).Iterations);

        var login = await (await client.PostAsJsonAsync("/api/users/login", new { email, password = ContactsApiFactory.Password }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(email, login["user"]!["email"]!.GetValue<string>());
        Assert.Equal(1000, Header(await StoredHashAsync(factory, email)).Iterations);
        Assert.NotEmpty(await ContactsApiFactory.LoginAsync(client, email));
    }

    private static async Task<byte[]> StoredHashAsync(ContactsApiFactory app, string email) =>
        Convert.FromBase64String((await app.Services.GetRequiredService<IUserRepository>().FindByEmailAsync(email))!.PasswordHash);

    /// <summary>Identity's v3 header: format marker, PRF (2 = HMAC-SHA512), iterations, salt length; big-endian.</summary>
    internal static (int Format, uint Prf, int Iterations, int SaltBytes) Header(byte[] hash) =>
        (hash[0], BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)), (int)BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)),
            (int)BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(9)));
}
