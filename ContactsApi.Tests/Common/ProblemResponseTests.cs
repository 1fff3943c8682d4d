using System.Net;
using System.Net.Http.Json;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Common;

/// <summary>The errors the framework answers by itself, and any error whatever the client accepts, are problems with a message.</summary>
public sealed class ProblemResponseTests(ContactsApiFactory factory) : IClassFixture<ContactsApiFactory>
{
    [Theory]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound, "Not Found")]
    [InlineData("GET", "/api/contacts/63aac14a3ca32c25b4470065/nothing", HttpStatusCode.NotFound, "Not Found")]
    [InlineData("DELETE", "/api/users/register", HttpStatusCode.MethodNotAllowed, "Method Not Allowed")]
    [InlineData("PUT", "/api/contacts", HttpStatusCode.MethodNotAllowed, "Method Not Allowed")]
    [InlineData("POST", "/health", HttpStatusCode.MethodNotAllowed, "Method Not Allowed")]
    public async Task A_route_or_method_the_service_does_not_have_is_a_problem(string method, string url, HttpStatusCode status, string message)
    {
        var client = await factory.LoggedInClientAsync();

        await (await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).AssertErrorAsync(status, message);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("image/png")]
    public async Task An_error_is_a_problem_whatever_the_client_accepts(string accept)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);

        await (await client.PostAsJsonAsync("/api/users/register", new { email = "not-an-email", password = ContactsApiFactory.Password }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "\"email\" must be a valid email");
        await (await client.GetAsync("/api/contacts")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authorized");
        await (await client.GetAsync("/api/nothing-here")).AssertErrorAsync(HttpStatusCode.NotFound, "Not Found");
    }
}
