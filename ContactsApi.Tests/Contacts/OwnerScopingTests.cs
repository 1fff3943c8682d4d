using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Contacts;

public sealed class OwnerScopingTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Fact]
    public async Task Contacts_of_another_user_are_not_found_by_any_endpoint()
    {
        var alice = await factory.LoggedInClientAsync();
        var bob = await factory.LoggedInClientAsync();
        var contact = await alice.CreateContactAsync(new
        {
            name = "Alice's friend", email = "friend@n.net",
            phones = new[] { new { number = "+38(099)212-5453", label = "mobile" }, new { number = "(294) 840-6685", label = "work" } },
        });
        var id = contact.Id();
        var phoneId = contact.Phones()[1]!.Id();
        var before = (await alice.GetContactAsync(id)).ToJsonString();

        var attempts = new Func<Task<HttpResponseMessage>>[]
        {
            () => bob.GetAsync($"/api/contacts/{id}"),
            () => bob.PutJsonAsync($"/api/contacts/{id}", """{"name":"Taken"}"""),
            () => bob.PatchJsonAsync($"/api/contacts/{id}/favorite", """{"favorite":true}"""),
            () => bob.PostJsonAsync($"/api/contacts/{id}/phones", """{"number":"555-000","label":"home"}"""),
            () => bob.PutJsonAsync($"/api/contacts/{id}/phones/{phoneId}", """{"number":"555-000"}"""),
            () => bob.DeleteAsync($"/api/contacts/{id}/phones/{phoneId}"),
            () => bob.DeleteAsync($"/api/contacts/{id}"),
        };
        foreach (var attempt in attempts)
            await (await attempt()).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");

        Assert.Equal(before, (await alice.GetContactAsync(id)).ToJsonString());
        var bobsList = await bob.ListAsync();
        Assert.Empty(bobsList.Ids());
        Assert.Equal(0, bobsList["total"]!.GetValue<long>());
        Assert.Empty((await bob.ListAsync("?name=friend&phone=0992125453")).Ids());
        Assert.Equal([id], (await alice.ListAsync()).Ids());
    }

    [Fact]
    public async Task A_list_holds_only_the_callers_contacts()
    {
        var alice = await factory.LoggedInClientAsync();
        var bob = await factory.LoggedInClientAsync();
        var alices = await alice.CreateContactAsync(name: "Same Name");
        var bobs = await bob.CreateContactAsync(name: "Same Name");

        foreach (var sort in new[] { "name", "email", "phone", "favorite", "createdAt", "updatedAt" })
        {
            Assert.Equal([alices.Id()], (await alice.ListAsync($"?sort={sort}")).Ids());
            Assert.Equal([bobs.Id()], (await bob.ListAsync($"?sort={sort}&order=desc")).Ids());
        }
    }

    [Fact]
    public async Task Contacts_need_a_token()
    {
        var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync("/api/contacts")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await anonymous.GetAsync("/api/contacts/63aac14a3ca32c25b4470065")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await anonymous.PatchAsJsonAsync("/api/contacts/63aac14a3ca32c25b4470065/favorite", new { favorite = true }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
    }
}
