using static ContactsApi.Vcards.CardMapping;

namespace ContactsApi.Vcards;

/// <summary>
/// Writes a contact's fields and kept properties as a card (see <see cref="CardMapping"/>). It first
/// decides what each kept property becomes (itself, a fresh property in its place, or nothing),
/// then writes: new single fields first, the kept properties in their order with new list entries
/// before the kept entry they precede or in the place of the one they replaced, the remaining new
/// entries, then the late single fields. Linear in the properties and entries.
/// </summary>
internal sealed class CardComposer
{
    private readonly CardFields _fields;
    private readonly IReadOnlyList<VcardProperty> _kept;
    private readonly VcardCard _keptCard;
    private HashSet<string>? _groups;
    private int _nextGroup;

    // What each kept property becomes.
    private readonly VcardProperty?[] _replacement;
    private readonly bool[] _drop;
    private readonly int[] _match; // the list entry a kept list property says, or -1
    private readonly HashSet<string> _droppedGroups = new(StringComparer.OrdinalIgnoreCase);

    // The list entries (phones, emails, addresses) and which of them a kept property says.
    private readonly IReadOnlyList<object>[] _entries;
    private readonly bool[][] _matched;
    private readonly bool[] _coveredSingles = new bool[Singles.Length];

    private readonly List<VcardProperty> _output = [];

    public CardComposer(CardFields fields)
    {
        _fields = fields;
        _kept = fields.Kept;
        _keptCard = new VcardCard("", _kept);
        _replacement = new VcardProperty?[_kept.Count];
        _drop = new bool[_kept.Count];
        _match = Enumerable.Repeat(-1, _kept.Count).ToArray();
        _entries = Lists.Select(l => l.Entries(fields)).ToArray();
        _matched = _entries.Select(e => new bool[e.Count]).ToArray();
    }

    public VcardCard Compose()
    {
        MatchListEntries();
        DecideSingles();
        var (fn, n) = DecideName();

        if (fn < 0) _output.Add(FreshFn(_fields.Name));
        if (n < 0) _output.Add(FreshN(_fields.Name));
        AddNewSingles(0, SinglesBeforeLists);
        WriteKeptWithListEntries();
        AddNewSingles(SinglesBeforeLists, Singles.Length);
        return new VcardCard(VcardVersion.V4.Text(), _output);
    }

    /// <summary>Each kept list property says an entry still there (matched), or is dropped.</summary>
    private void MatchListEntries()
    {
        // Built for a list only when a kept property is one of its entries: most contacts keep none.
        var unmatched = new Dictionary<object, Queue<int>>?[Lists.Length];
        for (var i = 0; i < _kept.Count; i++)
        {
            var k = ListOf(_kept[i]);
            if (k < 0 || Lists[k].Project(_keptCard, _kept[i]) is not { } entry) continue;
            if ((unmatched[k] ??= Positions(_entries[k])).TryGetValue(entry, out var positions) && positions.TryDequeue(out var j))
            {
                _matched[k][j] = true;
                _match[i] = j;
            }
            else Drop(i);
        }
    }

    /// <summary>A kept single property stays while its field says the same, else gives way to the field's fresh form.</summary>
    private void DecideSingles()
    {
        for (var s = 0; s < Singles.Length; s++)
        {
            var single = Singles[s];
            var at = Cover(_kept, single.Name, single.Project);
            if (at < 0) continue;
            _coveredSingles[s] = true;
            var value = single.Get(_fields);
            if (Equals(single.Project(_kept[at]), value)) continue;
            Drop(at);
            if (value is not null) _replacement[at] = single.Fresh(value);
            else // a cleared field goes with every property that could say it (a second PHOTO, another language's TITLE)
                for (var i = at + 1; i < _kept.Count; i++)
                    if (_kept[i].Is(single.Name) && single.Project(_kept[i]) is not null) Drop(i);
        }
    }

    /// <summary>A renamed contact gets a fresh FN and N in the place of the kept ones.</summary>
    private (int Fn, int N) DecideName()
    {
        var fn = Cover(_kept, "FN", _ => true);
        var n = Cover(_kept, "N", _ => true);
        if (DeriveName(fn < 0 ? null : _kept[fn], n < 0 ? null : _kept[n], _fields) == _fields.Name) return (fn, n);
        if (fn >= 0) Replace(fn, FreshFn(_fields.Name));
        if (n >= 0) Replace(n, FreshN(_fields.Name));
        return (fn, n);
    }

    private void WriteKeptWithListEntries()
    {
        var (keptAt, reordered) = KeptOrder();
        var following = FollowingKeptEntry();
        var next = new int[Lists.Length]; // entries before it are written, fresh or kept
        for (var i = 0; i < _kept.Count; i++)
        {
            var k = ListOf(_kept[i]);
            if (k >= 0 && reordered[k] && (_match[i] >= 0 || _drop[i]))
            {
                // An edit reordered this list: it is written whole, in its new order, where it began.
                for (; next[k] < _entries[k].Count; next[k]++)
                    if (_matched[k][next[k]]) _output.Add(_kept[keptAt[k][next[k]]]);
                    else AddFresh(k, next[k]);
            }
            else if (_match[i] >= 0)
            {
                while (next[k] < _match[i]) AddFresh(k, next[k]++);
                next[k] = Math.Max(next[k], _match[i] + 1);
                _output.Add(_kept[i]);
            }
            else if (k >= 0 && _drop[i])
                while (next[k] < following[i]) AddFresh(k, next[k]++);
            else if (_replacement[i] is { } fresh) _output.Add(fresh);
            else if (!_drop[i] && !GoesWithItsGroup(_kept[i])) _output.Add(_kept[i]);
        }
        for (var k = 0; k < Lists.Length; k++)
            while (next[k] < _entries[k].Count) AddFresh(k, next[k]++);
    }

    /// <summary>Which kept property says each matched entry, and whether a list's kept entries are out of their new order.</summary>
    private (int[][] KeptAt, bool[] Reordered) KeptOrder()
    {
        var keptAt = _entries.Select(e => new int[e.Count]).ToArray();
        var reordered = new bool[Lists.Length];
        var last = Enumerable.Repeat(-1, Lists.Length).ToArray();
        for (var i = 0; i < _kept.Count; i++)
        {
            if (_match[i] < 0) continue;
            var k = ListOf(_kept[i]);
            keptAt[k][_match[i]] = i;
            reordered[k] |= _match[i] < last[k];
            last[k] = _match[i];
        }
        return (keptAt, reordered);
    }

    /// <summary>For a dropped list property, where the next kept entry of its list stands (or the list's end).</summary>
    private int[] FollowingKeptEntry()
    {
        var following = new int[_kept.Count];
        var upcoming = _entries.Select(e => e.Count).ToArray();
        for (var i = _kept.Count - 1; i >= 0; i--)
        {
            if (ListOf(_kept[i]) is not (>= 0 and var k)) continue;
            following[i] = upcoming[k];
            if (_match[i] >= 0) upcoming[k] = _match[i];
        }
        return following;
    }

    /// <summary>An X-ABLabel, X-ABADR… whose group's covered property was dropped goes with it.</summary>
    private bool GoesWithItsGroup(VcardProperty property) =>
        property.Group is { } group && _droppedGroups.Contains(group) && !IsCovered(property);

    private void Drop(int i)
    {
        _drop[i] = true;
        if (_kept[i].Group is { } group) _droppedGroups.Add(group);
    }

    private void Replace(int i, VcardProperty fresh)
    {
        Drop(i);
        _replacement[i] = fresh;
    }

    private void AddFresh(int k, int j)
    {
        if (!_matched[k][j]) _output.AddRange(Lists[k].Fresh(_entries[k][j], NewGroup));
    }

    private void AddNewSingles(int from, int to)
    {
        for (var s = from; s < to; s++)
            if (!_coveredSingles[s] && Singles[s].Get(_fields) is { } value) _output.Add(Singles[s].Fresh(value));
    }

    /// <summary>The next Apple-style group name (item1, item2…) no kept property uses.</summary>
    private string NewGroup()
    {
        _groups ??= new HashSet<string>(_kept.Where(p => p.Group is not null).Select(p => p.Group!), StringComparer.OrdinalIgnoreCase);
        string group;
        do group = $"item{++_nextGroup}"; while (!_groups.Add(group));
        return group;
    }

    /// <summary>Where each distinct entry stands in its list, first first.</summary>
    private static Dictionary<object, Queue<int>> Positions(IReadOnlyList<object> entries)
    {
        var positions = new Dictionary<object, Queue<int>>();
        for (var j = 0; j < entries.Count; j++)
            (positions.TryGetValue(entries[j], out var queue) ? queue : positions[entries[j]] = new Queue<int>()).Enqueue(j);
        return positions;
    }
}
