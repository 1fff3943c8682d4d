using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Vcards;

namespace ContactsApi.Tests.Dav;

/// <summary>
/// A real CardDAV client, vdirsyncer, against the service started as a process on a real port: a phone's
/// book down, the folder's changes up, the REST API's changes down, a conflict resolved as configured,
/// and at the end the REST API and the folder agree card for card.
/// </summary>
public sealed class VdirsyncerTests : IDisposable
{
    private const int Cards = 1000;
    private readonly string _data = Directory.CreateTempSubdirectory("contactsapi-dav-").FullName;

    [NeedsToolFact(ExternalTools.Vdirsyncer)]
    public async Task Vdirsyncer_syncs_a_thousand_cards_both_ways_and_the_REST_API_and_the_folder_agree_card_for_card()
    {
        using var service = await ServiceProcess.StartAsync(_data);
        var rest = service.Client();
        var email = ContactsApiFactory.NewEmail("vdirsyncer");
        (await rest.PostAsJsonAsync("/api/users/register", new { email, password = ContactsApiFactory.Password })).EnsureSuccessStatusCode();
        rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ContactsApiFactory.LoginAsync(rest, email));
        var password = (await (await rest.PostAsJsonAsync("/api/users/app-passwords", new { name = "vdirsyncer" }))
            .AssertJsonAsync(HttpStatusCode.Created))["password"]!.GetValue<string>();
        var book = Enumerable.Range(1, Cards).Select(i => DavCalls.Vcard($"card-{i:D4}", $"Person {i:D4}", $"p{i}@example.com", $"+1 555 {i:D4}"));
        var imported = await (await rest.PostAsync("/api/contacts/import", new StringContent(string.Concat(book), Encoding.UTF8, "text/vcard")))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Cards, imported["created"]!.GetValue<int>());
        var userId = await UserIdAsync(service, email, password);
        using var sync = new Vdirsyncer(new Uri(service.Address, $"/dav/addressbooks/{userId}/contacts/").ToString(), email, password, "b wins");

        // The whole book down.
        await sync.SyncAsync();
        Assert.Equal(Cards, Directory.GetFiles(sync.Local, "*.vcf").Length);
        await AssertAgreeAsync(rest, sync);

        // The folder's creates, edits and deletes up.
        await File.WriteAllTextAsync(Path.Combine(sync.Local, "local-new.vcf"), DavCalls.Vcard("local-new", "Made In The Folder", "new@example.com"));
        Edit(sync, "card-0001", "Person 0001", "Edited In The Folder");
        File.Delete(CardFile(sync, "card-0002"));
        await sync.SyncAsync();
        Assert.Equal("Made In The Folder", (await FindAsync(rest, "Made In The Folder"))!["name"]!.GetValue<string>());
        Assert.NotNull(await FindAsync(rest, "Edited In The Folder"));
        Assert.Null(await FindAsync(rest, "Person 0002"));

        // The REST API's creates, edits and deletes down.
        var made = await (await rest.PostAsJsonAsync("/api/contacts", new { name = "Made By REST", email = "rest@example.com", phone = "+1 555 9999" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var third = (await FindAsync(rest, "Person 0003"))!["_id"]!.GetValue<string>();
        (await rest.PutAsJsonAsync($"/api/contacts/{third}", new { name = "Edited By REST" })).EnsureSuccessStatusCode();
        var fourth = (await FindAsync(rest, "Person 0004"))!["_id"]!.GetValue<string>();
        (await rest.DeleteAsync($"/api/contacts/{fourth}")).EnsureSuccessStatusCode();
        await sync.SyncAsync();
        Assert.Contains("FN:Made By REST", await File.ReadAllTextAsync(CardFile(sync, made["_id"]!.GetValue<string>())));
        Assert.Contains("FN:Edited By REST", await File.ReadAllTextAsync(CardFile(sync, "card-0003")));
        Assert.False(File.Exists(CardFile(sync, "card-0004")));

        // Both sides edit one card: the server wins, as configured.
        Edit(sync, "card-0005", "Person 0005", "The Folder's Side");
        var fifth = (await FindAsync(rest, "Person 0005"))!["_id"]!.GetValue<string>();
        (await rest.PutAsJsonAsync($"/api/contacts/{fifth}", new { name = "The Server's Side" })).EnsureSuccessStatusCode();
        await sync.SyncAsync();
        Assert.Contains("FN:The Server's Side", await File.ReadAllTextAsync(CardFile(sync, "card-0005")));
        Assert.NotNull(await FindAsync(rest, "The Server's Side"));

        // Nothing changed since: a sync moves nothing, and the two sides hold the same cards.
        var quiet = await sync.SyncAsync();
        Assert.DoesNotContain("Copying", quiet);
        Assert.DoesNotContain("Deleting", quiet);
        // One made and one deleted on each side.
        Assert.Equal(Cards, Directory.GetFiles(sync.Local, "*.vcf").Length);
        await AssertAgreeAsync(rest, sync);
    }

    /// <summary>The user's id, as the DAV root names their principal.</summary>
    private static async Task<string> UserIdAsync(ServiceProcess service, string email, string password)
    {
        var dav = service.Client();
        dav.DefaultRequestHeaders.Authorization = DavCalls.Basic(email, password);
        var root = await DavCalls.PropfindAsync(dav, "/dav/", "0", DavCalls.Props(DavCalls.D + "current-user-principal"));
        return root.Descendants(DavCalls.D + "href").Last().Value.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
    }

    /// <summary>Card for card: each UID with its name, from the REST API's export and from the folder's files.</summary>
    private static async Task AssertAgreeAsync(HttpClient rest, Vdirsyncer sync)
    {
        var exported = VcardReader.Parse(await rest.GetStringAsync("/api/contacts/export")).Select(r => r.Card!);
        var local = Directory.GetFiles(sync.Local, "*.vcf").SelectMany(f => VcardReader.Parse(File.ReadAllText(f))).Select(r => r.Card!);
        Assert.Equal(Summary(exported), Summary(local));
    }

    private static List<string> Summary(IEnumerable<VcardCard> cards) =>
        cards.Select(c => $"{c.Uid} {c.FormattedName} {string.Join(",", c.Emails.Select(e => e.Address))} {string.Join(",", c.Phones.Select(p => p.Number))}")
            .Order(StringComparer.Ordinal).ToList();

    private static async Task<JsonNode?> FindAsync(HttpClient rest, string name) =>
        (await (await rest.GetAsync($"/api/contacts?name={Uri.EscapeDataString(name)}")).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray()
        .SingleOrDefault(c => c!["name"]!.GetValue<string>() == name);

    private static string CardFile(Vdirsyncer sync, string uid) => Path.Combine(sync.Local, uid + ".vcf");

    private static void Edit(Vdirsyncer sync, string uid, string from, string to)
    {
        var file = CardFile(sync, uid);
        File.WriteAllText(file, File.ReadAllText(file).Replace(from, to));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
