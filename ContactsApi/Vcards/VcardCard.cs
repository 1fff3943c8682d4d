namespace ContactsApi.Vcards;

/// <summary>
/// A card: its properties in their order (without BEGIN, END and VERSION) and typed views of the
/// ones a contact holds. <see cref="Version"/> is what the card said ("2.1", "3.0", "4.0", or "").
/// </summary>
public sealed class VcardCard(string version, IReadOnlyList<VcardProperty> properties)
{
    private Dictionary<string, string>? _groupLabels;

    public string Version { get; } = version;
    public IReadOnlyList<VcardProperty> Properties { get; } = properties;

    public IEnumerable<VcardProperty> All(string name) => Properties.Where(p => p.Is(name));

    public VcardProperty? First(string name) => Properties.FirstOrDefault(p => p.Is(name));

    public string? FormattedName => NonEmpty(First("FN")?.Text);
    public VcardName? Name => First("N") is { } n ? VcardName.From(n) : null;
    public IReadOnlyList<string> Nicknames => All("NICKNAME").SelectMany(p => VcardText.SplitList(p.Value)).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    public IEnumerable<CardPhone> Phones => All("TEL").Select(Phone).OfType<CardPhone>();
    public IEnumerable<CardEmail> Emails => All("EMAIL").Select(Email).OfType<CardEmail>();
    public IEnumerable<VcardAddress> Addresses => All("ADR").Select(Address).OfType<VcardAddress>();
    /// <summary>ORG's components: the organization, then its units.</summary>
    public IReadOnlyList<string>? Organization => First("ORG")?.Components;
    public string? Title => NonEmpty(First("TITLE")?.Text);
    /// <summary>The first BDAY as <c>YYYY-MM-DD</c> or <c>--MM-DD</c>; see <see cref="VcardDates.Birthday"/>.</summary>
    public string? Birthday => All("BDAY").Select(VcardDates.Birthday).FirstOrDefault(b => b is not null);
    public string? Note => NonEmpty(First("NOTE")?.Text);
    public VcardPhoto? Photo => All("PHOTO").Select(VcardPhoto.From).FirstOrDefault(p => p is not null);
    public string? Uid => NonEmpty(First("UID")?.Text);
    public DateTimeOffset? Revision => First("REV") is { } rev ? VcardDates.Revision(rev) : null;

    /// <summary>A TEL's number (a 4.0 <c>tel:</c> URI's number without the scheme) and label; null when empty.</summary>
    public CardPhone? Phone(VcardProperty tel)
    {
        var number = tel.Text.Trim();
        if (number.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) number = number[4..].Trim();
        return number.Length == 0 ? null : new CardPhone(number, VcardLabels.OfPhone(tel, GroupLabel(tel)));
    }

    public CardEmail? Email(VcardProperty email)
    {
        var address = email.Text.Trim();
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) address = address[7..].Trim();
        return address.Length == 0 ? null : new CardEmail(address, VcardLabels.OfEmailOrAddress(email, GroupLabel(email)));
    }

    public VcardAddress? Address(VcardProperty adr) =>
        VcardAddress.From(adr, VcardLabels.OfEmailOrAddress(adr, GroupLabel(adr))) is { IsEmpty: false } address ? address : null;

    /// <summary>The X-ABLabel that shares the property's group, if it has one with text.</summary>
    public string? GroupLabel(VcardProperty property)
    {
        if (property.Group is null) return null;
        _groupLabels ??= Properties
            .Where(p => p.Group is not null && p.Is("X-ABLABEL") && p.Text.Trim().Length > 0)
            .GroupBy(p => p.Group!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => VcardLabels.FromAppleLabel(g.First().Text), StringComparer.OrdinalIgnoreCase);
        return _groupLabels.GetValueOrDefault(property.Group);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
