using System.Runtime.CompilerServices;
using System.Text.Json;
using ContactsApi.Contacts;
using ContactsApi.Users;

namespace ContactsApi.DataMove;

/// <summary>Writes every user and contact of the configured store to a dump file, page by page.</summary>
public sealed class DataExport(IUserRepository users, IContactRepository contacts, TextWriter progress)
{
    private const int PageSize = 500;
    private const int ReportEvery = 10_000;

    public async Task<MoveCounts> ExportAsync(string path, CancellationToken ct = default)
    {
        long userCount = 0, contactCount = 0;
        // Written beside the target and moved into place at the end, so a stopped export never
        // leaves a file that looks complete.
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
        {
            await JsonSerializer.SerializeAsync(file, Records(), DumpRecord.Json, ct);
        }
        File.Move(partial, path, overwrite: true);
        progress.WriteLine($"export: wrote {userCount} users and {contactCount} contacts to {path}");
        return new MoveCounts(userCount, contactCount);

        async IAsyncEnumerable<DumpRecord> Records([EnumeratorCancellation] CancellationToken token = default)
        {
            yield return DumpRecord.Header;
            for (var skip = 0; ; skip += PageSize)
            {
                // Users are few next to contacts; paging by position is fine for them.
                var (page, _) = await users.ListAsync(skip, PageSize, token);
                foreach (var user in page)
                {
                    if (++userCount % ReportEvery == 0) progress.WriteLine($"export: {userCount} users");
                    yield return new DumpRecord { User = user };
                }
                if (page.Count < PageSize) break;
            }
            for (string? after = null; ;)
            {
                var page = await contacts.ListAfterAsync(after, PageSize, token);
                foreach (var contact in page)
                {
                    if (++contactCount % ReportEvery == 0) progress.WriteLine($"export: {contactCount} contacts");
                    yield return new DumpRecord { Contact = contact };
                    if (contact.HasPhoto && await contacts.FindPhotoAsync(contact.Owner, contact.Id, token) is { } photo)
                        yield return new DumpRecord { Photo = new DumpPhoto(contact.Owner, contact.Id, photo.MediaType, photo.Data) };
                }
                if (page.Count < PageSize) break;
                after = page[^1].Id;
            }
        }
    }
}
