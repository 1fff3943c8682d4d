namespace ContactsApi.Vcards;

/// <summary>
/// The properties a contact's fields cover, and reading a card into <see cref="CardFields"/>
/// (<see cref="CardComposer"/> writes it back). Each covered property has a projection (property →
/// field value) and a fresh form (field value → property). Reading keeps a covered property only
/// when its fresh form would differ from it; writing emits a kept covered property while its field
/// still says what it said, in its place, and fresh properties for the rest. A property sharing its
/// group with a covered property that was dropped (an X-ABLabel, X-ABADR) goes with it.
/// </summary>
internal static class CardMapping
{
    internal abstract record Many(string Name)
    {
        public abstract object? Project(VcardCard card, VcardProperty property);
        public abstract IReadOnlyList<object> Entries(CardFields fields);
        public abstract IReadOnlyList<VcardProperty> Fresh(object entry, Func<string> newGroup);
    }

    internal sealed record Many<T>(string Name, Func<VcardCard, VcardProperty, T?> ProjectAs, Func<CardFields, IReadOnlyList<T>> Get,
        Func<T, Func<string>, IReadOnlyList<VcardProperty>> FreshAs) : Many(Name) where T : class
    {
        public override object? Project(VcardCard card, VcardProperty property) => ProjectAs(card, property);
        public override IReadOnlyList<object> Entries(CardFields fields) => Get(fields);
        public override IReadOnlyList<VcardProperty> Fresh(object entry, Func<string> newGroup) => FreshAs((T)entry, newGroup);
    }

    internal sealed record One(string Name, Func<VcardProperty, object?> Project, Func<CardFields, object?> Get, Func<object, VcardProperty> Fresh);

    internal static readonly Many[] Lists =
    [
        new Many<CardPhone>("TEL", (card, p) => card.Phone(p), f => f.Phones, FreshPhone),
        new Many<CardEmail>("EMAIL", (card, p) => card.Email(p), f => f.Emails, FreshEmail),
        new Many<CardAddress>("ADR", (card, p) => card.Address(p)?.ToCardAddress(), f => f.Addresses, FreshAddress),
    ];

    // Written before the lists when new (ORG, TITLE, BDAY), or after them (NOTE, PHOTO, UID).
    internal static readonly One[] Singles =
    [
        new("ORG", Organization, f => f.Organization, v => new VcardProperty("ORG", VcardText.Escape((string)v))),
        new("TITLE", p => NonEmpty(p.Text), f => f.Title, v => new VcardProperty("TITLE", VcardText.Escape((string)v))),
        new("BDAY", VcardDates.Birthday, f => f.Birthday, v => new VcardProperty("BDAY", (string)v)),
        new("NOTE", p => NonEmpty(p.Text), f => f.Notes, v => new VcardProperty("NOTE", VcardText.Escape((string)v))),
        new("PHOTO", InlinePhoto, f => f.Photo, v => FreshPhoto((VcardPhoto)v)),
        new("UID", p => NonEmpty(p.Text), f => f.Uid, v => new VcardProperty("UID", VcardText.Escape((string)v))),
    ];

    internal const int SinglesBeforeLists = 3;

    public static CardFields Read(VcardCard card)
    {
        var props = card.Properties;
        var keep = new bool[props.Count];
        Array.Fill(keep, true);
        var groups = GroupMembers(props);
        var lists = new List<object>[Lists.Length];
        for (var k = 0; k < Lists.Length; k++)
        {
            lists[k] = [];
            for (var i = 0; i < props.Count; i++)
            {
                if (!props[i].Is(Lists[k].Name) || Lists[k].Project(card, props[i]) is not { } entry) continue;
                lists[k].Add(entry);
                if (!IsFreshUnit(props, groups, i, Lists[k].Fresh(entry, () => props[i].Group ?? "item"), out var label)) continue;
                keep[i] = false;
                if (label >= 0) keep[label] = false;
            }
        }

        var singles = new object?[Singles.Length];
        for (var s = 0; s < Singles.Length; s++)
        {
            var at = Cover(props, Singles[s].Name, Singles[s].Project, out var value);
            if (at < 0) continue;
            singles[s] = value;
            keep[at] = CountOf(props, Singles[s].Name) > 1 || !IsFreshForm(props[at], Singles[s].Fresh(value!));
        }

        var fields = new CardFields
        {
            Phones = lists[0].Cast<CardPhone>().ToList(),
            Emails = lists[1].Cast<CardEmail>().ToList(),
            Addresses = lists[2].Cast<CardAddress>().ToList(),
            Organization = (string?)singles[0],
            Title = (string?)singles[1],
            Birthday = (string?)singles[2],
            Notes = (string?)singles[3],
            Photo = (VcardPhoto?)singles[4],
            Uid = (string?)singles[5],
        };

        var fn = Cover(props, "FN", _ => true);
        var n = Cover(props, "N", _ => true);
        var name = DeriveName(fn < 0 ? null : props[fn], n < 0 ? null : props[n], fields);
        var nSaysMore = n >= 0 && (CountOf(props, "N") > 1 || !IsFreshForm(props[n], FreshN(name)));
        // FN stays beside an N that says more when the name can't be told from N alone, so that
        // writing can tell whether the name has changed since.
        var nReadsOtherwise = nSaysMore && DeriveName(null, props[n], fields) != name;
        if (fn >= 0) keep[fn] = nReadsOtherwise || CountOf(props, "FN") > 1 || !IsFreshForm(props[fn], FreshFn(name));
        if (n >= 0) keep[n] = nSaysMore;

        var kept = new List<VcardProperty>();
        for (var i = 0; i < props.Count; i++)
            if (keep[i]) kept.Add(props[i]);
        return fields with { Name = name, Kept = kept };
    }

    public static VcardCard Write(CardFields fields) => new CardComposer(fields).Compose();

    internal static int ListOf(VcardProperty property) => Array.FindIndex(Lists, l => property.Is(l.Name));

    /// <summary>The name as reading sets it, from the FN and N given and the fields read before it.</summary>
    internal static string? DeriveName(VcardProperty? fn, VcardProperty? n, CardFields fields) =>
        NonEmpty(fn?.Text)
        ?? (n is null ? null : NonEmpty(VcardName.From(n).Display))
        ?? fields.Organization
        ?? fields.Emails.FirstOrDefault()?.Address
        ?? fields.Phones.FirstOrDefault()?.Number;

    internal static VcardProperty FreshFn(string? name) => new("FN", VcardText.Escape(name ?? ""));

    /// <summary>N from a name alone: the last word is the family name, the rest the given name.</summary>
    internal static VcardProperty FreshN(string? name)
    {
        var trimmed = (name ?? "").Trim();
        var space = trimmed.LastIndexOfAny([' ', '\t']);
        var (family, given) = space < 0 ? (trimmed, "") : (trimmed[(space + 1)..], trimmed[..space].TrimEnd());
        return new VcardProperty("N", VcardText.JoinComponents(family, given, "", "", ""));
    }

    private static IReadOnlyList<VcardProperty> FreshPhone(CardPhone phone, Func<string> newGroup) =>
        VcardLabels.PhoneTypes(phone.Label) is { } types
            ? [new VcardProperty("TEL", VcardText.Escape(phone.Number), new VcardParameter(VcardParameter.Type, types))]
            : Labelled(newGroup(), new VcardProperty("TEL", VcardText.Escape(phone.Number)), phone.Label);

    private static IReadOnlyList<VcardProperty> FreshEmail(CardEmail email, Func<string> newGroup) =>
        VcardLabels.EmailTypes(email.Label) is { } types
            ? [new VcardProperty("EMAIL", VcardText.Escape(email.Address), new VcardParameter(VcardParameter.Type, types))]
            : Labelled(newGroup(), new VcardProperty("EMAIL", VcardText.Escape(email.Address)), email.Label);

    private static IReadOnlyList<VcardProperty> FreshAddress(CardAddress address, Func<string> newGroup)
    {
        var value = VcardText.JoinComponents("", "", address.Street, address.City, address.Region, address.Postcode, address.Country);
        return VcardLabels.AddressTypes(address.Label) switch
        {
            "" => [new VcardProperty("ADR", value)],
            { } types => [new VcardProperty("ADR", value, new VcardParameter(VcardParameter.Type, types))],
            null => Labelled(newGroup(), new VcardProperty("ADR", value), address.Label),
        };
    }

    /// <summary>A custom label as iOS, macOS and Google Contacts write it: a group holding the property and its X-ABLabel.</summary>
    private static IReadOnlyList<VcardProperty> Labelled(string group, VcardProperty property, string label) =>
        [property with { Group = group }, new VcardProperty(group, "X-ABLabel", [], VcardText.Escape(label))];

    /// <summary>
    /// Only a photo inside the card is the contact's: a link (Google's, a 2.1 URL) points at something the
    /// service doesn't hold, so it stays a kept property and goes out again as it came.
    /// </summary>
    private static VcardPhoto? InlinePhoto(VcardProperty photo) => VcardPhoto.From(photo) is { Data: not null } inline ? inline : null;

    private static VcardProperty FreshPhoto(VcardPhoto photo) =>
        new("PHOTO", $"data:{photo.MediaType};base64,{Convert.ToBase64String(photo.Data ?? [])}");

    private static string? Organization(VcardProperty org) =>
        NonEmpty(string.Join(", ", org.Components.Select(c => c.Trim()).Where(c => c.Length > 0)));

    private static bool IsFreshForm(VcardProperty property, IReadOnlyList<VcardProperty> fresh) =>
        fresh.Count == 1 && IsFreshForm(property, fresh[0]);

    private static bool IsFreshForm(VcardProperty property, VcardProperty fresh) => property.Group is null && fresh.Equals(property);

    // Loops, not LINQ, here and in Cover: every card of an import is read through them.
    private static int CountOf(IReadOnlyList<VcardProperty> props, string name)
    {
        var count = 0;
        for (var i = 0; i < props.Count; i++)
            if (props[i].Is(name)) count++;
        return count;
    }

    /// <summary>
    /// Whether the property is exactly its fresh form: alone, or, for a custom label, in a group
    /// holding nothing else but the X-ABLabel the fresh form writes (whose index comes out).
    /// </summary>
    private static bool IsFreshUnit(IReadOnlyList<VcardProperty> props, Dictionary<string, List<int>> groups, int at,
        IReadOnlyList<VcardProperty> fresh, out int label)
    {
        label = -1;
        if (fresh.Count == 1 || props[at].Group is not { } group) return IsFreshForm(props[at], fresh);
        var members = groups[group];
        if (members.Count != 2 || !fresh[0].Equals(props[at])) return false;
        label = members[0] == at ? members[1] : members[0];
        return props[label].Equals(fresh[1]);
    }

    private static Dictionary<string, List<int>> GroupMembers(IReadOnlyList<VcardProperty> props)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < props.Count; i++)
            if (props[i].Group is { } group)
                (groups.TryGetValue(group, out var members) ? members : groups[group] = []).Add(i);
        return groups;
    }

    internal static bool IsCovered(VcardProperty property) =>
        Lists.Any(l => property.Is(l.Name)) || Singles.Any(s => property.Is(s.Name)) || property.Is("FN") || property.Is("N");

    /// <summary>The first property of that name with a value, the one whose field it is.</summary>
    internal static int Cover(IReadOnlyList<VcardProperty> props, string name, Func<VcardProperty, object?> project) =>
        Cover(props, name, project, out _);

    /// <summary>As <see cref="Cover(IReadOnlyList{VcardProperty}, string, Func{VcardProperty, object?})"/>, with the field value it projects.</summary>
    internal static int Cover(IReadOnlyList<VcardProperty> props, string name, Func<VcardProperty, object?> project, out object? value)
    {
        for (var i = 0; i < props.Count; i++)
            if (props[i].Is(name) && (value = project(props[i])) is not null) return i;
        value = null;
        return -1;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
