using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace ContactsApi.Tests.Storage;

/// <summary>
/// Paging, as a property: for any contacts (names in several alphabets, equal but for case or accents, many
/// ties in every key), any sort key and order, any page size and any name search, the pages read one after
/// another are the matches in the collation's order, each once. Pages past the middle are read from the far
/// end (SQLite), searches of one, two, three and more characters take different indexes: all must agree.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly string[] NamePieces =
    [
        "anna", "Anna", "ANNA", "Ганна", "ґанна", "Генадій", "émile", "Emile", "EMILE", "Οδυσσέας", "ΟΔΥΣΣΕΑΣ", "Łukasz", "ørjan", "Ørjan",
        "Zoe", "zoë", "Їжак", "іван", "Іван", "𐐀𐐨", "-", "O'Neil",
    ];

    private static readonly string?[] Searches = [null, null, null, "ан", "анн", "АННА", "a", "E", "mil", "ÉMILE", "σσ", "ΟΔΥΣ", "𐐨", "zz", "n a", "anna "];

    private static readonly Gen<PagingRow> Row =
        from pieces in Gen.Choose(1, 3).SelectMany(n => Gen.Elements(NamePieces).ArrayOf(n))
        from email in Gen.Elements("anna@x.io", "Anna@X.IO", "émile@x.io", "zoe@x.io", "єва@пошта.укр", "b.o.b@x.io")
        from phone in Gen.Elements("+1 555 0100", "+1 555 0101", "(0) 1")
        from favorite in Gen.Elements(true, false)
        from created in Gen.Choose(0, 3)
        from updated in Gen.Choose(0, 3)
        select new PagingRow(string.Join(" ", pieces), email, phone, favorite, created, updated);

    private static readonly Gen<PagingCase> Case =
        from rows in Gen.Choose(0, 30).SelectMany(n => Row.ArrayOf(n))
        // The default sort, whose searches take their own paths, weighs as much as the others together.
        from sort in Gen.Frequency((1, Gen.Constant(ContactSort.Name)), (1, Gen.Elements(Enum.GetValues<ContactSort>())))
        from desc in Gen.Elements(true, false)
        from limit in Gen.Choose(1, 7)
        from search in Gen.Elements(Searches)
        select new PagingCase(rows, sort, desc, limit, search);

    [StoreFact]
    public async Task Paging_through_any_sort_and_search_visits_every_match_once_in_the_collations_order() =>
        // On a thread of the pool: FsCheck runs each case to its end, and a case waits for the store.
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(100),
            Prop.ForAll(Case.ToArbitrary(), c => PagesVisitEveryMatchOnceAsync(c).GetAwaiter().GetResult())));

    private async Task PagesVisitEveryMatchOnceAsync(PagingCase c)
    {
        var owner = (await AddUserAsync()).Id;
        var contacts = new List<Contact>();
        foreach (var r in c.Rows)
            contacts.Add(await AddContactAsync(NewContact(owner, r.Name, r.Email, r.Phone, r.Favorite, T0.AddMinutes(r.Created), T0.AddMinutes(r.Updated))));
        var search = c.Search is null ? null : SearchText.Fold(c.Search);
        var matches = contacts.Where(contact => search is null || SearchText.Fold(contact.Name).Contains(search, StringComparison.Ordinal));
        var ascending = matches.Order(Comparer<Contact>.Create((a, b) => ByKey(c.Sort, a, b) is var byKey and not 0 ? byKey : string.CompareOrdinal(a.Id, b.Id)));
        var expected = (c.Descending ? ascending.Reverse() : ascending).Select(contact => contact.Id).ToList();

        var visited = new List<string>();
        for (var page = 1; page <= expected.Count / c.Limit + 2; page++)
        {
            var (found, total) = await Contacts.ListAsync(owner, new ContactQuery
            {
                Page = page, Limit = c.Limit, Sort = c.Sort, Descending = c.Descending, Name = search,
            });
            Assert.Equal(expected.Count, total);
            visited.AddRange(found.Select(contact => contact.Id));
        }
        Assert.Equal(expected, visited);
    }

    private static int ByKey(ContactSort sort, Contact a, Contact b) => sort switch
    {
        ContactSort.Name => Collations.Ukrainian.Compare(a.Name, b.Name),
        ContactSort.Email => Collations.Ukrainian.Compare(a.Email, b.Email),
        ContactSort.Phone => string.CompareOrdinal(a.Phone, b.Phone),
        ContactSort.Favorite => a.Favorite.CompareTo(b.Favorite),
        ContactSort.CreatedAt => a.CreatedAt.CompareTo(b.CreatedAt),
        _ => a.UpdatedAt.CompareTo(b.UpdatedAt),
    };

    public sealed record PagingRow(string Name, string Email, string Phone, bool Favorite, int Created, int Updated);

    public sealed record PagingCase(PagingRow[] Rows, ContactSort Sort, bool Descending, int Limit, string? Search)
    {
        public override string ToString() =>
            $"sort={Sort} desc={Descending} limit={Limit} search={Search ?? "(none)"} rows=[{string.Join("; ", Rows.Select(r => $"{r.Name}|{r.Email}|{r.Phone}|{r.Favorite}|{r.Created}|{r.Updated}"))}]";
    }
}
