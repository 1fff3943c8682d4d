using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

public sealed class ContactFilterTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    private sealed record Book(HttpClient Client, string Lewise, string Chaimson, string Bob, string Other);

    private static async Task<Book> SeedAsync(ContactsApiFactory factory)
    {
        var client = await factory.LoggedInClientAsync();
        var lewise = await client.CreateContactAsync("Chaim Lewise", "is@n.net", "+38(099)212-5453", favorite: true);
        var chaimson = await client.CreateContactAsync(new
        {
            name = "Anna Chaimson", email = "ANNA@Example.com",
            phones = new[] { new { number = "111 222", label = "home" }, new { number = "+38 (099) 212 54 53", label = "work" } },
        });
        var bob = await client.CreateContactAsync("Bob", "bob@n.net", "0501234567");
        var other = await client.CreateContactAsync("chaim Other", "other@n.net", "(294) 840-6685", favorite: true);
        return new Book(client, lewise.Id(), chaimson.Id(), bob.Id(), other.Id());
    }

    [Fact]
    public async Task Each_filter_alone_narrows_the_list_and_the_total()
    {
        var b = await SeedAsync(factory);

        await AssertFound(b.Client, "?name=chaim", b.Chaimson, b.Lewise, b.Other);
        await AssertFound(b.Client, "?name=CHAIM%20L", b.Lewise);
        await AssertFound(b.Client, "?email=example.COM", b.Chaimson);
        await AssertFound(b.Client, "?email=n.net", b.Bob, b.Lewise, b.Other);
        await AssertFound(b.Client, "?favorite=true", b.Lewise, b.Other);
        await AssertFound(b.Client, "?favorite=false", b.Chaimson, b.Bob);
        await AssertFound(b.Client, "?name=nobody");
        await AssertFound(b.Client, "?name=%00");
        await AssertFound(b.Client, "?name=&email=", b.Chaimson, b.Bob, b.Lewise, b.Other);
    }

    [Theory]
    [InlineData("0992125453")]
    [InlineData("+38(099)212-5453")]
    [InlineData("099 212 54 53")]
    [InlineData("212-54")]
    public async Task Phone_search_ignores_punctuation_and_matches_any_number(string phone)
    {
        var b = await SeedAsync(factory);

        await AssertFound(b.Client, "?phone=" + Uri.EscapeDataString(phone), b.Chaimson, b.Lewise);
    }

    [Fact]
    public async Task Phone_search_never_matches_across_two_numbers()
    {
        var b = await SeedAsync(factory);

        await AssertFound(b.Client, "?phone=2223809");
        await AssertFound(b.Client, "?phone=111222", b.Chaimson);
    }

    [Fact]
    public async Task Filters_combine_with_and()
    {
        var b = await SeedAsync(factory);

        await AssertFound(b.Client, "?name=chaim&favorite=false", b.Chaimson);
        await AssertFound(b.Client, "?name=chaim&email=other", b.Other);
        await AssertFound(b.Client, "?name=chaim&phone=0992125453&favorite=true", b.Lewise);
        await AssertFound(b.Client, "?name=chaim&phone=0992125453&email=example", b.Chaimson);
        await AssertFound(b.Client, "?name=bob&favorite=true");
        var page = await b.Client.ListAsync("?name=chaim&limit=1&page=2&sort=email&order=desc");
        Assert.Equal(3, page["total"]!.GetValue<long>());
        Assert.Equal([b.Lewise], page.Ids());
    }

    [Fact]
    public async Task Search_and_sort_follow_every_write()
    {
        var b = await SeedAsync(factory);

        await (await b.Client.PostJsonAsync($"/api/contacts/{b.Bob}/phones", """{"number":"+1 (777) 123-4567","label":"work"}"""))
            .AssertJsonAsync(HttpStatusCode.Created);
        await AssertFound(b.Client, "?phone=17771234567", b.Bob);
        await (await b.Client.PutJsonAsync($"/api/contacts/{b.Bob}", """{"name":"Zed","email":"zed@example.com","phone":"999 000"}"""))
            .AssertJsonAsync(HttpStatusCode.OK);
        await AssertFound(b.Client, "?name=bob");
        await AssertFound(b.Client, "?phone=0501234567");
        await AssertFound(b.Client, "?name=zed&email=ZED@&phone=999000", b.Bob);
        Assert.Equal(b.Bob, (await b.Client.ListAsync("?sort=name&order=desc")).Ids()[0]);
        Assert.Equal(b.Bob, (await b.Client.ListAsync("?sort=phone&order=desc")).Ids()[0]);
        await (await b.Client.PatchJsonAsync($"/api/contacts/{b.Bob}/favorite", """{"favorite":true}""")).AssertJsonAsync(HttpStatusCode.OK);
        await AssertFound(b.Client, "?favorite=true", b.Lewise, b.Other, b.Bob);
        await (await b.Client.DeleteAsync($"/api/contacts/{b.Lewise}")).AssertJsonAsync(HttpStatusCode.OK);
        await AssertFound(b.Client, "?phone=0992125453", b.Chaimson);
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "?limit=0", "\"limit\" must be an integer from 1 to 100" },
        { "?limit=101", "\"limit\" must be an integer from 1 to 100" },
        { "?limit=abc", "\"limit\" must be an integer from 1 to 100" },
        { "?limit=-5", "\"limit\" must be an integer from 1 to 100" },
        { "?limit=1.5", "\"limit\" must be an integer from 1 to 100" },
        { "?page=0", "\"page\" must be an integer of at least 1" },
        { "?page=abc", "\"page\" must be an integer of at least 1" },
        { "?page=99999999999999999999", "\"page\" must be an integer of at least 1" },
        { "?sort=age", "\"sort\" must be one of [name, email, phone, favorite, createdAt, updatedAt]" },
        { "?sort=_id", "\"sort\" must be one of [name, email, phone, favorite, createdAt, updatedAt]" },
        { "?order=up", "\"order\" must be one of [asc, desc]" },
        { "?favorite=yes", "\"favorite\" must be one of [true, false]" },
        { "?favorite=1", "\"favorite\" must be one of [true, false]" },
        { "?phone=abc", "\"phone\" must hold 1 to 32 characters with at least one digit" },
        { "?owner=63a4f6ada59c271a98adff3e", "\"owner\" is not allowed" },
        { "?foo=1", "\"foo\" is not allowed" },
        { "?limit=10&limit=20", "\"limit\" must be given once" },
        { "?limit=", "\"limit\" must be an integer from 1 to 100" },
        { "?page=", "\"page\" must be an integer of at least 1" },
        { "?sort=", "\"sort\" must be one of [name, email, phone, favorite, createdAt, updatedAt]" },
        { "?order=", "\"order\" must be one of [asc, desc]" },
        { "?favorite=", "\"favorite\" must be one of [true, false]" },
        { "?phone=", "\"phone\" must hold 1 to 32 characters with at least one digit" },
        { "?Limit=0", "\"limit\" must be an integer from 1 to 100" },
        { "?sort=Name", "\"sort\" must be one of [name, email, phone, favorite, createdAt, updatedAt]" },
        { "?order=DESC", "\"order\" must be one of [asc, desc]" },
        { $"?name={new string('a', 101)}", "\"name\" must be at most 100 characters long" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_is_refused_naming_the_parameter(string query, string message)
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.GetAsync("/api/contacts" + query)).AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }

    private static async Task AssertFound(HttpClient client, string query, params string[] expectedByName)
    {
        var body = await client.ListAsync(query);
        Assert.Equal(expectedByName, body.Ids());
        Assert.Equal(expectedByName.Length, body["total"]!.GetValue<long>());
    }
}
