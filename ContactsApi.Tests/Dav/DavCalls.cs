using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Dav;

/// <summary>A user signed in twice: the REST API with a token, CardDAV with an app password.</summary>
public sealed record DavUser(string Email, string Id, string AppPassword, HttpClient Rest, HttpClient Dav)
{
    public string Book => $"/dav/addressbooks/{Id}/contacts/";
    public string Card(string name) => Book + name;
}

public static class DavCalls
{
    public static readonly XNamespace D = "DAV:";
    public static readonly XNamespace C = "urn:ietf:params:xml:ns:carddav";
    public static readonly XNamespace CS = "http://calendarserver.org/ns/";

    /// <summary>Registers a user, logs in, makes an app password and returns both clients.</summary>
    public static async Task<DavUser> NewDavUserAsync(this ContactsApiFactory factory)
    {
        var email = ContactsApiFactory.NewEmail("dav");
        var rest = await factory.LoggedInClientAsync(email);
        var made = await (await rest.PostAsJsonAsync("/api/users/app-passwords", new { name = "Phone" })).AssertJsonAsync(HttpStatusCode.Created);
        var password = made["password"]!.GetValue<string>();
        var dav = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        dav.DefaultRequestHeaders.Authorization = Basic(email, password);
        var principal = await PropfindAsync(dav, "/dav/", "0", Props(D + "current-user-principal"));
        var href = principal.Descendants(D + "current-user-principal").Single().Element(D + "href")!.Value;
        return new DavUser(email, href.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1], password, rest, dav);
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static string Props(params XName[] names) =>
        new XDocument(new XElement(D + "propfind", new XElement(D + "prop", names.Select(n => new XElement(n))))).ToString();

    public static HttpRequestMessage Request(string method, string path, string? body = null, string? depth = null, string mediaType = "application/xml")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        if (depth is not null) request.Headers.Add("Depth", depth);
        return request;
    }

    /// <summary>A PROPFIND that must answer 207; the multistatus, parsed.</summary>
    public static async Task<XElement> PropfindAsync(HttpClient client, string path, string depth, string body)
    {
        var response = await client.SendAsync(Request("PROPFIND", path, body, depth));
        return await MultistatusAsync(response);
    }

    public static async Task<XElement> ReportAsync(HttpClient client, string path, XElement report)
    {
        var response = await client.SendAsync(Request("REPORT", path, new XDocument(report).ToString(), "1"));
        return await MultistatusAsync(response);
    }

    public static async Task<XElement> MultistatusAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == (HttpStatusCode)207, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var root = XElement.Parse(text);
        Assert.Equal(D + "multistatus", root.Name);
        return root;
    }

    /// <summary>The response for an href: its found properties (200 propstat) by name.</summary>
    public static XElement Found(XElement multistatus, string href) =>
        Responses(multistatus)[href].Elements(D + "propstat").Single(p => p.Element(D + "status")!.Value.Contains(" 200 ")).Element(D + "prop")!;

    public static Dictionary<string, XElement> Responses(XElement multistatus) =>
        multistatus.Elements(D + "response").ToDictionary(r => Uri.UnescapeDataString(r.Element(D + "href")!.Value));

    public static async Task<HttpResponseMessage> PutCardAsync(HttpClient client, string path, string card, params (string Header, string Value)[] headers)
    {
        var request = Request("PUT", path, card, mediaType: "text/vcard");
        foreach (var (header, value) in headers) request.Headers.TryAddWithoutValidation(header, value);
        return await client.SendAsync(request);
    }

    public static string Vcard(string uid, string name, string? email = null, string? phone = null) =>
        string.Join("\r\n", new[]
        {
            "BEGIN:VCARD", "VERSION:3.0", $"UID:{uid}", $"FN:{name}", $"N:{name};;;;",
            email is null ? null : $"EMAIL;TYPE=INTERNET:{email}", phone is null ? null : $"TEL;TYPE=CELL:{phone}", "END:VCARD", "",
        }.Where(l => l is not null));

    /// <summary>Every contact of the user through the REST API.</summary>
    public static async Task<List<JsonNode>> RestContactsAsync(HttpClient rest)
    {
        var page = await (await rest.GetAsync("/api/contacts?limit=100")).AssertJsonAsync(HttpStatusCode.OK);
        return page["data"]!.AsArray().Select(c => c!).ToList();
    }
}
