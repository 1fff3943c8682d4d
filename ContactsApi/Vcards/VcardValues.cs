namespace ContactsApi.Vcards;

/// <summary>N's five components, each possibly a comma list (kept as written, unescaped).</summary>
public sealed record VcardName(string Family, string Given, string Additional, string Prefixes, string Suffixes)
{
    public static VcardName From(VcardProperty n)
    {
        var c = n.Components;
        string At(int i) => i < c.Count ? c[i] : "";
        return new VcardName(At(0), At(1), At(2), At(3), At(4));
    }

    /// <summary>The name as people read it: prefixes, given, additional, family, suffixes.</summary>
    public string Display => string.Join(' ', new[] { Prefixes, Given, Additional, Family, Suffixes }
        .SelectMany(part => part.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
}

public sealed record CardPhone(string Number, string Label);

public sealed record CardEmail(string Address, string Label);

/// <summary>An address as the service keeps it.</summary>
public sealed record CardAddress(string Label, string Street, string City, string Region, string Postcode, string Country);

/// <summary>ADR's seven components and the address's label.</summary>
public sealed record VcardAddress(string Label, string PoBox, string Extended, string Street, string Locality, string Region, string PostalCode, string Country)
{
    public static VcardAddress From(VcardProperty adr, string label)
    {
        var c = adr.Components;
        string At(int i) => i < c.Count ? c[i].Trim() : "";
        return new VcardAddress(label, At(0), At(1), At(2), At(3), At(4), At(5), At(6));
    }

    public bool IsEmpty => (PoBox + Extended + Street + Locality + Region + PostalCode + Country).Length == 0;

    /// <summary>The service's one street field holds the street, then the extended address, then the PO box, a line each.</summary>
    public CardAddress ToCardAddress() => new(Label,
        string.Join('\n', new[] { Street, Extended, PoBox }.Where(s => s.Length > 0)), Locality, Region, PostalCode, Country);
}

/// <summary>A photo: its bytes and media type (null when the card didn't say), or a link to it.</summary>
public sealed record VcardPhoto(byte[]? Data, string? MediaType, string? Uri)
{
    /// <summary>The photo of a PHOTO property: an inline <c>data:</c> URI's bytes, or its URI. Null when it has neither.</summary>
    public static VcardPhoto? From(VcardProperty photo)
    {
        var value = photo.Value.Trim();
        if (value.Length == 0) return null;
        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = value.IndexOf(',');
            if (comma > 0 && value[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                var mediaType = value[5..(comma - 7)];
                var bytes = new byte[(value.Length - comma) * 3 / 4 + 3];
                if (Convert.TryFromBase64Chars(value.AsSpan(comma + 1), bytes, out var length))
                    return new VcardPhoto(bytes[..length], mediaType.Length > 0 ? mediaType : null, null);
            }
        }
        return new VcardPhoto(null, null, VcardText.Unescape(value));
    }

    public bool Equals(VcardPhoto? other) =>
        other is not null && MediaType == other.MediaType && Uri == other.Uri
        && (Data ?? []).AsSpan().SequenceEqual(other.Data ?? []) && (Data is null) == (other.Data is null);

    public override int GetHashCode() => HashCode.Combine(MediaType, Uri, Data?.Length);
}
