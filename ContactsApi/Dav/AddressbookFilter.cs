using System.Globalization;
using System.Xml.Linq;
using ContactsApi.Backup;
using ContactsApi.Contacts;
using ContactsApi.Vcards;
using static ContactsApi.Dav.DavXml;

namespace ContactsApi.Dav;

/// <summary>
/// An <c>addressbook-query</c> filter (RFC 6352, 10.5): prop-filters on any property (FN, EMAIL, TEL, …),
/// each with text-matches (equals, contains, starts-with, ends-with; negated or not), param-filters and
/// is-not-defined, combined by <c>anyof</c> or <c>allof</c>. Matched against the card the contact is.
/// </summary>
public sealed class AddressbookFilter
{
    private static readonly string[] Collations = ["i;unicode-casemap", "i;ascii-casemap", "i;octet"];
    private static readonly string[] MatchTypes = ["equals", "contains", "starts-with", "ends-with"];

    private readonly XElement? _filter;

    private AddressbookFilter(XElement? filter) => _filter = filter;

    /// <summary>The query's filter, or the precondition it fails (an unknown collation or match type).</summary>
    public static (AddressbookFilter? Filter, XName? Unsupported) From(XElement? filter)
    {
        foreach (var match in filter?.Descendants(CardDav + "text-match") ?? [])
        {
            if (!Collations.Contains((string?)match.Attribute("collation") ?? "i;unicode-casemap")) return (null, CardDav + "supported-collation");
            if (!MatchTypes.Contains((string?)match.Attribute("match-type") ?? "contains")) return (null, CardDav + "supported-filter");
        }
        return (new AddressbookFilter(filter), null);
    }

    public bool Matches(Contact contact)
    {
        var propFilters = _filter?.Elements(CardDav + "prop-filter").ToList() ?? [];
        if (propFilters.Count == 0) return true;
        var card = ContactCards.ToCard(contact, null);
        return AllOf(_filter!) ? propFilters.All(f => PropMatches(card, f)) : propFilters.Any(f => PropMatches(card, f));
    }

    private static bool PropMatches(VcardCard card, XElement filter)
    {
        var properties = card.All((string?)filter.Attribute("name") ?? "").ToList();
        if (filter.Element(CardDav + "is-not-defined") is not null) return properties.Count == 0;
        if (properties.Count == 0) return false;
        var tests = filter.Elements().Where(e => e.Name == CardDav + "text-match" || e.Name == CardDav + "param-filter").ToList();
        if (tests.Count == 0) return true;
        bool Passes(XElement test) => test.Name == CardDav + "text-match"
            ? properties.Any(p => TextMatches(p.Text, test))
            : properties.Any(p => ParamMatches(p, test));
        return AllOf(filter) ? tests.All(Passes) : tests.Any(Passes);
    }

    private static bool ParamMatches(VcardProperty property, XElement filter)
    {
        var name = (string?)filter.Attribute("name") ?? "";
        var values = property.Parameters.Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Split(',')).ToList();
        if (filter.Element(CardDav + "is-not-defined") is not null) return values.Count == 0;
        return filter.Element(CardDav + "text-match") is not { } match ? values.Count > 0 : values.Any(v => TextMatches(v, match));
    }

    private static bool TextMatches(string value, XElement match)
    {
        var wanted = match.Value;
        var comparison = ((string?)match.Attribute("collation")) switch
        {
            "i;octet" => CompareOptions.Ordinal,
            _ => CompareOptions.IgnoreCase,
        };
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var found = ((string?)match.Attribute("match-type") ?? "contains") switch
        {
            "equals" => compare.Compare(value, wanted, comparison) == 0,
            "starts-with" => compare.IsPrefix(value, wanted, comparison),
            "ends-with" => compare.IsSuffix(value, wanted, comparison),
            _ => compare.IndexOf(value, wanted, comparison) >= 0,
        };
        return found != ((string?)match.Attribute("negate-condition") == "yes");
    }

    private static bool AllOf(XElement element) => (string?)element.Attribute("test") == "allof";
}
