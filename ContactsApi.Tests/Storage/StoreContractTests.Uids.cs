namespace ContactsApi.Tests.Storage;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task Contacts_are_found_by_their_card_s_UID_or_by_the_id_a_card_made_here_carries()
    {
        var user = await AddUserAsync();
        var other = await AddUserAsync();
        var second = await AddContactAsync(NewContact(user.Id, "Second") with { Uid = "card-1" });
        var first = await AddContactAsync(NewContact(user.Id, "First", id: "000000000000000000000001") with { Uid = "card-1" });
        var madeHere = await AddContactAsync(NewContact(user.Id, "Made here"));
        var renamed = await AddContactAsync(NewContact(user.Id, "Its UID is another") with { Uid = "card-2" });
        await AddContactAsync(NewContact(other.Id, "Not mine") with { Uid = "card-1" });

        Assert.Equal(Ids([first, second]), Ids((await Contacts.FindByUidAsync(user.Id, "card-1")).Select(t => t.Contact)));
        Assert.Equal(madeHere.Id, Assert.Single(await Contacts.FindByUidAsync(user.Id, madeHere.Id)).Contact.Id);
        Assert.Empty(await Contacts.FindByUidAsync(user.Id, renamed.Id));
        Assert.Empty(await Contacts.FindByUidAsync(user.Id, "card-3"));
    }
}
