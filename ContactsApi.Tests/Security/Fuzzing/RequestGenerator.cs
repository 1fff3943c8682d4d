using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContactsApi.Tests.Security.Fuzzing;

/// <summary>What the generator knows of the live data: the fuzzing user and ids that exist.</summary>
public sealed class FuzzState
{
    public required string Email { get; init; }
    public required string Password { get; init; }
    /// <summary>The user's contacts and each one's phone ids, kept up to date from the responses.</summary>
    public Dictionary<string, List<string>> Contacts { get; } = [];
    /// <summary>Ids of other records seen in responses, by collection (<c>/users</c>), never the fuzzing user's own.</summary>
    public Dictionary<string, List<string>> Records { get; } = [];
}

/// <summary>
/// Builds requests for an operation from its declaration: mostly valid ones (values chosen by field
/// name, ids that exist), and broken ones: missing fields, wrong types, nulls, empty and 100 kB
/// strings, Unicode and control characters, extra fields and query parameters, malformed ids and JSON.
/// </summary>
public sealed class RequestGenerator(Random random, SchemaChecker schemas, FuzzState state)
{
    private static readonly string[] Nasty =
    [
        "", " ", "null", "true", "0", "-1", "1e309", "NaN", "\u0000", "\u0001\u0002\u001f", "\t\r\n", "\u200b\u200e\ufeff",
        "\ud83d\ude00\ud83d\udc69\u200d\ud83d\udc69", "\u0416\u0436\u4e2d\u6587\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "e\u0301\u0301\u0301",
        "\ud800", "' OR 1=1 --", "\"; DROP TABLE users; --", "<script>alert(1)</script>", "{\"$ne\": null}", "$where", "../../etc/passwd",
        "%00", "%2F%2E%2E", "${jndi:ldap://x}", "{{7*7}}", "A" + new string('a', 1000), "63AAC14A3CA32C25B4470065", "63aac14a3ca32c25b447006",
        "63aac14a3ca32c25b44700655", "zzzzzzzzzzzzzzzzzzzzzzzz", "000000000000000000000000",
    ];

    private static readonly string HundredKb = new('x', 100 * 1024);

    public const string OnePixelPngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    /// <summary>A valid 1×1 PNG, so a file field is sometimes a real image.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(OnePixelPngBase64);

    public HttpRequestMessage Build(Operation operation, out string description)
    {
        var notes = new List<string>();
        var path = operation.Path;
        string? contactId = null;
        foreach (var parameter in operation.Parameters("path"))
        {
            var name = parameter["name"]!.GetValue<string>();
            var value = PathValue(operation, name, ref contactId, notes);
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value));
        }
        var query = new List<string>();
        foreach (var parameter in operation.Parameters("query"))
            if (random.Next(3) == 0)
            {
                var name = parameter["name"]!.GetValue<string>();
                query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(QueryValue(name, notes))}");
            }
        if (random.Next(10) == 0)
        {
            query.Add($"{Uri.EscapeDataString(Pick(Nasty) + "x")}={Uri.EscapeDataString(Pick(Nasty))}");
            notes.Add("extra query parameter");
        }
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (operation.BodyContent is { } content) request.Content = Body(content, notes);
        description = notes.Count == 0 ? "valid" : string.Join(", ", notes);
        return request;
    }

    private string PathValue(Operation operation, string name, ref string? contactId, List<string> notes)
    {
        var roll = random.Next(10);
        var contacts = state.Contacts.Keys.ToArray();
        if (roll < 7 && state.Records.TryGetValue(operation.Collection, out var records) && records.Count > 0)
            return Pick(records);
        if (roll < 7 && contacts.Length > 0)
        {
            if (name.Equals("phoneId", StringComparison.OrdinalIgnoreCase) && contactId is not null &&
                state.Contacts.TryGetValue(contactId, out var phones) && phones.Count > 0)
                return Pick(phones);
            return contactId = Pick(contacts);
        }
        if (roll < 8)
        {
            notes.Add($"unknown {name}");
            return Convert.ToHexStringLower(RandomBytes(12));
        }
        notes.Add($"malformed {name}");
        // An empty segment would name another route; a NUL can't reach the app (Kestrel refuses the
        // request line, and the in-process test server throws on it).
        var nasty = Pick(Nasty).Replace("\u0000", "");
        return nasty.Length == 0 ? "x" : nasty;
    }

    private string QueryValue(string name, List<string> notes)
    {
        if (random.Next(3) == 0)
        {
            notes.Add($"bad query {name}");
            return Pick(Nasty);
        }
        return name.ToLowerInvariant() switch
        {
            "page" => random.Next(1, 5).ToString(),
            "limit" => random.Next(1, 101).ToString(),
            "sort" => Pick(["name", "email", "phone", "favorite", "createdAt", "updatedAt"]),
            "order" => Pick(["asc", "desc"]),
            "favorite" => Pick(["true", "false"]),
            "phone" => random.Next(10, 999).ToString(),
            "include" => "contacts",
            _ => Word(),
        };
    }

    private HttpContent Body(JsonObject content, List<string> notes)
    {
        var chosen = content.FirstOrDefault(m => m.Key.Contains("json"));
        if (chosen.Key is null) chosen = content.First();
        var (mediaType, media) = (chosen.Key, chosen.Value!.AsObject());
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal)) return Multipart(media, notes);
        if (mediaType == "text/vcard") return Vcard(notes);

        var roll = random.Next(20);
        if (roll == 0) { notes.Add("malformed JSON"); return Json(Pick(["{", "{\"a\":", "[1,2", "{'a':1}", "{\"a\":1,}", "\u0000", "{\"a\":\"\\ud800\"}", "NaN", new string('[', 1000) + new string(']', 1000)])); }
        if (roll == 1) { notes.Add("empty body"); return Json(""); }
        if (roll == 2) { notes.Add("not an object"); return Json(Pick(["null", "[]", "42", "\"text\"", "true", "[{}]"])); }
        if (roll == 3) { notes.Add("wrong content type"); return new StringContent("{}", Encoding.UTF8, Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded"])); }

        var schema = schemas.Resolve(media["schema"]!);
        var body = Value(schema, "body") as JsonObject ?? [];
        if (roll >= 10)
        {
            var properties = schema["properties"]?.AsObject().Select(p => p.Key).ToArray() ?? [];
            for (var i = random.Next(1, 3); i > 0; i--) Mutate(body, properties, notes);
        }
        return Json(body.ToJsonString());
    }

    private void Mutate(JsonObject body, string[] properties, List<string> notes)
    {
        var field = properties.Length > 0 ? Pick(properties) : "field";
        switch (random.Next(8))
        {
            case 0: body.Remove(field); notes.Add($"missing {field}"); break;
            case 1: body[field] = null; notes.Add($"null {field}"); break;
            case 2: body[field] = Pick<JsonNode>([JsonValue.Create(42), JsonValue.Create(true), new JsonArray(1, "a"), new JsonObject { ["x"] = 1 }, JsonValue.Create("text"), JsonValue.Create(1.5)]); notes.Add($"wrong type {field}"); break;
            case 3: body[field] = ""; notes.Add($"empty {field}"); break;
            case 4: body[field] = HundredKb; notes.Add($"100 kB {field}"); break;
            case 5: body[field] = Pick(Nasty); notes.Add($"odd characters in {field}"); break;
            case 6: body[Word() + Pick(Nasty)] = Word(); notes.Add("extra field"); break;
            default: body[field] = new JsonArray(new JsonObject { [Pick(Nasty)] = null }, HundredKb[..random.Next(1, 50)]); notes.Add($"array of junk in {field}"); break;
        }
    }

    /// <summary>A valid-looking value for a schema, chosen by the field's name where the name says what it holds.</summary>
    private JsonNode? Value(JsonObject schema, string name)
    {
        schema = schemas.Resolve(schema);
        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                var obj = new JsonObject();
                foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
                    if (random.Next(8) > 0 || (schema["required"]?.AsArray().Any(r => r!.GetValue<string>() == property) ?? false))
                        obj[property] = Value(propertySchema!.AsObject(), property);
                // An email given beside a list of them is the list's first, as the contract asks.
                if (obj["email"] is JsonValue email && obj["emails"] is JsonArray { Count: > 0 } emails && emails[0] is JsonObject first)
                    first["address"] = email.DeepClone();
                return obj;
            case "array":
                var array = new JsonArray();
                for (var i = random.Next(1, 4); i > 0; i--) array.Add(Value(schema["items"]!.AsObject(), name));
                return array;
            case "boolean": return random.Next(2) == 0;
            case "integer": return random.Next(1, 50);
            case "number": return random.NextDouble() * 100;
        }
        return name.ToLowerInvariant() switch
        {
            "email" or "address" => random.Next(2) == 0 ? state.Email : $"fuzz-{Word()}@example.com",
            "birthday" => Pick(["1990-04-12", "--02-29", "2000-02-29"]),
            "password" => random.Next(4) > 0 ? state.Password : "Short1!",
            "phone" or "number" or "phones" => $"+1 (555) {random.Next(100, 999)}-{random.Next(1000, 9999)}",
            "label" => Pick(["mobile", "home", "work", "other"]),
            "subscription" => Pick(["starter", "pro", "business"]),
            "name" => $"Fuzz {Word()}",
            // An undo's moment: now, so that it succeeds and leaves the contacts the generator knows where they are.
            "to" => DateTime.UtcNow.ToString("O"),
            _ => Word(),
        };
    }

    private HttpContent Multipart(JsonObject media, List<string> notes)
    {
        var form = new MultipartFormDataContent();
        var schema = schemas.Resolve(media["schema"]!);
        foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            if (random.Next(5) == 0) { notes.Add($"missing {property}"); continue; }
            if (propertySchema!["format"]?.GetValue<string>() == "binary")
            {
                var image = random.Next(2) == 0;
                var file = new ByteArrayContent(image ? OnePixelPng : RandomBytes(random.Next(0, 2048)));
                file.Headers.ContentType = new MediaTypeHeaderValue(Pick(["image/png", "image/jpeg", "application/octet-stream"]));
                form.Add(file, property, Pick(["a.png", "b.jpg", "../../x.png", "\u0416.gif"]));
                if (!image) notes.Add("random bytes as a file");
            }
            else form.Add(new StringContent(Word()), property);
        }
        return form;
    }

    /// <summary>A card with generated values (odd ones among them), or text and bytes that are no vCard.</summary>
    private HttpContent Vcard(List<string> notes)
    {
        switch (random.Next(8))
        {
            case 0:
                notes.Add("random bytes as a vCard");
                return new ByteArrayContent(RandomBytes(random.Next(0, 2048))) { Headers = { ContentType = new MediaTypeHeaderValue("text/vcard") } };
            case 1:
                notes.Add("odd text as a vCard");
                return new StringContent(Pick(Nasty), Encoding.UTF8, "text/vcard");
        }
        var lines = new List<string> { "BEGIN:VCARD", Pick(["VERSION:2.1", "VERSION:3.0", "VERSION:4.0"]), $"FN:Fuzz {Word()}" };
        if (random.Next(2) == 0) lines.Add($"TEL;TYPE={Pick(["CELL", "HOME", "X-Custom"])}:+1 555 {random.Next(1000, 9999)}");
        if (random.Next(2) == 0) lines.Add($"EMAIL:fuzz-{Word()}@example.com");
        if (random.Next(3) == 0) lines.Add($"PHOTO;ENCODING=b;TYPE=PNG:{OnePixelPngBase64}");
        if (random.Next(3) == 0)
        {
            lines.Add($"NOTE:{Pick(Nasty)}");
            notes.Add("odd characters in a card");
        }
        if (random.Next(5) == 0)
        {
            lines.Add(Pick(["BROKEN LINE", "TEL;TYPE=\"unterminated:1", "NOTE;ENCODING=QUOTED-PRINTABLE:=ZZ"]));
            notes.Add("a broken line in a card");
        }
        lines.Add("END:VCARD");
        return new StringContent(string.Join("\r\n", lines) + "\r\n", Encoding.UTF8, "text/vcard");
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private string Word() => Convert.ToHexStringLower(RandomBytes(random.Next(2, 8)));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
