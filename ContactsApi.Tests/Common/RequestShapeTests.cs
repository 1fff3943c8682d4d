using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Common;

public sealed class RequestShapeTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task A_body_naming_a_computed_property_of_the_request_is_refused()
    {
        var client = await factory.LoggedInClientAsync();
        var created = await (await client.PostAsJsonAsync("/api/contacts", new { name = "Ann", email = "ann@example.com", phone = "123456" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = created["_id"]!.GetValue<string>();

        var response = await client.PutJsonAsync($"/api/contacts/{id}", """{"name":"Bea","isEmpty":false}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "\"isEmpty\" is not allowed");
        var stored = await (await client.GetAsync($"/api/contacts/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Ann", stored["name"]!.GetValue<string>());
    }
}
