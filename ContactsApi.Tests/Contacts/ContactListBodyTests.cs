using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

/// <summary>The list page is written by its own formatter (generated code); a contact in it must read as its GET writes it.</summary>
public sealed class ContactListBodyTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task A_listed_contact_is_written_byte_for_byte_as_its_own_get_writes_it()
    {
        var client = await factory.LoggedInClientAsync();
        // Text JSON writers escape each their own way: quotes, markup, "+", a backslash, other scripts, an emoji.
        var created = await client.CreateContactAsync(new
        {
            name = "Ґанна \"О'Брайен\" <b>&amp; Ørjan \\ 😀",
            email = "ganna+list@example.com",
            phone = "+38(099)212-5453",
            phones = new[] { new { number = "+38(099)212-5453", label = "mobile" }, new { number = "+1 555 0100", label = "робочий" } },
            emails = new[] { new { address = "ganna+list@example.com", label = "home" }, new { address = "o.b@example.com", label = "work" } },
            favorite = true,
            organization = "Київ & Co <ltd>",
            title = "Δ-lead",
            birthday = "--04-01",
            notes = "«quoted» — 50% off 'today' \u2028 ok",
            addresses = new[] { new { label = "work", street = "вул. Хрещатик, 1", city = "Київ", region = "", postcode = "01001", country = "Україна" } },
        });

        var get = await client.GetAsync($"/api/contacts/{created.Id()}");
        var list = await client.GetAsync("/api/contacts?name=%D2%91%D0%B0%D0%BD%D0%BD%D0%B0");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("application/json; charset=utf-8", get.Content.Headers.ContentType!.ToString());
        Assert.Equal(get.Content.Headers.ContentType!.ToString(), list.Content.Headers.ContentType!.ToString());
        Assert.Equal($$"""{"page":1,"per_page":20,"total":1,"data":[{{await get.Content.ReadAsStringAsync()}}]}""",
            await list.Content.ReadAsStringAsync());
    }
}
