using ContactsApi.Common;
using ContactsApi.Contacts;

namespace ContactsApi.Tests.Storage;

/// <summary>The whole card in every store: its fields, its photo apart, and an import's one transaction.</summary>
public abstract partial class StoreContractTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];

    protected static Contact WholeCard(string owner, string name = "Grace Hopper", string? uid = "urn:uuid:grace") =>
        NewContact(owner, name, email: "grace@navy.example") with
        {
            Emails = [new ContactEmail(ObjectIds.New(), "grace@navy.example", "work"), new ContactEmail(ObjectIds.New(), "g@home.example", "home")],
            Organization = "US Navy",
            Title = "Rear Admiral",
            Birthday = "--12-09",
            Notes = "COBOL\nFirst compiler",
            Addresses = [new ContactAddress(ObjectIds.New(), "work", "1 Navy Way\nBuilding 2", "Arlington", "VA", "22202", "USA")],
            Uid = uid,
            Kept = ["NICKNAME:Amazing Grace", "item1.URL:https://navy.example", "item1.X-ABLabel:_$!<HomePage>!$_"],
        };

    private static ImportedCard Card(Contact contact, ContactPhoto? photo = null) =>
        new(contact with { Id = "", Owner = "", PhotoTag = photo?.Tag }, photo);

    private async Task<ImportCounts> ImportAsync(string owner, params ImportedCard[] cards)
    {
        var (counts, refusal) = await Contacts.ImportAsync(owner, cards, T0.AddDays(1), _ => null);
        Assert.Null(refusal);
        return counts!;
    }

    [StoreFact]
    public async Task Every_field_of_the_card_is_stored_and_read_back()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(WholeCard(owner));

        Assert.Equal(Json(contact), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Equal(Json(contact), Json((await Contacts.ListAsync(owner, new ContactQuery())).Contacts.Single()));
    }

    [StoreFact]
    public async Task A_contact_without_email_or_phone_is_listed_sorted_searched_and_streamed()
    {
        var owner = (await AddUserAsync()).Id;
        var bare = await AddContactAsync(NewContact(owner, "Bare") with { Email = "", Phones = [] });
        var full = await AddContactAsync(NewContact(owner, "Full"));

        foreach (var sort in new[] { ContactSort.Email, ContactSort.Phone })
            Assert.Equal([bare.Id, full.Id], (await Contacts.ListAsync(owner, new ContactQuery { Sort = sort })).Contacts.Select(c => c.Id));
        Assert.Equal([full.Id], (await Contacts.ListAsync(owner, new ContactQuery { Email = "ann" })).Contacts.Select(c => c.Id));
        Assert.Equal([full.Id], (await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "555" })).Contacts.Select(c => c.Id));
        Assert.Equal(Json(bare), Json(await Contacts.FindAsync(owner, bare.Id)));
        Assert.Equal(Json(new[] { bare, full }), Json(await Contacts.StreamByOwnersAsync([owner]).ToListAsync()));
        Assert.Empty((await Contacts.FindAsync(owner, bare.Id))!.ListedEmails);
    }

    [StoreFact]
    public async Task An_email_stored_without_a_list_is_listed_with_the_contacts_id_and_the_label_other()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, email: "ann@example.com"));

        var stored = (await Contacts.FindAsync(owner, contact.Id))!;

        Assert.Equal([new ContactEmail(contact.Id, "ann@example.com", "other")], stored.ListedEmails);
    }

    [StoreFact]
    public async Task An_email_changed_alone_changes_the_first_listed_one_keeping_its_id_and_label()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(WholeCard(owner));

        var (edited, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.SetFields(T0.AddDays(1)) { Email = "grace@new.example" });

        var expected = contact with
        {
            Email = "grace@new.example", Emails = [contact.Emails[0] with { Address = "grace@new.example" }, contact.Emails[1]], UpdatedAt = T0.AddDays(1),
        };
        Assert.Equal(Json(expected), Json(edited));
        Assert.Equal(Json(expected), Json(await Contacts.FindAsync(owner, contact.Id)));
    }

    [StoreFact]
    public async Task Set_fields_replace_the_lists_and_an_empty_text_clears_its_field()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(WholeCard(owner));
        var emails = new[] { new ContactEmail(ObjectIds.New(), "zoe@example.com", "home") };
        var addresses = new[] { new ContactAddress(ObjectIds.New(), "home", "", "Kyiv", "", "", "Ukraine") };

        var (edited, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.SetFields(T0.AddDays(2))
        {
            Emails = emails, Organization = "", Title = "Admiral", Birthday = "1906-12-09", Notes = "", Addresses = addresses,
        });

        var expected = contact with
        {
            Email = "zoe@example.com", Emails = emails, Organization = null, Title = "Admiral", Birthday = "1906-12-09", Notes = null,
            Addresses = addresses, UpdatedAt = T0.AddDays(2),
        };
        Assert.Equal(Json(expected), Json(edited));
        Assert.Equal(Json(expected), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Equal([contact.Id], (await Contacts.ListAsync(owner, new ContactQuery { Email = "zoe@" })).Contacts.Select(c => c.Id));
    }

    [StoreFact]
    public async Task A_first_number_set_on_a_contact_without_phones_becomes_its_only_one()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner) with { Phones = [] });

        var (edited, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.SetFields(T0.AddDays(1)) { FirstNumber = "+1 555 0199" });

        Assert.Equal(("+1 555 0199", "mobile"), (Assert.Single(edited!.Phones).Number, edited.Phones[0].Label));
        Assert.Equal(Json(edited), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Equal([contact.Id], (await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "5550199" })).Contacts.Select(c => c.Id));
    }

    [StoreFact]
    public async Task A_photo_is_its_owners_alone_and_goes_with_its_contact()
    {
        var owner = (await AddUserAsync()).Id;
        var stranger = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));
        var photo = new ContactPhoto("image/jpeg", Jpeg);

        Assert.False(await Contacts.PutPhotoAsync(stranger, contact.Id, photo));
        Assert.True(await Contacts.PutPhotoAsync(owner, contact.Id, photo));

        Assert.Equal(photo.Tag, (await Contacts.FindAsync(owner, contact.Id))!.PhotoTag);
        var found = (await Contacts.FindPhotoAsync(owner, contact.Id))!;
        Assert.Equal("image/jpeg", found.MediaType);
        Assert.Equal(Jpeg, found.Data);
        Assert.Null(await Contacts.FindPhotoAsync(stranger, contact.Id));
        Assert.Null(await Contacts.DeleteAsync(owner, contact.Id, T0));
        Assert.Null(await Contacts.FindPhotoAsync(owner, contact.Id));
    }

    [StoreFact]
    public async Task Deleting_a_user_deletes_their_photos()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));
        await Contacts.PutPhotoAsync(owner, contact.Id, new ContactPhoto(null, Jpeg));

        Assert.True(await Users.DeleteAsync(owner));

        Assert.Null(await Contacts.FindPhotoAsync(owner, contact.Id));
    }

    [StoreFact]
    public async Task An_owners_contacts_stream_oldest_first_page_after_page_ties_broken_by_id()
    {
        var owner = (await AddUserAsync()).Id;
        var newest = await AddContactAsync(NewContact(owner, "Newest", createdAt: T0.AddDays(2)));
        // More than a page, all at one time: the pages follow the ids.
        var same = new List<Contact>();
        for (var i = 0; i < 1203; i++) same.Add(await AddContactAsync(NewContact(owner, $"Same {i}", createdAt: T0.AddDays(1))));
        var oldest = await AddContactAsync(NewContact(owner, "Oldest", createdAt: T0));
        await AddContactAsync(NewContact((await AddUserAsync()).Id, "Someone else's"));

        var streamed = await Contacts.StreamOwnedAsync(owner).ToListAsync();

        Assert.Equal([oldest.Id, .. same.Select(c => c.Id).Order(StringComparer.Ordinal), newest.Id], streamed.Select(c => c.Id));
        Assert.Equal(Json(oldest), Json(streamed[0]));
    }

    [StoreFact]
    public async Task An_import_creates_new_cards_and_finds_them_again_by_uid_or_by_name_numbers_and_addresses()
    {
        var owner = (await AddUserAsync()).Id;
        var withUid = WholeCard(owner, "Grace Hopper");
        var withoutUid = WholeCard(owner, "Ada Lovelace", uid: null);
        var photo = new ContactPhoto("image/jpeg", Jpeg);

        Assert.Equal(new ImportCounts(2, 0, 0), await ImportAsync(owner, Card(withUid, photo), Card(withoutUid)));
        Assert.Equal(new ImportCounts(0, 0, 2), await ImportAsync(owner, Card(withUid, photo), Card(withoutUid)));

        var stored = (await Contacts.ListAsync(owner, new ContactQuery())).Contacts;
        var grace = stored.Single(c => c.Name == "Grace Hopper");
        Assert.Equal(Json(withUid with { Id = grace.Id, PhotoTag = photo.Tag, CreatedAt = T0.AddDays(1), UpdatedAt = T0.AddDays(1) }), Json(grace));
        Assert.Equal(Jpeg, (await Contacts.FindPhotoAsync(owner, grace.Id))!.Data);
        // Renamed on the phone: the UID still finds it. Without a UID, another number makes another contact.
        Assert.Equal(new ImportCounts(1, 1, 0), await ImportAsync(owner,
            Card(withUid with { Name = "Grace B. Hopper" }, photo),
            Card(withoutUid with { Phones = [new Phone(ObjectIds.New(), "+44 20 0000", "home")] })));
        Assert.Equal(3, (await Contacts.ListAsync(owner, new ContactQuery())).Total);
        Assert.Equal("Grace B. Hopper", (await Contacts.FindAsync(owner, grace.Id))!.Name);
    }

    [StoreFact]
    public async Task A_card_with_the_contacts_id_as_its_uid_finds_a_contact_made_here()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, "Made Here"));

        var counts = await ImportAsync(owner, Card(contact with { Name = "Renamed On The Phone", Uid = contact.Id }));

        Assert.Equal(new ImportCounts(0, 1, 0), counts);
        var updated = (await Contacts.FindAsync(owner, contact.Id))!;
        Assert.Equal(("Renamed On The Phone", null), (updated.Name, updated.Uid));
    }

    [StoreFact]
    public async Task An_updating_card_keeps_the_contacts_id_favorite_creation_time_and_the_ids_of_entries_it_keeps()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(WholeCard(owner) with { Favorite = true });
        var changed = contact with
        {
            Title = "Commodore",
            Phones = [new Phone(ObjectIds.New(), contact.Phones[0].Number, contact.Phones[0].Label), new Phone(ObjectIds.New(), "+1 555 0400", "work")],
            Kept = [.. contact.Kept, "X-CUSTOM:new"],
        };

        Assert.Equal(new ImportCounts(0, 1, 0), await ImportAsync(owner, Card(changed)));

        var updated = (await Contacts.FindAsync(owner, contact.Id))!;
        Assert.Equal((contact.Id, true, T0, T0.AddDays(1)), (updated.Id, updated.Favorite, updated.CreatedAt, updated.UpdatedAt));
        Assert.Equal(contact.Phones[0].Id, updated.Phones[0].Id);
        Assert.Equal(contact.Emails.Select(e => e.Id), updated.Emails.Select(e => e.Id));
        Assert.Equal(contact.Addresses.Select(a => a.Id), updated.Addresses.Select(a => a.Id));
        Assert.Equal(("Commodore", "X-CUSTOM:new"), (updated.Title, updated.Kept[^1]));
    }

    [StoreFact]
    public async Task Two_equal_cards_in_one_file_make_two_contacts_and_find_one_each_next_time()
    {
        var owner = (await AddUserAsync()).Id;
        var twin = WholeCard(owner, "Twin", uid: null);

        Assert.Equal(new ImportCounts(2, 0, 0), await ImportAsync(owner, Card(twin), Card(twin)));
        Assert.Equal(new ImportCounts(0, 0, 2), await ImportAsync(owner, Card(twin), Card(twin)));
    }

    [StoreFact]
    public async Task A_refused_import_writes_nothing()
    {
        var owner = (await AddUserAsync()).Id;
        var existing = await AddContactAsync(WholeCard(owner));
        ImportCounts? asked = null;

        var (_, refusal) = await Contacts.ImportAsync(owner, [Card(WholeCard(owner, "New One", uid: "new")), Card(existing with { Title = "Changed" })],
            T0.AddDays(1), counts =>
            {
                asked = counts;
                return new Refusal(429, "Too many requests; try again later");
            });

        Assert.Equal((429, new ImportCounts(1, 1, 0)), (refusal!.Status, asked));
        Assert.Equal(Json(new[] { existing }), Json((await Contacts.ListAsync(owner, new ContactQuery())).Contacts));
    }
}
