using ContactsApi.Common;
using ContactsApi.Contacts;

namespace ContactsApi.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static Phone NewPhone(string number, string label = "work") => new(ObjectIds.New(), number, label);

    [StoreFact]
    public async Task Setting_fields_writes_the_named_ones_and_keeps_the_rest()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, "Ann", "ann@example.com", "+1 555 0100", morePhones: ["+1 555 0101"]));

        var (renamed, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.SetFields(T0.AddDays(1)) { Name = "Zoe", Favorite = true });
        var expected = contact with { Name = "Zoe", Favorite = true, UpdatedAt = T0.AddDays(1) };
        Assert.Equal(Json(expected), Json(renamed));

        var (firstNumber, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.SetFields(T0.AddDays(2)) { FirstNumber = "+9 999 0000" });
        expected = expected with { Phones = [contact.Phones[0] with { Number = "+9 999 0000" }, contact.Phones[1]], UpdatedAt = T0.AddDays(2) };
        Assert.Equal(Json(expected), Json(firstNumber));

        Phone[] replacement = [NewPhone("+2 222 2222", "home")];
        var (replaced, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.SetFields(T0.AddDays(3)) { Email = "zoe@example.com", Phones = replacement });
        expected = expected with { Email = "zoe@example.com", Phones = replacement, UpdatedAt = T0.AddDays(3) };
        Assert.Equal(Json(expected), Json(replaced));
        Assert.Equal(Json(expected), Json(await Contacts.FindAsync(owner, contact.Id)));
        // The stored copies that searches and sorts read changed with the fields.
        Assert.Equal(1, (await Contacts.ListAsync(owner, new ContactQuery { Name = "zoe", Email = "zoe@", PhoneDigits = "2222222" })).Total);
        Assert.Equal(0, (await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "99990000" })).Total);
    }

    [StoreFact]
    public async Task Phones_are_added_up_to_twenty_and_the_next_is_refused_with_nothing_written()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));
        for (var i = 1; i < PhoneRules.MaxPhones; i++)
            await Contacts.EditAsync(owner, contact.Id, new ContactEdit.AddPhone(NewPhone($"+1 555 {i:0000}"), T0.AddMinutes(i)));
        var full = (await Contacts.FindAsync(owner, contact.Id))!;

        var (_, refused) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.AddPhone(NewPhone("+1 555 9999"), T0.AddDays(1)));

        Assert.Equal((400, "A contact can have at most 20 phones"), (refused!.Status, refused.Message));
        Assert.Equal(PhoneRules.MaxPhones, full.Phones.Count);
        Assert.Equal(T0.AddMinutes(PhoneRules.MaxPhones - 1), full.UpdatedAt);
        Assert.Equal(Json(full), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Equal(1, (await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "15550019" })).Total);
    }

    [StoreFact]
    public async Task Concurrent_phone_adds_all_land_until_twenty_and_the_rest_are_refused()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));
        var phones = Enumerable.Range(0, 25).Select(i => NewPhone($"+1 555 {i:0000}")).ToList();

        var outcomes = await Task.WhenAll(phones.Select(phone => Task.Run(async () =>
        {
            var (written, refused) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.AddPhone(phone, T0.AddDays(1)));
            return refused?.Message ?? (written is not null ? "added" : "missing");
        })));

        var stored = (await Contacts.FindAsync(owner, contact.Id))!;
        Assert.Equal(PhoneRules.MaxPhones, stored.Phones.Count);
        Assert.Equal(19, outcomes.Count(o => o == "added"));
        Assert.Equal(6, outcomes.Count(o => o == "A contact can have at most 20 phones"));
        var added = phones.Where((_, i) => outcomes[i] == "added").Select(p => p.Id);
        Assert.Equal(added.Append(contact.Phones[0].Id).Order(), stored.Phones.Select(p => p.Id).Order());
    }

    [StoreFact]
    public async Task Editing_the_first_phone_moves_the_contact_in_phone_search_and_sort_and_keeps_its_label_as_text()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, "Ann", phone: "+1 555 0100", morePhones: ["+1 555 0101"]));
        var other = await AddContactAsync(NewContact(owner, "Bob", "bob@example.com", "+5 000 0000"));

        // A label that an aggregation expression would read as a field path.
        var (edited, _) = await Contacts.EditAsync(owner, contact.Id,
            new ContactEdit.EditPhone(contact.Phones[0].Id, "+9 999 0000", "$name", T0.AddDays(1)));

        var expected = contact with
        {
            Phones = [new Phone(contact.Phones[0].Id, "+9 999 0000", "$name"), contact.Phones[1]], UpdatedAt = T0.AddDays(1),
        };
        Assert.Equal(Json(expected), Json(edited));
        Assert.Equal(Json(expected), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Equal([contact.Id], (await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "99990000" })).Contacts.Select(c => c.Id));
        Assert.Equal([contact.Id], (await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "15550101" })).Contacts.Select(c => c.Id));
        Assert.Empty((await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "15550100" })).Contacts);
        Assert.Equal([other.Id, contact.Id], (await Contacts.ListAsync(owner, new ContactQuery { Sort = ContactSort.Phone })).Contacts.Select(c => c.Id));

        var (relabelled, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.EditPhone(contact.Phones[1].Id, null, "home", T0.AddDays(2)));
        Assert.Equal(Json(expected with { Phones = [expected.Phones[0], contact.Phones[1] with { Label = "home" }], UpdatedAt = T0.AddDays(2) }),
            Json(relabelled));
    }

    [StoreFact]
    public async Task Removing_the_first_phone_makes_the_next_one_the_contacts_phone()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, "Ann", phone: "+1 555 0100", morePhones: ["+9 555 0101"]));
        var other = await AddContactAsync(NewContact(owner, "Bob", "bob@example.com", "+5 000 0000"));

        var (removed, _) = await Contacts.EditAsync(owner, contact.Id, new ContactEdit.RemovePhone(contact.Phones[0].Id, T0.AddDays(1)));

        var expected = contact with { Phones = [contact.Phones[1]], UpdatedAt = T0.AddDays(1) };
        Assert.Equal(Json(expected), Json(removed));
        Assert.Equal("+9 555 0101", removed!.Phone);
        Assert.Equal(Json(expected), Json(await Contacts.FindAsync(owner, contact.Id)));
        Assert.Empty((await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "15550100" })).Contacts);
        Assert.Equal([contact.Id], (await Contacts.ListAsync(owner, new ContactQuery { PhoneDigits = "95550101" })).Contacts.Select(c => c.Id));
        Assert.Equal([other.Id, contact.Id], (await Contacts.ListAsync(owner, new ContactQuery { Sort = ContactSort.Phone })).Contacts.Select(c => c.Id));
    }

    [StoreFact]
    public async Task Refused_edits_come_back_as_the_rules_refusal_and_write_nothing_and_other_owners_contacts_are_not_found()
    {
        var owner = (await AddUserAsync()).Id;
        var stranger = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner));
        var phoneId = contact.Phones[0].Id;

        async Task<(int, string)> RefusalOf(ContactEdit edit)
        {
            var (_, refused) = await Contacts.EditAsync(owner, contact.Id, edit);
            return (refused!.Status, refused.Message);
        }

        Assert.Equal((400, "A contact must keep at least one phone"), await RefusalOf(new ContactEdit.RemovePhone(phoneId, T0.AddDays(1))));
        Assert.Equal((404, "Not Found"), await RefusalOf(new ContactEdit.RemovePhone(ObjectIds.New(), T0.AddDays(1))));
        Assert.Equal((404, "Not Found"), await RefusalOf(new ContactEdit.EditPhone(ObjectIds.New(), "+1 555 0199", null, T0.AddDays(1))));
        Assert.Equal((404, "Not Found"), await RefusalOf(new ContactEdit.EditPhone("not-an-id", "+1 555 0199", null, T0.AddDays(1))));
        Assert.Same(Refusal.NotFound, (await Contacts.EditAsync(stranger, contact.Id, new ContactEdit.SetFields(T0.AddDays(1)) { Name = "Stolen" })).Refusal);
        Assert.Same(Refusal.NotFound, (await Contacts.EditAsync(stranger, contact.Id, new ContactEdit.AddPhone(NewPhone("+1 555 0199"), T0.AddDays(1)))).Refusal);
        Assert.Same(Refusal.NotFound, (await Contacts.EditAsync(owner, ObjectIds.New(), new ContactEdit.RemovePhone(phoneId, T0.AddDays(1)))).Refusal);
        Assert.Equal(Json(contact), Json(await Contacts.FindAsync(owner, contact.Id)));
    }

    [StoreFact]
    public async Task Concurrent_edits_of_different_fields_and_phones_all_land()
    {
        var owner = (await AddUserAsync()).Id;
        var contact = await AddContactAsync(NewContact(owner, "Ann", phone: "+1 555 0100", morePhones: ["+1 555 0101", "+1 555 0102"]));
        var added = NewPhone("+1 555 0103");

        await Task.WhenAll(new ContactEdit[]
        {
            new ContactEdit.SetFields(T0.AddDays(1)) { Name = "Zoe" },
            new ContactEdit.SetFields(T0.AddDays(1)) { Favorite = true },
            new ContactEdit.AddPhone(added, T0.AddDays(1)),
            new ContactEdit.EditPhone(contact.Phones[1].Id, null, "home", T0.AddDays(1)),
            new ContactEdit.RemovePhone(contact.Phones[2].Id, T0.AddDays(1)),
        }.Select(edit => Task.Run(() => Contacts.EditAsync(owner, contact.Id, edit))));

        var expected = contact with
        {
            Name = "Zoe", Favorite = true, UpdatedAt = T0.AddDays(1),
            Phones = [contact.Phones[0], contact.Phones[1] with { Label = "home" }, added],
        };
        Assert.Equal(Json(expected), Json(await Contacts.FindAsync(owner, contact.Id)));
    }
}
