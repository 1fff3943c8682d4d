namespace ContactsApi.Vcards;

/// <summary>
/// One property of a card as it came, in a version-neutral form: unfolded, transfer encodings
/// undone (quoted-printable and <c>CHARSET</c> decoded, 3.0's inline base64 turned into a
/// <c>data:</c> URI), 2.1's bare parameters named (<c>TEL;CELL</c> is <c>TYPE=CELL</c>), parameter
/// names upper-cased. <see cref="Value"/> keeps vCard escaping (<c>\,</c> <c>\;</c> <c>\n</c>
/// <c>\\</c>), so structured values still split on their unescaped separators and an unknown
/// property goes out exactly as it came in.
/// </summary>
public sealed record VcardProperty(string? Group, string Name, IReadOnlyList<VcardParameter> Parameters, string Value)
{
    public VcardProperty(string name, string value, params VcardParameter[] parameters) : this(null, name, parameters, value) { }

    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    public string? Parameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>Every <c>TYPE</c> value, whether given as <c>TYPE=a,b</c>, <c>TYPE=a;TYPE=b</c> or 2.1's bare <c>;a;b</c>.</summary>
    public IEnumerable<string> Types =>
        Parameters.Where(p => p.Name == VcardParameter.Type)
            .SelectMany(p => p.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The value as text, escapes undone.</summary>
    public string Text => VcardText.Unescape(Value);

    /// <summary>The components of a structured value (N, ADR, ORG), each unescaped.</summary>
    public IReadOnlyList<string> Components => VcardText.SplitComponents(Value);

    /// <summary>The content line, unfolded, as vCard 4.0 writes it; <see cref="Parse"/> reads it back to an equal property.</summary>
    public override string ToString() => VcardWriter.ContentLine(this);

    /// <summary>Reads one unfolded content line, as <see cref="ToString"/> writes it.</summary>
    /// <exception cref="FormatException">The line is not a content line.</exception>
    public static VcardProperty Parse(string line) => ContentLineParser.Parse(line);

    public bool Equals(VcardProperty? other) =>
        other is not null
        && string.Equals(Group, other.Group, StringComparison.OrdinalIgnoreCase)
        && Name.Equals(other.Name, StringComparison.OrdinalIgnoreCase)
        && Value == other.Value
        && Parameters.SequenceEqual(other.Parameters);

    public override int GetHashCode() =>
        HashCode.Combine(Group?.ToUpperInvariant(), Name.ToUpperInvariant(), Value, Parameters.Count);
}

/// <summary>A parameter, its name upper-cased, its value without quotes and with RFC 6868's <c>^</c> escapes undone.</summary>
public sealed record VcardParameter(string Name, string Value)
{
    public const string Type = "TYPE";
    public const string Encoding = "ENCODING";
    public const string Charset = "CHARSET";
    public const string ValueType = "VALUE";
}
