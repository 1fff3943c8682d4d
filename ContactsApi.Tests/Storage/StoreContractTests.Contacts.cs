using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Tests.Infrastructure;

namespace ContactsApi.Tests.Storage;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task Pages_follow_every_sort_key_and_order_with_ties_broken_by_id()
    {
        var owner = (await AddUserAsync()).Id;
        // Every key has ties (names differ only in case); ids are handed out in an order unlike
        // the insertion order, so the tie-break can't pass by accident.
        var ids = Enumerable.Range(0, 8).Select(_ => ObjectIds.New()).ToArray();
        var rows = new (string Name, string Email, string Phone, bool Favorite, int Created, int Updated)[]
        {
            ("bob", "b@x.io", "+1 2", true, 3, 1), ("Alice", "A@x.io", "+1 1", false, 1, 1),
            ("alice", "a@x.io", "+1 2", true, 1, 2), ("carol", "c@x.io", "+1 1", false, 2, 2),
            ("Bob", "B@x.io", "+1 3", false, 3, 3), ("alice", "a@x.io", "+1 1", true, 2, 1),
            ("dave", "d@x.io", "+1 3", false, 1, 3), ("Carol", "C@x.io", "+1 2", true, 2, 2),
        };
        var order = new[] { 5, 2, 7, 0, 3, 6, 1, 4 };
        var contacts = new List<Contact>();
        foreach (var i in order)
        {
            var r = rows[i];
            contacts.Add(await AddContactAsync(NewContact(owner, r.Name, r.Email, r.Phone, r.Favorite,
                T0.AddMinutes(r.Created), T0.AddMinutes(r.Updated), ids[i])));
        }

        foreach (var sort in Enum.GetValues<ContactSort>())
        foreach (var descending in new[] { false, true })
        {
            Func<Contact, object> key = sort switch
            {
                ContactSort.Name => c => c.Name,
                ContactSort.Email => c => c.Email,
                ContactSort.Phone => c => c.Phone,
                ContactSort.Favorite => c => c.Favorite,
                ContactSort.CreatedAt => c => c.CreatedAt,
                _ => c => c.UpdatedAt,
            };
            var keyComparer = Comparer<object>.Create((a, b) => a is string x
                ? sort == ContactSort.Phone ? string.CompareOrdinal(x, (string)b) : Collations.Ukrainian.Compare(x, (string)b)
                : Comparer<object>.Default.Compare(a, b));
            var expected = descending
                ? contacts.OrderByDescending(key, keyComparer).ThenByDescending(c => c.Id, StringComparer.Ordinal)
                : contacts.OrderBy(key, keyComparer).ThenBy(c => c.Id, StringComparer.Ordinal);

            var pages = new List<Contact>();
            for (var page = 1; page <= 3; page++)
            {
                var (found, total) = await Contacts.ListAsync(owner, new ContactQuery { Page = page, Limit = 3, Sort = sort, Descending = descending });
                Assert.Equal(8, total);
                pages.AddRange(found);
            }
            Assert.Equal($"{sort} desc={descending}: {Ids(expected)}", $"{sort} desc={descending}: {Ids(pages)}");
        }
    }

    [StoreFact]
    public async Task Filters_match_substrings_in_any_case_and_combine()
    {
        var owner = (await AddUserAsync()).Id;
        await AddContactAsync(NewContact(owner, "Ann Lee", "Ann.Lee@Mail.com", "+1 (555) 010-0100", favorite: true));
        await AddContactAsync(NewContact(owner, "Bob Annan", "bob@work.org", "555 0200", morePhones: ["+44 20 7946 0958"]));
        await AddContactAsync(NewContact(owner, "Cat", "cat@mail.com", "0300", favorite: true));

        async Task<string> Find(ContactQuery query)
        {
            var (found, total) = await Contacts.ListAsync(owner, query);
            Assert.Equal(found.Count, total);
            return string.Join(",", found.Select(c => c.Name));
        }

        Assert.Equal("Ann Lee,Bob Annan", await Find(new ContactQuery { Name = "ann" }));
        Assert.Equal("Ann Lee,Cat", await Find(new ContactQuery { Email = "@mail.c" }));
        Assert.Equal("Ann Lee", await Find(new ContactQuery { Email = "ann.lee@mail" }));
        // Digits only, across punctuation, in any of the phones, never across two numbers.
        Assert.Equal("Ann Lee", await Find(new ContactQuery { PhoneDigits = "5550100100" }));
        Assert.Equal("Bob Annan", await Find(new ContactQuery { PhoneDigits = "2079" }));
        Assert.Equal("", await Find(new ContactQuery { PhoneDigits = "020044" }));
        Assert.Equal("Ann Lee,Cat", await Find(new ContactQuery { Favorite = true }));
        Assert.Equal("Bob Annan", await Find(new ContactQuery { Favorite = false }));
        Assert.Equal("Ann Lee", await Find(new ContactQuery { Name = "ann", Favorite = true }));
        Assert.Equal("Cat", await Find(new ContactQuery { Email = "mail", PhoneDigits = "03", Favorite = true }));
        Assert.Equal("", await Find(new ContactQuery { Name = "bob", Email = "mail" }));
    }

    [StoreFact]
    public async Task Filters_are_literal_text_not_patterns()
    {
        var owner = (await AddUserAsync()).Id;
        await AddContactAsync(NewContact(owner, "a.*b (a+)+$ [x] \\d", "odd.*@x.io"));
        await AddContactAsync(NewContact(owner, "aaab", "plain@x.io"));

        foreach (var text in new[] { ".*", "(a+)+$", "[x]", "\\d", "a.*b" })
        {
            var (found, total) = await Contacts.ListAsync(owner, new ContactQuery { Name = text });
            Assert.Equal($"{text}: 1 a.*b (a+)+$ [x] \\d", $"{text}: {total} {string.Join(",", found.Select(c => c.Name))}");
        }
        Assert.Equal(1, (await Contacts.ListAsync(owner, new ContactQuery { Email = ".*@" })).Total);
        Assert.Equal(0, (await Contacts.ListAsync(owner, new ContactQuery { Name = "\0" })).Total);
        Assert.Equal(0, (await Contacts.ListAsync(owner, new ContactQuery { Name = "a\0b" })).Total);

        // Nor full-text query syntax: quotes, operators, prefixes and column filters are text too.
        var quoted = await AddContactAsync(NewContact(owner, "he said \"hi\" near(x) and y* name:z"));
        foreach (var text in new[] { "\"hi\"", "\"", "near(x) and", "y* name:", "d \"h" })
            Assert.Equal($"{text}: {quoted.Id}", $"{text}: {Ids((await Contacts.ListAsync(owner, new ContactQuery { Name = text })).Contacts)}");
    }

    [StoreFact]
    public async Task Every_method_is_scoped_to_the_owner()
    {
        var owner = (await AddUserAsync()).Id;
        var stranger = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));
        var changed = false;

        Assert.Equal(0, (await Contacts.ListAsync(stranger, new ContactQuery())).Total);
        Assert.Null(await Contacts.FindAsync(stranger, contact.Id));
        Assert.Same(Refusal.NotFound, (await Contacts.UpdateAsync(stranger, contact.Id, c => { changed = true; return c with { Name = "Stolen" }; })).Refusal);
        Assert.False(changed);
        Assert.Same(Refusal.NotFound, await Contacts.DeleteAsync(stranger, contact.Id, T0));
        Assert.Empty(await Contacts.StreamByOwnersAsync([stranger]).ToListAsync());

        Assert.Equal(Json(contact), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Equal(1, (await Contacts.ListAsync(owner, new ContactQuery())).Total);
        // A change can't move a contact to another owner, nor rewrite its id or creation time.
        var (updated, _) = await Contacts.UpdateAsync(owner, contact.Id,
            c => c with { Owner = stranger, Id = ObjectIds.New(), CreatedAt = T0.AddDays(9), Name = "Kept" });
        Assert.Equal(Json(contact with { Name = "Kept" }), Json(updated));
        Assert.Equal(Json(updated), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Null(await Contacts.FindAsync(stranger, contact.Id));
    }

    [StoreFact]
    public async Task An_update_of_one_field_moves_the_contact_in_every_search_and_sort_of_that_field()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, name: "Old Name", email: "old@example.com"));
        var other = await AddContactAsync(NewContact(owner, name: "Middle", email: "middle@example.com"));
        async Task<IEnumerable<string>> Ids(ContactQuery query) => (await Contacts.ListAsync(owner, query)).Contacts.Select(c => c.Id);

        await Contacts.UpdateAsync(owner, contact.Id, c => c with { Name = "Zed New" });
        Assert.Equal([contact.Id], await Ids(new ContactQuery { Name = "zed" }));
        Assert.Empty(await Ids(new ContactQuery { Name = "old" }));
        Assert.Equal([other.Id, contact.Id], await Ids(new ContactQuery { Sort = ContactSort.Name }));

        await Contacts.UpdateAsync(owner, contact.Id, c => c with { Email = "aaa@example.com" });
        Assert.Equal([contact.Id], await Ids(new ContactQuery { Email = "aaa@" }));
        Assert.Empty(await Ids(new ContactQuery { Email = "old@" }));
        Assert.Equal([contact.Id, other.Id], await Ids(new ContactQuery { Sort = ContactSort.Email }));
        Assert.Equal([contact.Id], await Ids(new ContactQuery { Name = "zed" }));   // the name is kept

        await Contacts.UpdateAsync(owner, contact.Id, c => c with { Phones = [new Phone(c.Phones[0].Id, "+9 999 0000", "home")] });
        Assert.Equal([contact.Id], await Ids(new ContactQuery { PhoneDigits = "99990000" }));
        Assert.Equal([other.Id, contact.Id], await Ids(new ContactQuery { Sort = ContactSort.Phone }));
        Assert.Equal([contact.Id], await Ids(new ContactQuery { Email = "aaa@" }));   // the email is kept

        await Contacts.UpdateAsync(owner, contact.Id, c => c with { Favorite = !other.Favorite });
        Assert.Equal([contact.Id], await Ids(new ContactQuery { Favorite = !other.Favorite }));
        Assert.Equal([contact.Id], await Ids(new ContactQuery { PhoneDigits = "99990000" }));   // the phone is kept

        var (last, _) = await Contacts.UpdateAsync(owner, contact.Id, c => c with { UpdatedAt = T0.AddDays(30) });
        Assert.Equal([other.Id, contact.Id], await Ids(new ContactQuery { Sort = ContactSort.UpdatedAt }));
        Assert.Equal(Json(last), Json(await Contacts.FindAsync(owner, contact.Id)));
    }

    [StoreFact]
    public async Task Concurrent_updates_of_one_contact_all_land()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));
        var added = Enumerable.Range(0, 20).Select(i => new Phone(ObjectIds.New(), $"+1 555 {i:0000}", "work")).ToList();

        await Task.WhenAll(added.Select(phone => Task.Run(() =>
            Contacts.UpdateAsync(owner, contact.Id, c => c with { Phones = [.. c.Phones, phone] }))));

        var stored = (await Contacts.FindAsync(owner, contact.Id))!;
        Assert.Equal(21, stored.Phones.Count);
        Assert.Equal(added.Select(p => p.Id).Append(contact.Phones[0].Id).Order(), stored.Phones.Select(p => p.Id).Order());
    }

    [StoreFact]
    public async Task A_refused_change_writes_nothing_and_comes_back()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));

        var refused = await Contacts.UpdateAsync(owner, contact.Id, c => new ContactEdit.RemovePhone(c.Phones[0].Id, T0.AddDays(1)).ApplyTo(c));

        Assert.Equal(400, refused.Refusal?.Status);
        Assert.Equal("A contact must keep at least one phone", refused.Refusal?.Message);
        Assert.Equal(Json(contact), Json(await Contacts.FindAsync(owner, contact.Id)));
    }

    [StoreFact]
    public async Task A_deleted_contact_is_gone()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));

        Assert.Null(await Contacts.DeleteAsync(owner, contact.Id, T0));

        Assert.Null(await Contacts.FindAsync(owner, contact.Id));
        Assert.Same(Refusal.NotFound, await Contacts.DeleteAsync(owner, contact.Id, T0));
        Assert.Same(Refusal.NotFound, (await Contacts.UpdateAsync(owner, contact.Id, c => c)).Refusal);
    }

    [StoreFact]
    public async Task Contacts_of_several_owners_come_owner_after_owner_in_the_order_asked_each_sorted_by_name_then_id()
    {
        var first = (await AddUserAsync()).Id;
        var second = (await AddUserAsync()).Id;
        var empty = (await AddUserAsync()).Id;
        var stranger = (await AddUserAsync()).Id;
        var b = await AddContactAsync(NewContact(first, "bob"));
        var a2 = await AddContactAsync(NewContact(first, "Ann"));
        var a1 = await AddContactAsync(NewContact(first, "ann", id: ObjectIds.New(T0)));
        var c = await AddContactAsync(NewContact(second, "cat"));
        await AddContactAsync(NewContact(stranger, "not asked for"));

        // Owners in the order asked for, not in the order of their ids.
        var streamed = await Contacts.StreamByOwnersAsync([second, empty, first]).ToListAsync();

        Assert.Equal(Ids([c, a1, a2, b]), Ids(streamed));
        Assert.Equal(Json(new[] { c, a1, a2, b }), Json(streamed));
    }

    [StoreFact]
    public async Task All_contacts_of_all_owners_page_in_id_order()
    {
        var mine = new List<Contact>();
        foreach (var owner in new[] { (await AddUserAsync()).Id, (await AddUserAsync()).Id })
            for (var i = 0; i < 3; i++) mine.Add(await AddContactAsync(NewContact(owner, $"n{i}")));

        var all = new List<Contact>();
        for (string? after = null; ;)
        {
            var page = await Contacts.ListAfterAsync(after, 4);
            all.AddRange(page);
            if (page.Count < 4) break;
            after = page[^1].Id;
        }

        Assert.Equal(all.Select(c => c.Id).Order(StringComparer.Ordinal), all.Select(c => c.Id));
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
        foreach (var contact in mine) Assert.Equal(Json(contact), Json(all.Single(c => c.Id == contact.Id)));
    }
}
