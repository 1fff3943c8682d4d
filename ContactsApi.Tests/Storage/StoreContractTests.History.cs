using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.History;

namespace ContactsApi.Tests.Storage;

public abstract partial class StoreContractTests
{
    private async Task<ChangePage> AllChangesAsync(string owner, long since = 0) => await History.ChangesAsync(owner, since, 1000);

    [StoreFact]
    public async Task A_deleted_contact_waits_whole_in_the_trash_outside_every_read_and_comes_back_as_it_was()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, "Ann", morePhones: ["+1 555 0101"]) with
        {
            Organization = "Acme", Notes = "Line", Birthday = "--04-12", Kept = ["NICKNAME:Annie"], Uid = "uid-1",
        });
        await AddContactAsync(NewContact(owner, "Bo"));

        Assert.Null(await Contacts.DeleteAsync(owner, contact.Id, T0.AddHours(1)));

        Assert.Null(await Contacts.FindAsync(owner, contact.Id));
        Assert.Equal(1, (await Contacts.ListAsync(owner, new ContactQuery())).Total);
        Assert.Single(await Contacts.StreamOwnedAsync(owner).ToListAsync());
        Assert.Single(await Contacts.StreamByOwnersAsync([owner]).ToListAsync());
        var (trash, total) = await History.ListTrashAsync(owner, 0, 10);
        Assert.Equal(1, total);
        Assert.Equal(Json(contact), Json(trash[0].Contact));
        Assert.Equal(T0.AddHours(1), trash[0].DeletedAt);
        Assert.Equal(0, (await History.ListTrashAsync(ObjectIds.New(), 0, 10)).Total);

        var (restored, refusal) = await History.RestoreAsync(owner, contact.Id, T0.AddHours(2));

        Assert.Null(refusal);
        Assert.Equal(Json(contact), Json(restored));
        Assert.Equal(Json(contact), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Equal(0, (await History.ListTrashAsync(owner, 0, 10)).Total);
        Assert.Same(Refusal.NotFound, (await History.RestoreAsync(owner, contact.Id, T0.AddHours(3))).Refusal);
    }

    [StoreFact]
    public async Task A_refused_delete_leaves_the_contact_where_it_was()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));
        var refused = Refusal.BadRequest("no");

        Assert.Same(refused, await Contacts.DeleteAsync(owner, contact.Id, T0, _ => refused));

        Assert.Equal(Json(contact), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Equal(0, (await History.ListTrashAsync(owner, 0, 10)).Total);
    }

    [StoreFact]
    public async Task Every_write_keeps_the_version_it_replaced_newest_first()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, "One"));
        var (two, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.SetFields(T0.AddMinutes(1)) { Name = "Two" });
        var (three, _) = await Contacts.UpdateAsync(owner, contact.Id, c => c with { Name = "Three", UpdatedAt = T0.AddMinutes(2) });
        var phone = new Phone(ObjectIds.New(), "+1 555 0199", "work");
        var (four, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.AddPhone(phone, T0.AddMinutes(3)));

        var versions = (await History.VersionsAsync(owner, contact.Id))!;

        Assert.Equal([4L, 3L, 2L, 1L], versions.Select(v => v.Version));
        Assert.Equal([Json(four), Json(three), Json(two), Json(contact)], versions.Select(v => Json(v.Contact)));
        Assert.Equal(versions.Select(v => v.Contact.UpdatedAt), versions.Select(v => v.At));
        Assert.Null(await History.VersionsAsync(ObjectIds.New(), contact.Id));
        Assert.Null(await History.VersionsAsync(owner, ObjectIds.New()));
    }

    [StoreFact]
    public async Task An_import_logs_its_creates_and_keeps_the_version_an_update_replaced()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, "Ann", "ann@example.com", "+1 555 0100"));
        var changed = NewContact(owner, "Ann", "changed@example.com", "+1 555 0100") with { Id = "", Owner = "" };
        var added = NewContact(owner, "New", "new@example.com", "+1 555 0101") with { Id = "", Owner = "" };

        var (counts, _) = await Contacts.ImportAsync(owner, [new ImportedCard(changed, null), new ImportedCard(added, null)], T0.AddDays(1), _ => null);

        Assert.Equal(new ImportCounts(1, 1, 0), counts);
        var versions = (await History.VersionsAsync(owner, contact.Id))!;
        Assert.Equal(["changed@example.com", "ann@example.com"], versions.Select(v => v.Contact.Email));
        Assert.Equal(2, (await AllChangesAsync(owner)).Changed.Count);
    }

    [StoreFact]
    public async Task Undo_goes_back_to_the_moment_and_is_undone_in_turn()
    {
        var owner = (await AddUserAsync()).Id;
        var kept = await AddContactAsync(NewContact(owner, "Kept"));
        var edited = await AddContactAsync(NewContact(owner, "Edited"));
        var deleted = await AddContactAsync(NewContact(owner, "Deleted"));
        var moment = T0.AddMinutes(1);
        await Contacts.EditAsync(owner, edited.Id, new ContactEdit.SetFields(T0.AddMinutes(2)) { Name = "Changed" });
        await Contacts.DeleteAsync(owner, deleted.Id, T0.AddMinutes(2));
        var created = await AddContactAsync(NewContact(owner, "Created", createdAt: T0.AddMinutes(2)));
        var afterwards = await Contacts.StreamOwnedAsync(owner).ToListAsync();

        Assert.Equal(new UndoCounts(1, 1, 1), await History.UndoAsync(owner, moment, T0.AddMinutes(3)));

        Assert.Equal(Json(new[] { kept, edited, deleted }), Json(await Contacts.StreamOwnedAsync(owner).ToListAsync()));
        Assert.Equal([created.Id], (await History.ListTrashAsync(owner, 0, 10)).Contacts.Select(t => t.Contact.Id));

        Assert.Equal(new UndoCounts(1, 1, 1), await History.UndoAsync(owner, T0.AddMinutes(2), T0.AddMinutes(4)));
        Assert.Equal(Json(afterwards), Json(await Contacts.StreamOwnedAsync(owner).ToListAsync()));
        Assert.Equal(new UndoCounts(0, 0, 0), await History.UndoAsync(ObjectIds.New(), moment, T0.AddMinutes(5)));
    }

    [StoreFact]
    public async Task The_change_feed_gives_each_contact_once_at_its_last_change_with_deletes_after_a_purge_too()
    {
        var owner = (await AddUserAsync()).Id;
        var a = await AddContactAsync(NewContact(owner, "A"));
        var b = await AddContactAsync(NewContact(owner, "B"));
        var c = await AddContactAsync(NewContact(owner, "C"));
        var start = await AllChangesAsync(owner);
        Assert.Equal([a.Id, b.Id, c.Id], start.Changed.Select(x => x.Id));
        Assert.False(start.More);

        await Contacts.EditAsync(owner, a.Id, new ContactEdit.SetFields(T0.AddMinutes(1)) { Name = "A2" });
        await Contacts.DeleteAsync(owner, b.Id, T0.AddMinutes(2));
        await Contacts.EditAsync(owner, a.Id, new ContactEdit.SetFields(T0.AddMinutes(3)) { Name = "A3" });
        await History.PurgeAsync(owner, b.Id);

        var first = await History.ChangesAsync(owner, start.Last, 1);
        Assert.Empty(first.Changed);
        Assert.Equal([b.Id], first.Deleted);
        Assert.True(first.More);
        var second = await History.ChangesAsync(owner, first.Last, 1);
        Assert.Equal("A3", second.Changed.Single().Name);
        Assert.Empty(second.Deleted);
        Assert.False(second.More);
        var none = await History.ChangesAsync(owner, second.Last, 10);
        Assert.Equal((0, 0, second.Last, false), (none.Changed.Count, none.Deleted.Count, none.Last, none.More));
        Assert.Empty((await AllChangesAsync(ObjectIds.New())).Changed);
    }

    [StoreFact]
    public async Task Forgetting_drops_the_old_trash_and_versions_but_no_live_contact()
    {
        var owner = (await AddUserAsync()).Id;
        var old = await AddContactAsync(NewContact(owner, "Old"));
        var trashed = await AddContactAsync(NewContact(owner, "Trashed"));
        await Contacts.EditAsync(owner, old.Id, new ContactEdit.SetFields(T0.AddDays(1)) { Name = "Old 2" });
        await Contacts.DeleteAsync(owner, trashed.Id, T0.AddDays(1));
        await Contacts.EditAsync(owner, old.Id, new ContactEdit.SetFields(T0.AddDays(40)) { Name = "Old 3" });

        await History.ForgetBeforeAsync(T0.AddDays(10));

        Assert.Equal(0, (await History.ListTrashAsync(owner, 0, 10)).Total);
        Assert.Null(await History.VersionsAsync(owner, trashed.Id));
        // The version replaced on day 40 is within the retention; the one replaced on day 1 is not.
        Assert.Equal(["Old 3", "Old 2"], (await History.VersionsAsync(owner, old.Id))!.Select(v => v.Contact.Name));
        var feed = await AllChangesAsync(owner);
        Assert.Equal([old.Id], feed.Changed.Select(x => x.Id));
        Assert.Empty(feed.Deleted);
    }

    [StoreFact]
    public async Task Deleting_a_user_deletes_their_trash_and_history()
    {
        var user = await AddUserAsync();
        var contact = await AddContactAsync(NewContact(user.Id));
        await AddContactAsync(NewContact(user.Id, "Other"));
        await Contacts.DeleteAsync(user.Id, contact.Id, T0.AddMinutes(1));

        Assert.True(await Users.DeleteAsync(user.Id));

        Assert.Equal(0, (await History.ListTrashAsync(user.Id, 0, 10)).Total);
        Assert.Null(await History.VersionsAsync(user.Id, contact.Id));
        Assert.Equal((0, 0), ((await AllChangesAsync(user.Id)).Changed.Count, (await AllChangesAsync(user.Id)).Deleted.Count));
    }
}
