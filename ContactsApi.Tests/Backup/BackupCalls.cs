using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContactsApi.Tests.Infrastructure;
using ContactsApi.Vcards;

namespace ContactsApi.Tests.Backup;

/// <summary>The import and export calls the backup tests repeat.</summary>
public static class BackupCalls
{
    public static Task<HttpResponseMessage> PostVcardAsync(this HttpClient client, byte[] file, string contentType = "text/vcard")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync("/api/contacts/import", content);
    }

    public static Task<HttpResponseMessage> PostVcardAsync(this HttpClient client, string text) =>
        client.PostVcardAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Imports the file and returns the report, asserting a 200.</summary>
    public static async Task<JsonNode> ImportAsync(this HttpClient client, byte[] file) =>
        await (await client.PostVcardAsync(file)).AssertJsonAsync(HttpStatusCode.OK);

    public static Task<JsonNode> ImportAsync(this HttpClient client, string text) => client.ImportAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>created, updated, unchanged and how many failed.</summary>
    public static (int Created, int Updated, int Unchanged, int Failed) Counts(this JsonNode report) =>
        (report["created"]!.GetValue<int>(), report["updated"]!.GetValue<int>(), report["unchanged"]!.GetValue<int>(), report["failed"]!.AsArray().Count);

    /// <summary>The whole book as a .vcf, asserting a 200 with the contract's headers.</summary>
    public static async Task<string> ExportAsync(this HttpClient client, string? version = null)
    {
        var response = await client.GetAsync("/api/contacts/export" + (version is null ? "" : $"?version={version}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/vcard; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"contacts.vcf\"", response.Content.Headers.ContentDisposition?.ToString());
        return text;
    }

    /// <summary>The cards of a .vcf text, asserting every one of them reads.</summary>
    public static IReadOnlyList<VcardCard> Cards(string vcf)
    {
        var results = VcardReader.Parse(vcf);
        Assert.All(results, r => Assert.True(r.IsCard, r.Failure));
        return results.Select(r => r.Card!).ToList();
    }

    /// <summary>A 3.0 card with a name and the lines given.</summary>
    public static string Card(string name, params string[] lines) =>
        $"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\n{string.Concat(lines.Select(l => l + "\r\n"))}END:VCARD\r\n";
}
