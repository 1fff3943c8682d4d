using System.Net;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Security;

/// <summary>OWASP API1: a contact id of another user is useless, on every operation that takes one.</summary>
public sealed class ObjectLevelAuthorizationTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Another_users_contact_is_not_found_by_any_operation_and_stays_unchanged()
    {
        var owner = await factory.LoggedInClientAsync();
        var created = await (await owner.PostJsonAsync("/api/contacts",
                """{"name":"Private","email":"p@example.com","phones":[{"number":"+1 555 0100","label":"home"},{"number":"+1 555 0101","label":"work"}]}"""))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = created["_id"]!.GetValue<string>();
        var phoneId = created["phones"]![1]!["_id"]!.GetValue<string>();
        var before = await (await owner.GetAsync($"/api/contacts/{id}")).Content.ReadAsStringAsync();

        var intruder = await factory.LoggedInClientAsync();
        var attempts = new (string What, Task<HttpResponseMessage> Sent)[]
        {
            ("GET", intruder.GetAsync($"/api/contacts/{id}")),
            ("PUT", intruder.PutJsonAsync($"/api/contacts/{id}", """{"name":"Mine now"}""")),
            ("PATCH favorite", intruder.PatchJsonAsync($"/api/contacts/{id}/favorite", """{"favorite":true}""")),
            ("POST phone", intruder.PostJsonAsync($"/api/contacts/{id}/phones", """{"number":"+1 555 0199","label":"spy"}""")),
            ("PUT phone", intruder.PutJsonAsync($"/api/contacts/{id}/phones/{phoneId}", """{"label":"spy"}""")),
            ("DELETE phone", intruder.DeleteAsync($"/api/contacts/{id}/phones/{phoneId}")),
            ("DELETE", intruder.DeleteAsync($"/api/contacts/{id}")),
        };
        foreach (var (what, sent) in attempts)
        {
            var response = await sent;
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what} answered {(int)response.StatusCode}");
            await response.AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
        }
        var list = await (await intruder.GetAsync("/api/contacts?name=Private")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, list["total"]!.GetValue<long>());

        Assert.Equal(before, await (await owner.GetAsync($"/api/contacts/{id}")).Content.ReadAsStringAsync());
    }
}
