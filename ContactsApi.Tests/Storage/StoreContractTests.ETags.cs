using ContactsApi.Contacts;
using ContactsApi.History;

namespace ContactsApi.Tests.Storage;

/// <summary>The entity tag each store keeps beside a contact: after every kind of write, the tag of the contact as read back.</summary>
public abstract partial class StoreContractTests
{
    /// <summary>Every read that carries the stored tag gives <see cref="ContactETag.Of"/> of the contact as stored, for each of the owner's contacts.</summary>
    private async Task AssertStoredTagsAsync(string owner, string step)
    {
        var contacts = await Contacts.StreamOwnedAsync(owner).ToListAsync();
        var expected = contacts.Select(c => $"{c.Id} {c.Uid} {ContactETag.Of(c)}").Order().ToList();
        Assert.True(expected.SequenceEqual((await Contacts.StreamTagsAsync(owner).ToListAsync()).Select(t => $"{t.Id} {t.Uid} {t.ETag}").Order()),
            $"streamed tags after {step}");
        foreach (var contact in contacts)
        {
            var found = (await Contacts.FindTaggedAsync(owner, contact.Id))!;
            Assert.True((Json(contact), ContactETag.Of(contact)) == (Json(found.Contact), found.ETag), $"tag of {contact.Name} after {step}");
            var byUid = (await Contacts.FindByUidAsync(owner, contact.Uid ?? contact.Id)).Single(t => t.Contact.Id == contact.Id);
            Assert.True(ContactETag.Of(contact) == byUid.ETag, $"tag by UID of {contact.Name} after {step}");
        }
    }

    [StoreFact]
    public async Task The_stored_entity_tag_is_the_contacts_own_after_every_kind_of_write()
    {
        var owner = (await AddUserAsync()).Id;
        var other = (await AddUserAsync()).Id;
        var ann = await AddContactAsync(NewContact(owner, "Ann", morePhones: ["+1 555 0101"]));
        var bo = await AddContactAsync(WholeCard(owner, "Bo", uid: "uid-bo"));
        await AddContactAsync(NewContact(other, "Not mine"));
        await AssertStoredTagsAsync(owner, "creates");

        await Contacts.UpdateAsync(owner, ann.Id, c => c with { Notes = "Changed", UpdatedAt = T0.AddMinutes(1) });
        await AssertStoredTagsAsync(owner, "an update");
        await Contacts.EditAsync(owner, ann.Id, new ContactEdit.SetFields(T0.AddMinutes(2)) { Name = "Ann B", Organization = "Acme" });
        await AssertStoredTagsAsync(owner, "set fields");
        await Contacts.EditAsync(owner, ann.Id, new ContactEdit.SetFields(T0.AddMinutes(3)) { FirstNumber = "+9 999 0000" });
        await AssertStoredTagsAsync(owner, "a first number set");
        var added = new Phone(ContactsApi.Common.ObjectIds.New(), "+1 555 0102", "home");
        await Contacts.EditAsync(owner, ann.Id, new ContactEdit.AddPhone(added, T0.AddMinutes(4)));
        await AssertStoredTagsAsync(owner, "a phone added");
        await Contacts.EditAsync(owner, ann.Id, new ContactEdit.EditPhone(added.Id, "+1 555 0103", "work", T0.AddMinutes(5)));
        await AssertStoredTagsAsync(owner, "a phone changed");
        await Contacts.EditAsync(owner, ann.Id, new ContactEdit.RemovePhone(added.Id, T0.AddMinutes(6)));
        await AssertStoredTagsAsync(owner, "a phone removed");
        await Contacts.PutPhotoAsync(owner, ann.Id, new ContactPhoto("image/jpeg", Jpeg));
        await AssertStoredTagsAsync(owner, "a photo");

        Assert.Equal(new ImportCounts(1, 1, 0), await ImportAsync(owner, Card(WholeCard(owner, "Bo", uid: "uid-bo") with { Title = "Chief" }),
            Card(WholeCard(owner, "Cy", uid: "uid-cy"), new ContactPhoto("image/jpeg", Jpeg))));
        await AssertStoredTagsAsync(owner, "an import");

        Assert.Null(await Contacts.DeleteAsync(owner, bo.Id, T0.AddMinutes(7)));
        Assert.Null((await History.RestoreAsync(owner, bo.Id, T0.AddMinutes(8))).Refusal);
        await AssertStoredTagsAsync(owner, "a restore from the trash");

        await Contacts.EditAsync(owner, ann.Id, new ContactEdit.SetFields(T0.AddDays(3)) { Name = "Ann C" });
        Assert.Null(await Contacts.DeleteAsync(owner, bo.Id, T0.AddDays(3)));
        Assert.Equal(new UndoCounts(1, 1, 0), await History.UndoAsync(owner, T0.AddDays(2), T0.AddDays(4)));
        await AssertStoredTagsAsync(owner, "an undo");
    }
}
