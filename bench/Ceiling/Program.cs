using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

// Ceiling <contacts.json> <ownerId>: the file is the seed's, holding one user's contacts in the service's
// list order and GET shape, so every answer here has the same bytes as the service's.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new UtcMilliseconds()));
var app = builder.Build();

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new UtcMilliseconds() } };
var contacts = JsonSerializer.Deserialize<ContactsFile>(File.ReadAllBytes(args[0]), json)!.Contacts;
var ownerId = args[1];
var byId = contacts.ToDictionary(c => c.Id);
// A page is computed once per query and then served from memory: the ceiling does no per-request work
// but serialising the answer, as no service can do less.
var pages = new ConcurrentDictionary<string, ContactPage>();
var nextId = 0L;

app.MapGet("/api/contacts", (HttpRequest request) => pages.GetOrAdd(request.QueryString.Value ?? "", _ =>
{
    var page = int.Parse(request.Query["page"].FirstOrDefault() ?? "1", CultureInfo.InvariantCulture);
    var limit = int.Parse(request.Query["limit"].FirstOrDefault() ?? "20", CultureInfo.InvariantCulture);
    var name = request.Query["name"].FirstOrDefault()?.ToLowerInvariant();
    var matches = name is null ? contacts : contacts.Where(c => c.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
    return new ContactPage(page, limit, matches.Count, matches.Skip((page - 1) * limit).Take(limit).ToArray());
}));

app.MapGet("/api/contacts/{id}", (string id) => byId.TryGetValue(id, out var contact)
    ? Results.Ok(contact)
    : Results.NotFound(new { message = "Not Found" }));

app.MapPost("/api/contacts", (CreateBody body) =>
{
    var now = Now();
    var id = NewId();
    var contact = new Contact<string>(id, body.Name.Trim(), body.Email.Trim(), body.Phone.Trim(),
        [new PhoneDoc(NewId(), body.Phone.Trim(), "mobile")], body.Favorite ?? false, [new EmailDoc(NewId(), body.Email.Trim(), "other")],
        null, null, null, null, [], false, ownerId, now, now);
    return Results.Created($"/api/contacts/{id}", contact);
});

app.MapPut("/api/contacts/{id}", (string id, UpdateBody body) =>
{
    if (!byId.TryGetValue(id, out var c)) return Results.NotFound(new { message = "Not Found" });
    var phones = body.Phone is null ? c.Phones : [c.Phones[0] with { Number = body.Phone.Trim() }, .. c.Phones.Skip(1)];
    var emails = body.Email is null ? c.Emails : [c.Emails[0] with { Address = body.Email.Trim() }, .. c.Emails.Skip(1)];
    return Results.Ok(new Contact<string>(c.Id, body.Name?.Trim() ?? c.Name, body.Email?.Trim() ?? c.Email, phones[0].Number, phones,
        body.Favorite ?? c.Favorite, emails, c.Organization, c.Title, c.Birthday, c.Notes, c.Addresses, c.HasPhoto, ownerId, c.CreatedAt, Now()));
});

app.Run();

string NewId() => Interlocked.Increment(ref nextId).ToString("x24", CultureInfo.InvariantCulture);

static DateTime Now()
{
    var now = DateTime.UtcNow;
    return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
}

internal sealed record ContactsFile(List<Contact<Owner>> Contacts);

internal sealed record Owner(string Email, string Subscription);

internal sealed record PhoneDoc([property: JsonPropertyName("_id")] string Id, string Number, string Label);

internal sealed record EmailDoc([property: JsonPropertyName("_id")] string Id, string Address, string Label);

internal sealed record AddressDoc([property: JsonPropertyName("_id")] string Id, string Label, string Street, string City, string Region,
    string Postcode, string Country);

internal sealed record Contact<TOwner>(
    [property: JsonPropertyName("_id")] string Id, string Name, string Email, string Phone, IReadOnlyList<PhoneDoc> Phones,
    bool Favorite, IReadOnlyList<EmailDoc> Emails, string? Organization, string? Title, string? Birthday, string? Notes,
    IReadOnlyList<AddressDoc> Addresses, bool HasPhoto, TOwner Owner, DateTime CreatedAt, DateTime UpdatedAt);

internal sealed record ContactPage(int Page, [property: JsonPropertyName("per_page")] int PerPage, long Total, IReadOnlyList<Contact<Owner>> Data);

internal sealed record CreateBody(string Name, string Email, string Phone, bool? Favorite);

internal sealed record UpdateBody(string? Name, string? Email, string? Phone, bool? Favorite);

internal sealed class UtcMilliseconds : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => reader.GetDateTime().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
