using System.Text;
using ContactsApi.Contacts;
using Microsoft.Data.Sqlite;

namespace ContactsApi.Storage.Sqlite;

/// <summary>
/// One list query: its total, then its page, each read the cheapest way the indexes allow.
/// <list type="bullet">
/// <item>A name or email filter of three characters or more is looked up in the trigram index
/// (<c>contacts_fts</c>), where each owner's contacts are one range of rowids (<c>search_owners</c>): a search
/// costs what its matches cost, not what the owner's other contacts or other owners' contacts do. A name filter of
/// exactly three characters is a single trigram, whose count among the owner's names is kept (<c>name_trigrams</c>),
/// so its total is one row's read.</item>
/// <item>Shorter filters, and the phone and favorite filters, are checked entry by entry in an index of the
/// owner's rows: a cost that grows with the owner's contacts. A name filter alone checks each distinct name
/// once (<c>name_groups</c>), however many contacts share it.</item>
/// <item>The page walks the sort's index and skips what doesn't match, when the matches are frequent enough
/// for the page to come early in the walk; otherwise it reads the few matching rows and sorts them. A name
/// search in name order walks the distinct names, then reads the rows of those its page falls on.</item>
/// </list>
/// The commands are internal so that the store tests explain the very SQL this issues.
/// </summary>
internal sealed class SqliteContactList(CachedConnection c, string owner, ContactQuery query)
{
    // Reading a row costs about twenty steps of an index walk (2 µs against 0.1 µs, measured at 100,000 contacts).
    private const long RowCost = 20;

    private const string Matches =
        "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH $match AND rowid BETWEEN $first AND $last";

    private readonly string? _indexedName = Indexable(query.Name);
    private readonly string? _indexedEmail = Indexable(query.Email);
    private long _contacts, _candidates, _ownerNo;

    private bool Filtered => query.Name is not null || query.Email is not null || query.PhoneDigits is not null || query.Favorite is not null;
    private bool NameOnly => query.Name is not null && query.Email is null && query.PhoneDigits is null && query.Favorite is null;
    private bool Indexed => _indexedName is not null || _indexedEmail is not null;
    private bool OthersFiltered => (query.Name is not null && _indexedName is null) || (query.Email is not null && _indexedEmail is null)
                                   || query.PhoneDigits is not null || query.Favorite is not null;

    /// <summary>All the query's matches among the owner's contacts. Call it first: the page's plan depends on it.</summary>
    public async Task<long> CountAsync(CancellationToken ct)
    {
        _contacts = await ScalarAsync(c.Command(SqliteContactRepository.KeptCount).With("$owner", owner), ct);
        if (!Filtered || _contacts == 0) return _contacts;
        if (query.Name is null && !Indexed) return await ScalarAsync(ScanCountCommand(), ct);
        _ownerNo = await ScalarAsync(c.Command("SELECT coalesce((SELECT no FROM search_owners WHERE owner = $owner), 0)")
            .With("$owner", owner), ct);
        if (!Indexed) return await ScalarAsync(NameOnly ? GroupCountCommand() : ScanCountCommand(), ct);
        var oneTrigram = _indexedEmail is null && _indexedName!.EnumerateRunes().Count() == 3;
        _candidates = await ScalarAsync(oneTrigram ? TrigramCountCommand() : SearchCountCommand(), ct);
        if (!OthersFiltered || _candidates == 0) return _candidates;
        // The other filters are checked on each candidate's row, or on each of the owner's index entries: the fewer steps.
        return await ScalarAsync(_candidates * RowCost < _contacts ? CandidateCountCommand() : ScanCountCommand(), ct);
    }

    /// <summary>
    /// The page of <paramref name="total"/> matches, in order. OFFSET steps over the skipped entries one by one, so
    /// a page past the middle is read in the opposite order from the far end and turned round: page 400 of 500
    /// skips 2,000 entries, not 7,980.
    /// </summary>
    public async Task<List<Contact>> PageAsync(long total, CancellationToken ct)
    {
        var fromEnd = query.Skip > total / 2;
        var skip = fromEnd ? Math.Max(0, total - query.Skip - query.Limit) : query.Skip;
        var limit = fromEnd ? Math.Min(query.Limit, total - query.Skip) : query.Limit;
        // A walk meets a match every contacts/total entries; reading the candidates costs a row each.
        var walk = (skip + limit) * _contacts / Math.Max(total, 1) * (WalkReadsRows ? RowCost : 1);
        var fetch = Indexed ? _candidates * RowCost : long.MaxValue;
        var reverse = query.Descending != fromEnd;
        var page = fetch < walk ? await FetchCommand(skip, limit, reverse).ReadAsync(SqliteContactRepository.Read, ct)
            : NameOnly && query.Sort == ContactSort.Name ? await NameGroupPageAsync(skip, limit, reverse, ct)
            : await WalkCommand(skip, limit, reverse).ReadAsync(SqliteContactRepository.Read, ct);
        if (fromEnd) page.Reverse();
        return page;
    }

    /// <summary>
    /// The distinct names that match, in order, summed until the page is reached; then the rows of those names
    /// the page falls on, skipping the matches of the names before.
    /// </summary>
    private async Task<List<Contact>> NameGroupPageAsync(long skip, long limit, bool reverse, CancellationToken ct)
    {
        var keys = new List<string>();
        long before = 0, seen = 0;
        await using (var groups = await NameGroupsCommand(reverse).ExecuteReaderAsync(ct))
            while (seen < skip + limit && await groups.ReadAsync(ct))
            {
                var n = groups.GetInt64(1);
                if (seen + n > skip) keys.Add(Convert.ToHexString(groups.GetFieldValue<byte[]>(0)));
                else before += n;
                seen += n;
            }
        return await NameGroupRowsCommand(keys, skip - before, limit, reverse).ReadAsync(SqliteContactRepository.Read, ct);
    }

    internal SqliteCommand ScanCountCommand() => Bind(c.Command($"SELECT count(*) FROM contacts WHERE {AllFilters()}"));

    internal SqliteCommand GroupCountCommand() => Bind(c.Command(
        "SELECT coalesce(sum(n), 0) FROM name_groups WHERE owner_no = $owner_no AND instr(name_lc, $name) > 0"));

    /// <summary>Each distinct name that matches, in order, with the number of contacts that have it.</summary>
    internal SqliteCommand NameGroupsCommand(bool reverse) => Bind(c.Command($"""
        SELECT name_key, sum(n) FROM name_groups WHERE owner_no = $owner_no AND instr(name_lc, $name) > 0
        GROUP BY name_key ORDER BY name_key {(reverse ? "DESC" : "ASC")}
        """));

    internal SqliteCommand NameGroupRowsCommand(IReadOnlyCollection<string> hexKeys, long skip, long limit, bool reverse) => Paged(c.Command($"""
        SELECT {SqliteContactRepository.Columns} FROM contacts INDEXED BY contacts_by_name
        WHERE owner = $owner AND name_key IN (SELECT unhex(value) FROM json_each($keys)) AND instr(name_lc, $name) > 0
        ORDER BY {OrderBy(reverse)} LIMIT +$limit OFFSET +$skip
        """), skip, limit).With("$keys", $"[{string.Join(",", hexKeys.Select(k => $"\"{k}\""))}]");

    internal SqliteCommand TrigramCountCommand() => Bind(c.Command(
        "SELECT coalesce((SELECT n FROM name_trigrams WHERE owner_no = $owner_no AND trigram = $name), 0)"));

    internal SqliteCommand SearchCountCommand() => Bind(c.Command(
        "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH $match AND rowid BETWEEN $first AND $last"));

    internal SqliteCommand CandidateCountCommand() => Bind(c.Command(
        $"SELECT count(*) FROM contacts INDEXED BY contacts_by_search_id WHERE search_id IN ({Matches}) AND {OtherFilters()}"));

    // The index is named so that SQLite never picks a plan that sorts a whole owner's rows: the planner can't
    // see that a selective filter is rare, and a sort of 100,000 rows is the slow case.
    /// <summary>The sort's index walked from one end, its entries that don't match skipped.</summary>
    internal SqliteCommand WalkCommand(long skip, long limit, bool reverse) => Paged(c.Command($"""
        SELECT {SqliteContactRepository.Columns} FROM contacts INDEXED BY {SortIndex} WHERE {AllFilters()}
        ORDER BY {OrderBy(reverse)} LIMIT +$limit OFFSET +$skip
        """), skip, limit);

    /// <summary>The rows the trigram index matches, that the other filters keep, sorted.</summary>
    internal SqliteCommand FetchCommand(long skip, long limit, bool reverse) => Paged(c.Command($"""
        SELECT {SqliteContactRepository.Columns} FROM contacts INDEXED BY contacts_by_search_id
        WHERE search_id IN ({Matches}) AND {OtherFilters()}
        ORDER BY {OrderBy(reverse)} LIMIT +$limit OFFSET +$skip
        """), skip, limit);

    /// <summary>
    /// The term, if the trigram index can answer it: three characters (code points, as FTS5 counts them) or
    /// more, and no NUL, which FTS5's query syntax can't carry (no stored name or email holds one either).
    /// </summary>
    private static string? Indexable(string? term) =>
        term is not null && !term.Contains('\0') && term.EnumerateRunes().Take(3).Count() == 3 ? term : null;

    /// <summary>Whether the sort's index lacks a filtered column, so that a walk reads each entry's row to check it.</summary>
    private bool WalkReadsRows =>
        query.PhoneDigits is not null || query.Favorite is not null
        || (query.Name is not null && query.Sort != ContactSort.Name)
        || (query.Email is not null && query.Sort != ContactSort.Email);

    private string AllFilters() => Filters(indexedToo: true);

    private string OtherFilters() => Filters(indexedToo: false);

    private string Filters(bool indexedToo)
    {
        var where = new StringBuilder("owner = $owner");
        if (query.Name is not null && (indexedToo || _indexedName is null)) where.Append(" AND instr(name_lc, $name) > 0");
        if (query.Email is not null && (indexedToo || _indexedEmail is null)) where.Append(" AND instr(email_lc, $email) > 0");
        if (query.PhoneDigits is not null) where.Append(" AND instr(phone_digits, $digits) > 0");
        if (query.Favorite is not null) where.Append(" AND favorite = $favorite");
        return where.ToString();
    }

    /// <summary>The indexed terms as FTS5 phrases: quoted, a quote written twice, so every other character is literal text.</summary>
    private string Match()
    {
        var phrases = new List<string>(2);
        if (_indexedName is not null) phrases.Add($"name : \"{_indexedName.Replace("\"", "\"\"")}\"");
        if (_indexedEmail is not null) phrases.Add($"email : \"{_indexedEmail.Replace("\"", "\"\"")}\"");
        return string.Join(" AND ", phrases);
    }

    private string SortIndex => "contacts_by_" + query.Sort switch
    {
        ContactSort.CreatedAt => "created_at",
        ContactSort.UpdatedAt => "updated_at",
        _ => query.Sort.ToString().ToLowerInvariant(),
    };

    private string OrderBy(bool reverse)
    {
        var column = query.Sort switch
        {
            ContactSort.Name => "name_key",
            ContactSort.Email => "email_key",
            ContactSort.Phone => "phone",
            ContactSort.Favorite => "favorite",
            ContactSort.CreatedAt => "created_at",
            ContactSort.UpdatedAt => "updated_at",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "No column for this sort"),
        };
        var direction = reverse ? "DESC" : "ASC";
        return $"{column} {direction}, id {direction}";
    }

    private SqliteCommand Bind(SqliteCommand command)
    {
        command.With("$owner", owner);
        if (query.Name is not null) command.With("$name", query.Name);
        if (query.Email is not null) command.With("$email", query.Email);
        if (query.PhoneDigits is not null) command.With("$digits", query.PhoneDigits);
        if (query.Favorite is not null) command.With("$favorite", query.Favorite.Value);
        if (Indexed) command.With("$match", Match()).With("$first", _ownerNo << 32).With("$last", (_ownerNo << 32) + uint.MaxValue);
        return command.With("$owner_no", _ownerNo);
    }

    // The page's bounds are written "+$limit" and "+$skip" in the SQL: a bare parameter in LIMIT or OFFSET makes
    // SQLite (3.47 and later) plan for its value, so that every page read compiled its statement again. The unary
    // plus hides the value from the planner; the plans here don't depend on it.
    private SqliteCommand Paged(SqliteCommand command, long skip, long limit) => Bind(command).With("$limit", limit).With("$skip", skip);

    private static async Task<long> ScalarAsync(SqliteCommand command, CancellationToken ct) => (long)(await command.ExecuteScalarAsync(ct))!;
}
