using System.Diagnostics;
using System.Text.Json;
using PasswordOptions = ContactsApi.Auth.PasswordOptions;
using ContactsApi.Common;
using ContactsApi.Common.Json;
using ContactsApi.Contacts;
using ContactsApi.Storage;
using ContactsApi.Storage.Sqlite;
using ContactsApi.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// seed <dataFolder> <outFolder> <count>...   one user per count, written through the service's repositories
// hash                                        milliseconds one login's password check costs at the shipped iterations
// vcards <count> <file>                       a phone's export of that many cards (vCard 3.0, as iOS writes it), no photos
// history-size <dataFolder> <vcards-file>      the store's size for a book of those cards, then after 30 days of its history
return args switch
{
    ["history-size", var data, var file] => await HistorySize.RunAsync(data, file),
    ["seed", var data, var output, .. var counts] when counts.Length > 0 => await Seeding.RunAsync(data, output, counts.Select(int.Parse).ToArray()),
    ["hash"] => Hashing.Run(),
    ["vcards", var count, var file] => await PhoneExport.WriteAsync(int.Parse(count), file),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Seed seed <dataFolder> <outFolder> <count>... | Seed hash | Seed vcards <count> <file> | Seed history-size <dataFolder> <file>");
    return 2;
}

internal static class Seeding
{
    public const string Password = "Bench-pass1!";

    public static readonly string[] First =
    [
        "Ada", "Alan", "Alice", "Amir", "Anna", "Ben", "Carla", "Chaim", "Chen", "Dana", "David", "Elena", "Emma", "Farah",
        "Finn", "Grace", "Hana", "Hugo", "Ines", "Ivan", "Jade", "Jonas", "Kai", "Lara", "Leo", "Lina", "Marco", "Maya",
        "Nadia", "Noah", "Olga", "Omar", "Paula", "Petro", "Rosa", "Sami", "Sofia", "Taras", "Uma", "Vera", "Yusuf", "Zoe",
    ];

    public static readonly string[] Last =
    [
        "Adams", "Bakker", "Bondar", "Costa", "Dijkstra", "Evans", "Fischer", "Garcia", "Hansen", "Ivanova", "Jansen",
        "Kowalski", "Lewise", "Moreau", "Nguyen", "Novak", "Olsen", "Petrenko", "Quinn", "Rossi", "Schmidt", "Shevchenko",
        "Tanaka", "Usman", "Visser", "Weber", "Xu", "Young", "Zhang",
    ];

    private static readonly string[] Labels = ["mobile", "home", "work", "other"];

    public static async Task<int> RunAsync(string data, string output, int[] counts)
    {
        using var store = new SqliteStore(Options.Create(new StorageOptions { DataFolder = data }),
            new ContactCollation(Options.Create(new CollationOptions())), NullLogger<SqliteStore>.Instance);
        var users = new SqliteUserRepository(store);
        var contacts = new SqliteContactRepository(store, Options.Create(new ContactLimitOptions()));
        var hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = new PasswordOptions().Iterations }));
        var random = new Random(20221223);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new UtcMillisecondsConverter() } };
        Directory.CreateDirectory(output);

        var seeded = new List<object>();
        foreach (var count in counts)
        {
            var clock = Stopwatch.StartNew();
            var now = DateTime.UtcNow;
            var user = new User
            {
                Id = ObjectIds.New(),
                Email = $"bench-{count}@bench.local",
                PasswordHash = "",
                AvatarUrl = "/avatars/default.png",
                CreatedAt = now,
                UpdatedAt = now,
            };
            // The shipped iteration count, so a bench login never takes the rehash-and-write path.
            user = user with { PasswordHash = hasher.HashPassword(user, Password) };
            if (await users.AddAsync(user) != UserWrite.Done) throw new InvalidOperationException($"{user.Email} exists already");

            // Made in order (the random numbers stay the same), written 100 at a time: the store commits writes
            // that arrive together in one transaction, and a transaction a contact took minutes at 100,000.
            var made = Enumerable.Range(0, count).Select(i => NewContact(random, user.Id, i, now)).ToList();
            foreach (var chunk in made.Chunk(100)) await Task.WhenAll(chunk.Select(contact => contacts.AddAsync(contact)));

            // Every contact in the service's list order, in the shape a GET answers: json-server's data and the ceiling's memory.
            var (all, _) = await contacts.ListAsync(user.Id, new ContactQuery { Limit = count });
            var owner = user.ToSummary();
            await using (var file = File.Create(Path.Combine(output, $"contacts-{count}.json")))
                await JsonSerializer.SerializeAsync(file, new { contacts = all.Select(c => c.ToResponse(owner)) }, json);
            await File.WriteAllLinesAsync(Path.Combine(output, $"ids-{count}.txt"), all.Select(c => c.Id));
            seeded.Add(new { count, id = user.Id, email = user.Email, password = Password });
            Console.WriteLine($"seeded {count} contacts for {user.Email} in {clock.Elapsed.TotalSeconds:F1} s");
        }
        await File.WriteAllTextAsync(Path.Combine(output, "users.json"), JsonSerializer.Serialize(seeded, json));
        return 0;
    }

    private static Contact NewContact(Random random, string owner, int i, DateTime now)
    {
        var first = First[random.Next(First.Length)];
        var last = Last[random.Next(Last.Length)];
        var created = now.AddSeconds(-random.Next(3 * 365 * 24 * 3600));
        created = created.AddTicks(-(created.Ticks % TimeSpan.TicksPerMillisecond));
        var phones = Enumerable.Range(0, 1 + random.Next(3))
            .Select(p => new Phone(ObjectIds.New(created), $"+38(0{random.Next(50, 100)}){random.Next(100, 1000)}-{random.Next(1000, 10000)}",
                Labels[p == 0 ? 0 : random.Next(Labels.Length)]))
            .ToArray();
        return new Contact
        {
            Id = ObjectIds.New(created),
            Owner = owner,
            Name = $"{first} {last}",
            Email = $"{first}.{last}{i}@example.com".ToLowerInvariant(),
            Phones = phones,
            Favorite = random.Next(5) == 0,
            CreatedAt = created,
            UpdatedAt = created,
        };
    }
}

internal static class Hashing
{
    public static int Run()
    {
        var iterations = new PasswordOptions().Iterations;
        var hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
        var hash = hasher.HashPassword(null!, Seeding.Password);
        hasher.VerifyHashedPassword(null!, hash, Seeding.Password);
        var times = Enumerable.Range(0, 7).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            hasher.VerifyHashedPassword(null!, hash, Seeding.Password);
            return clock.Elapsed.TotalMilliseconds;
        }).Order().ToArray();
        Console.WriteLine($"{times[times.Length / 2]:F1} {iterations}");
        return 0;
    }
}

/// <summary>
/// A typical phone's address book as its Contacts app exports it: a name in FN and N, one to three numbers
/// (some with a custom label in Apple's grouped form), an email for most, and for some an organization and
/// title, an address, a birthday or a note; every card with its UID and REV. About 300 bytes a card.
/// </summary>
internal static class PhoneExport
{
    public static async Task<int> WriteAsync(int count, string file)
    {
        var random = new Random(20261130);
        var first = Seeding.First;
        var last = Seeding.Last;
        await using var output = File.Create(file);
        await ContactsApi.Vcards.VcardWriter.WriteAsync(output, Cards().ToAsyncEnumerable(), ContactsApi.Vcards.VcardVersion.V3);
        Console.WriteLine($"wrote {count} cards, {new FileInfo(file).Length} bytes, to {file}");
        return 0;

        IEnumerable<ContactsApi.Vcards.VcardCard> Cards()
        {
            for (var i = 0; i < count; i++)
            {
                var (given, family) = (first[random.Next(first.Length)], last[random.Next(last.Length)]);
                var lines = new List<string>
                {
                    "PRODID:-//Apple Inc.//iPhone OS 17.5.1//EN", $"N:{family};{given};;;", $"FN:{given} {family}",
                    $"TEL;type=CELL;type=VOICE;type=pref:+38 (0{random.Next(50, 100)}) {random.Next(100, 1000)}-{random.Next(1000, 10000)}",
                };
                if (random.Next(3) == 0) lines.Add($"TEL;type=HOME;type=VOICE:+38 (044) {random.Next(100, 1000)}-{random.Next(1000, 10000)}");
                if (random.Next(6) == 0) lines.AddRange([$"item1.TEL:+1 (555) {random.Next(100, 1000)}-{random.Next(1000, 10000)}", "item1.X-ABLabel:Dacha"]);
                if (random.Next(5) > 0) lines.Add($"EMAIL;type=INTERNET;type=HOME;type=pref:{given.ToLowerInvariant()}.{family.ToLowerInvariant()}{i}@example.com");
                if (random.Next(4) == 0) lines.AddRange([$"ORG:{family} & Co.;", "TITLE:Manager"]);
                if (random.Next(8) == 0) lines.Add($"item2.ADR;type=HOME;type=pref:;;{random.Next(1, 200)} Khreshchatyk St;Kyiv;;01001;Ukraine");
                if (random.Next(5) == 0) lines.Add($"BDAY:{random.Next(1950, 2010)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}");
                if (random.Next(10) == 0) lines.Add("NOTE:Met at the conference\\, call after 6");
                lines.Add($"UID:{new Guid(random.Next(), (short)random.Next(), (short)random.Next(), new byte[8].Select(_ => (byte)random.Next(256)).ToArray())}");
                lines.Add($"REV:2026-{random.Next(1, 12):00}-{random.Next(1, 29):00}T{random.Next(24):00}:{random.Next(60):00}:00Z");
                yield return new ContactsApi.Vcards.VcardCard("3.0", lines.Select(ContactsApi.Vcards.VcardProperty.Parse).ToList());
            }
        }
    }
}

/// <summary>
/// What 30 days of history cost in the store, for a typical book: a phone's export (the cards of <c>vcards</c>)
/// imported, then each day 20 edits through the API's path (a renamed contact, a new number, a note), 2 deletes,
/// 2 creates, and the phone's nightly backup imported again with 1% of its cards changed on the phone. Every write
/// goes through the service's own repositories, so the log holds exactly what the service writes. Prints the file's
/// size (pages in use, after a checkpoint) before the 30 days, after them, and after the purge past the retention.
/// </summary>
internal static class HistorySize
{
    public static async Task<int> RunAsync(string data, string file)
    {
        var cards = ContactsApi.Vcards.VcardReader.Read(File.OpenRead(file))
            .Select(r => ContactsApi.Backup.ContactCards.FromCard(r.Card!).Card!).ToList();
        var limits = Options.Create(new ContactLimitOptions());
        long size;
        var owner = ObjectIds.New();
        var random = new Random(20261130);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using (var store = new SqliteStore(Options.Create(new StorageOptions { DataFolder = data }),
                   new ContactCollation(Options.Create(new CollationOptions())), NullLogger<SqliteStore>.Instance))
        {
            var contacts = new SqliteContactRepository(store, limits);
            var history = new ContactsApi.Storage.Sqlite.SqliteContactHistory(store, limits);
            await contacts.ImportAsync(owner, cards, start, _ => null);
            size = await SizeAsync(store);
            Console.WriteLine($"a book of {cards.Count} cards: {size / 1024} KiB");
            for (var day = 1; day <= 30; day++)
            {
                var now = start.AddDays(day);
                var book = await contacts.StreamOwnedAsync(owner).ToListAsync();
                for (var i = 0; i < 20; i++)
                {
                    var contact = book[random.Next(book.Count)];
                    ContactEdit edit = (i % 3) switch
                    {
                        0 => new ContactEdit.SetFields(now.AddMinutes(i)) { Name = contact.Name + " Jr." },
                        1 => new ContactEdit.AddPhone(new Phone(ObjectIds.New(), $"+38 (067) {random.Next(100, 1000)}-{random.Next(1000, 10000)}", "work"), now.AddMinutes(i)),
                        _ => new ContactEdit.SetFields(now.AddMinutes(i)) { Notes = $"Called on day {day}" },
                    };
                    await contacts.EditAsync(owner, contact.Id, edit);
                }
                for (var i = 0; i < 2; i++) await contacts.DeleteAsync(owner, book[random.Next(book.Count)].Id, now.AddHours(1));
                for (var i = 0; i < 2; i++)
                    await contacts.AddAsync(cards[random.Next(cards.Count)].Contact with
                    {
                        Id = ObjectIds.New(), Owner = owner, Uid = null, Name = $"New on day {day} {i}", CreatedAt = now, UpdatedAt = now,
                    });
                // The nightly backup: the phone's book again, 1% of it changed there (a new email).
                var nightly = cards.Select(c => random.Next(100) == 0
                    ? c with { Contact = c.Contact with { Email = $"changed{day}@example.com", Emails = [] } }
                    : c).ToList();
                await contacts.ImportAsync(owner, nightly, now.AddHours(23), _ => null);
            }
            var after = await SizeAsync(store);
            Console.WriteLine($"after 30 days of history: {after / 1024} KiB (+{(after - size) / 1024} KiB, {100.0 * (after - size) / size:F0}%)");
            await history.ForgetBeforeAsync(start.AddDays(31) - TimeSpan.FromDays(30));
            Console.WriteLine($"after the purge past 30 days: {await SizeAsync(store) / 1024} KiB in use");
        }
        return 0;
    }

    /// <summary>The bytes of the pages in use, after a checkpoint: what the store holds, not what the file has yet to give back.</summary>
    private static Task<long> SizeAsync(SqliteStore store) => store.ReadAsync(async c =>
    {
        await c.Command("PRAGMA wal_checkpoint(TRUNCATE)").ExecuteNonQueryAsync();
        var pages = (long)(await c.Command("PRAGMA page_count").ExecuteScalarAsync())!;
        var free = (long)(await c.Command("PRAGMA freelist_count").ExecuteScalarAsync())!;
        var pageSize = (long)(await c.Command("PRAGMA page_size").ExecuteScalarAsync())!;
        return (pages - free) * pageSize;
    }, CancellationToken.None);
}
