using ContactsApi.Common;
using ContactsApi.Contacts;

namespace ContactsApi.Tests.Storage;

/// <summary>Names and emails in every alphabet: the collation's order, and searches in any case.</summary>
public abstract partial class StoreContractTests
{
    /// <summary>Issue 13's names, in the order the service used to list them (capitals first, Ґ after я).</summary>
    public static readonly string[] AlphabetNames =
        ["adam", "Zoe", "Émile", "Ørjan", "Łukasz", "Євген", "Іван", "Їжак", "Борис", "Генадій", "Ера", "Яна", "анна", "иван", "Ґанна"];

    /// <summary>CLDR's Ukrainian order: the Ukrainian alphabet (ґ a letter of its own), case ignored, Cyrillic before Latin.</summary>
    public const string UkrainianOrder = "анна, Борис, Генадій, Ґанна, Ера, Євген, иван, Іван, Їжак, Яна, adam, Émile, Łukasz, Ørjan, Zoe";

    /// <summary>CLDR's root order: Latin first, and ґ a variant of г.</summary>
    public const string RootOrder = "adam, Émile, Łukasz, Ørjan, Zoe, анна, Борис, Ґанна, Генадій, Ера, Євген, иван, Іван, Їжак, Яна";

    [StoreFact]
    public async Task Names_sort_in_the_Ukrainian_alphabet_case_ignored_and_Cyrillic_before_Latin()
    {
        var owner = (await AddUserAsync()).Id;
        foreach (var name in AlphabetNames) await AddContactAsync(NewContact(owner, name));

        Assert.Equal(UkrainianOrder, await NamesAsync(Contacts, owner, new ContactQuery { Limit = 100 }));
        Assert.Equal(Reversed(UkrainianOrder), await NamesAsync(Contacts, owner, new ContactQuery { Limit = 100, Descending = true }));
    }

    [StoreFact]
    public async Task In_a_store_with_the_root_collation_names_sort_Latin_first_and_ґ_as_a_variant_of_г()
    {
        var contacts = store.ContactsCollatedBy("und");
        var owner = ObjectIds.New();
        foreach (var name in AlphabetNames) await contacts.AddAsync(NewContact(owner, name));

        Assert.Equal(RootOrder, await NamesAsync(contacts, owner, new ContactQuery { Limit = 100 }));
        Assert.Equal(Reversed(RootOrder), await NamesAsync(contacts, owner, new ContactQuery { Limit = 100, Descending = true }));
    }

    [StoreFact]
    public async Task Emails_sort_by_the_same_collation_and_names_equal_but_for_case_tie_by_id()
    {
        var owner = (await AddUserAsync()).Id;
        var ids = Enumerable.Range(0, 3).Select(_ => ObjectIds.New()).Order(StringComparer.Ordinal).ToArray();
        await AddContactAsync(NewContact(owner, "ANNA", "zoe@x.io", id: ids[2]));
        await AddContactAsync(NewContact(owner, "Ørjan", "Émile@x.io", id: ids[0]));
        await AddContactAsync(NewContact(owner, "anna", "єва@x.ua", id: ids[1]));

        Assert.Equal("єва@x.ua, Émile@x.io, zoe@x.io", string.Join(", ",
            (await Contacts.ListAsync(owner, new ContactQuery { Sort = ContactSort.Email })).Contacts.Select(c => c.Email)));
        Assert.Equal([ids[1], ids[2], ids[0]], (await Contacts.ListAsync(owner, new ContactQuery())).Contacts.Select(c => c.Id));
        Assert.Equal([ids[0], ids[2], ids[1]], (await Contacts.ListAsync(owner, new ContactQuery { Descending = true })).Contacts.Select(c => c.Id));
    }

    [StoreFact]
    public async Task Searches_find_Cyrillic_Greek_and_accented_Latin_in_any_case_and_keep_accents_apart()
    {
        var owner = (await AddUserAsync()).Id;
        foreach (var (name, email) in new[]
                 {
                     ("анна", "anna@пошта.укр"), ("Ганна", "hanna@x.ua"), ("Яна", "yana@x.ua"), ("Οδυσσέας Ελύτης", "odysseas@x.gr"),
                     ("Émile Zola", "EMILE@X.FR"), ("Emile Berliner", "berliner@x.de"), ("E\u0301douard Manet", "manet@x.fr"), ("Ørjan", "orjan@x.no"),
                 })
            await AddContactAsync(NewContact(owner, name, email));

        async Task<string> Find(string? name = null, string? email = null)
        {
            var (found, total) = await Contacts.ListAsync(owner, new ContactQuery
            {
                Name = name is null ? null : SearchText.Fold(name), Email = email is null ? null : SearchText.Fold(email), Limit = 100,
            });
            Assert.Equal(found.Count, total);
            return string.Join(", ", found.Select(c => c.Name));
        }

        Assert.Equal("анна, Ганна", await Find("АННА"));
        Assert.Equal("анна, Ганна", await Find("анн"));
        Assert.Equal("Ганна", await Find("ГАНН"));
        Assert.Equal("анна, Ганна, Яна", await Find("на"));
        Assert.Equal("Οδυσσέας Ελύτης", await Find("ΟΔΥΣΣΈΑΣ"));      // the final ς is σ folded
        Assert.Equal("Οδυσσέας Ελύτης", await Find("σέα"));
        Assert.Equal("", await Find("ΟΔΥΣΣΕΑΣ"));                     // without the accent: another text
        Assert.Equal("Émile Zola", await Find("émile"));
        Assert.Equal("Émile Zola", await Find("ÉMILE ZO"));
        Assert.Equal("Emile Berliner", await Find("emile"));
        Assert.Equal("E\u0301douard Manet", await Find("ÉDOUARD"));   // typed whole, stored with a combining accent
        Assert.Equal("Ørjan", await Find("ø"));
        Assert.Equal("анна", await Find(email: "ПОШТА"));
        Assert.Equal("Émile Zola", await Find(email: "emile@x"));
        Assert.Equal("Ганна, Яна", await Find(name: "на", email: ".ua"));
    }

    [StoreFact]
    public async Task Search_totals_stay_exact_as_names_change_and_contacts_go()
    {
        var owner = (await AddUserAsync()).Id;
        var stranger = (await AddUserAsync()).Id;
        var anna = await AddContactAsync(NewContact(owner, "Anna Ivanova"));
        var hanna = await AddContactAsync(NewContact(owner, "Hanna"));
        await AddContactAsync(NewContact(stranger, "Anna Stranger"));
        async Task<long> Total(string name) => (await Contacts.ListAsync(owner, new ContactQuery { Name = SearchText.Fold(name) })).Total;

        Assert.Equal((2, 2, 1, 0), (await Total("ann"), await Total("anna"), await Total("iva"), await Total("str")));
        await Contacts.UpdateAsync(owner, anna.Id, c => c with { Name = "Ivan Ivanov" });
        Assert.Equal((1, 1, 1), (await Total("ann"), await Total("anna"), await Total("iva")));
        await Contacts.EditAsync(owner, hanna.Id, new ContactEdit.SetFields(T0.AddDays(1)) { Name = "Ivanna" });
        Assert.Equal((1, 1, 2, 1), (await Total("ann"), await Total("anna"), await Total("iva"), await Total("vann")));
        Assert.Null(await Contacts.DeleteAsync(owner, anna.Id, T0.AddDays(2)));
        Assert.Equal((1, 1, 0), (await Total("ann"), await Total("iva"), await Total("van ")));
        Assert.Equal(1, (await Contacts.ListAsync(stranger, new ContactQuery { Name = "ann" })).Total);
    }

    [StoreFact]
    public async Task Imported_contacts_sort_and_are_found_by_the_collation_and_a_name_an_import_changes_moves()
    {
        var owner = (await AddUserAsync()).Id;
        await ImportAsync(owner, AlphabetNames.Select(name => Card(NewContact(owner, name) with { Uid = "uid-" + name })).ToArray());
        async Task<string> Find(string name) => await NamesAsync(Contacts, owner, new ContactQuery { Name = SearchText.Fold(name), Limit = 100 });

        Assert.Equal(UkrainianOrder, await NamesAsync(Contacts, owner, new ContactQuery { Limit = 100 }));
        Assert.Equal("анна, Ґанна", await Find("АННА"));
        Assert.Equal("Émile", await Find("ÉMI"));

        // Борис's card comes back under another name: the contact moves in the order, and is found by its new name only.
        Assert.Equal(new ImportCounts(0, 1, 0), await ImportAsync(owner, Card(NewContact(owner, "ҐАННА НОВА") with { Uid = "uid-Борис" })));
        Assert.Equal(UkrainianOrder.Replace("Борис, ", "").Replace("Ґанна, ", "Ґанна, ҐАННА НОВА, "),
            await NamesAsync(Contacts, owner, new ContactQuery { Limit = 100 }));
        Assert.Equal("анна, Ґанна, ҐАННА НОВА", await Find("анна"));
        Assert.Equal("", await Find("борис"));
        Assert.Equal("ҐАННА НОВА", await Find("нова"));
    }

    [StoreFact]
    public async Task Contacts_made_before_during_and_after_imports_are_all_found_by_name()
    {
        // An import numbers its new contacts in the owner's range of the search index all at once: the creates
        // around it must neither collide with those numbers nor fall outside the range a search reads.
        var owner = (await AddUserAsync()).Id;
        await AddContactAsync(NewContact(owner, "Anna Before"));
        await ImportAsync(owner, Enumerable.Range(1, 30).Select(i => Card(NewContact(owner, $"Anna Imported {i:D2}"))).ToArray());
        await AddContactAsync(NewContact(owner, "Anna Between"));
        await ImportAsync(owner, Card(NewContact(owner, "Anna Second Import")));
        await AddContactAsync(NewContact(owner, "Anna After"));

        var found = await NamesAsync(Contacts, owner, new ContactQuery { Name = "anna", Limit = 100 });

        Assert.Equal(34, found.Split(", ").Length);
        Assert.Equal(["Anna After", "Anna Before", "Anna Between", "Anna Imported 01"], found.Split(", ").Take(4));
        Assert.Equal("Anna Second Import", found.Split(", ")[^1]);
    }

    private static async Task<string> NamesAsync(IContactRepository contacts, string owner, ContactQuery query) =>
        string.Join(", ", (await contacts.ListAsync(owner, query)).Contacts.Select(c => c.Name));

    private static string Reversed(string order) => string.Join(", ", order.Split(", ").Reverse());
}
