using System.Text;

namespace ContactsApi.Vcards;

/// <summary>
/// The reader's state machine, fed one physical line at a time so that the same code serves
/// synchronous and asynchronous reading. It joins physical lines into content lines (folding,
/// quoted-printable soft breaks, 2.1's unindented base64), and content lines into cards. Work is
/// linear in the input: each physical line is looked at a bounded number of times.
/// </summary>
internal sealed class CardAssembler
{
    private readonly Queue<VcardReadResult> _results = new();
    private int _lineNumber;

    // The content line being joined.
    private string? _pending;
    private StringBuilder? _joined;
    private int _pendingLine;
    private bool _softBreak;
    private string? _pendingEncoding;
    private bool _pendingEncodingRead;

    // The card being read.
    private int _cards;
    private bool _inCard;
    private int _cardLine;
    private string _version = "";
    private List<VcardProperty> _properties = [];
    private string? _failure;

    public bool TryTake(out VcardReadResult result) => _results.TryDequeue(out result!);

    public void Push(string line)
    {
        if (++_lineNumber == 1 && line.StartsWith('\uFEFF')) line = line[1..];
        if (_pending is not null)
        {
            if (_softBreak && !IsMarker(line, "END"))
            {
                // Quoted-printable soft break (RFC 2045): the '=' goes, the next line follows as it is,
                // leading spaces and all.
                Joined().Length--;
                Append(line, line);
                return;
            }
            if (line.Length > 0 && line[0] is ' ' or '\t')
            {
                Append(line.AsSpan(1), line);
                return;
            }
            if (line.Length > 0 && IsBase64Line(line) && PendingIsBase64())
            {
                Append(line, line);
                return;
            }
            Flush();
        }
        var start = line.AsSpan().TrimStart();
        if (start.IsEmpty) return;
        _pending = start.Length == line.Length ? line : start.ToString();
        _pendingLine = _lineNumber;
        _pendingEncodingRead = false;
        _softBreak = EndsWithSoftBreak(_pending);
    }

    public void End()
    {
        if (_pending is not null) Flush();
        if (_inCard) Fail("the card has no END:VCARD");
    }

    private void Append(ReadOnlySpan<char> text, string physical)
    {
        Joined().Append(text);
        _softBreak = EndsWithSoftBreak(physical);
    }

    private StringBuilder Joined()
    {
        if (_joined is null) _joined = new StringBuilder(_pending);
        else if (_joined.Length == 0) _joined.Append(_pending);
        return _joined;
    }

    private bool EndsWithSoftBreak(string physical) => physical.EndsWith('=') && PendingIsQuotedPrintable();

    private bool PendingIsQuotedPrintable() => PendingEncoding() is { } e && e.Equals("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);

    private bool PendingIsBase64() => PendingEncoding() is { } e && (e.Equals("BASE64", StringComparison.OrdinalIgnoreCase) || e.Equals("B", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The encoding as the parser will read it from the whole content line, read from its first
    /// physical line, so that a value that merely ends in '=' is never joined to the next line.
    /// </summary>
    private string? PendingEncoding()
    {
        if (_pendingEncodingRead) return _pendingEncoding;
        _pendingEncodingRead = true;
        return _pendingEncoding = ContentLineParser.EncodingOf(_pending!);
    }

    private static bool IsBase64Line(string line)
    {
        foreach (var c in line)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or ' ' or '\t')) return false;
        return true;
    }

    private void Flush()
    {
        var text = _joined is { Length: > 0 } ? _joined.ToString() : _pending!;
        _joined?.Clear();
        _pending = null;
        if (_joined?.Capacity > 1 << 16) _joined = null; // don't hold a photo's worth of buffer for the rest of the file
        ContentLine(text, _pendingLine);
    }

    private void ContentLine(string text, int line)
    {
        if (IsMarker(text, "BEGIN"))
        {
            if (_inCard) Fail($"the card has no END:VCARD before the BEGIN:VCARD on line {line}");
            _inCard = true;
            _cardLine = line;
            _version = "";
            _properties = [];
            _failure = null;
            return;
        }
        if (!_inCard) return; // whatever lies between cards is not ours to judge
        if (IsMarker(text, "END"))
        {
            if (_failure is not null) Fail(_failure);
            else _results.Enqueue(new VcardReadResult(_cards++, _cardLine, new VcardCard(_version, _properties), null));
            _inCard = false;
            return;
        }
        if (_failure is not null) return;
        try
        {
            var property = ContentLineParser.Parse(text);
            if (property.Is("BEGIN") || property.Is("END"))
                throw new VcardFormatException($"{property.Name}:{property.Value} inside a vCard");
            if (property.Is("VERSION") && property.Group is null) _version = property.Value.Trim();
            else _properties.Add(property);
        }
        catch (VcardFormatException e)
        {
            _failure = $"line {line}: {e.Message}";
        }
    }

    private void Fail(string reason)
    {
        _results.Enqueue(new VcardReadResult(_cards++, _cardLine, null, reason));
        _inCard = false;
    }

    /// <summary>BEGIN:VCARD or END:VCARD, in any case.</summary>
    private static bool IsMarker(string text, string marker) =>
        text.AsSpan().Trim() is var span
        && span.Length == marker.Length + 6
        && span.StartsWith(marker, StringComparison.OrdinalIgnoreCase)
        && span.EndsWith(":VCARD", StringComparison.OrdinalIgnoreCase);
}
