using ContactsApi.Contacts;

namespace ContactsApi.Tests.Storage;

public abstract partial class StoreContractTests
{
    /// <summary>
    /// Writers of one owner race each other while a client keeps syncing in small pages: a change whose number
    /// was taken before a later one's but stored after it must still reach the client (MongoDB numbers a change
    /// before storing it), so the client's copy, replayed from the feed alone, ends as the server's list.
    /// </summary>
    [StoreFact]
    public async Task A_client_syncing_during_concurrent_writes_of_its_owner_ends_with_the_owner_s_contacts()
    {
        var owner = (await AddUserAsync()).Id;
        var copy = new Dictionary<string, Contact>();
        var token = 0L;
        async Task<bool> SyncAsync()
        {
            var page = await History.ChangesAsync(owner, token, 3);
            foreach (var changed in page.Changed) copy[changed.Id] = changed;
            foreach (var deleted in page.Deleted) copy.Remove(deleted);
            token = page.Last;
            return page.More;
        }

        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                var at = T0.AddMinutes(writer * 100 + i);
                var contact = await AddContactAsync(NewContact(owner, $"W{writer} C{i}", createdAt: at));
                await Contacts.EditAsync(owner, contact.Id, new ContactEdit.SetFields(at.AddSeconds(1)) { Name = $"W{writer} C{i} edited" });
                if (i % 3 == 0) await Contacts.DeleteAsync(owner, contact.Id, at.AddSeconds(2));
            }
        })).ToList();
        var writing = Task.WhenAll(writers);
        while (!writing.IsCompleted) await SyncAsync();
        await writing;
        while (await SyncAsync()) { }

        var stored = await Contacts.StreamOwnedAsync(owner).ToListAsync();
        Assert.Equal(8 * 4, stored.Count);
        Assert.Equal(Json(stored.OrderBy(c => c.Id, StringComparer.Ordinal)), Json(copy.Values.OrderBy(c => c.Id, StringComparer.Ordinal)));
    }
}
