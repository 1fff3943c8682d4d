using System.Diagnostics;
using System.Text;
using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

/// <summary>
/// Mutated and hostile inputs: the reader never throws (a card it can't read is a reported
/// failure), whatever it reads writes and reads back, and its work grows with the input, not faster.
/// </summary>
public sealed class VcardFuzzTests
{
    private static readonly byte[][] Tokens = new[]
    {
        ";", ":", "=", ",", ".", "\"", "\\", "^", " ", "\t", "\r\n", "\n", "\r", "\r\n ", "=\r\n", "\0",
        "BEGIN:VCARD\r\n", "END:VCARD\r\n", ";ENCODING=QUOTED-PRINTABLE", ";ENCODING=b", ";CHARSET=windows-1251", ";BASE64",
        "item1.", "TYPE=", "=C3", "=ZZ", "\u00e9", "\U0001F600",
    }.Select(Encoding.UTF8.GetBytes).Concat([[0xFF], [0xC3], [0xE2, 0x82], [0xEF, 0xBB, 0xBF]]).ToArray();

    [Fact]
    public void No_mutation_of_the_corpus_makes_reading_throw_and_every_card_read_writes_and_reads_back()
    {
        var corpus = Corpus.Files.Select(Corpus.Bytes).ToArray();
        var random = new Random(1404);
        var cardsRead = 0;
        var failuresReported = 0;

        for (var round = 0; round < 4000; round++)
        {
            var input = Mutate(corpus[random.Next(corpus.Length)], random);
            try
            {
                var results = Read(input);
                Assert.Equal(Enumerable.Range(0, results.Count), results.Select(r => r.Index));
                Assert.All(results, r => Assert.True(r.IsCard ^ r.Failure is not null));
                Assert.Equal(results.Select(r => r.Line).Order(), results.Select(r => r.Line));
                foreach (var card in results.Where(r => r.IsCard).Select(r => r.Card!))
                    AssertWritesAndReadsBack(card);
                cardsRead += results.Count(r => r.IsCard);
                failuresReported += results.Count(r => !r.IsCard);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"round {round}, input (base64): {Convert.ToBase64String(input)}\n{e}");
            }
        }

        // The mutations must both break cards and leave many readable, or the test proves little.
        Assert.True(cardsRead > 3000 && failuresReported > 3000, $"{cardsRead} cards read, {failuresReported} failures reported");
    }

    [Theory]
    [InlineData("a line a megabyte long with no colon")]
    [InlineData("one property folded a hundred thousand times")]
    [InlineData("quoted-printable soft breaks a hundred thousand lines long")]
    [InlineData("2.1 base64 a hundred thousand lines long")]
    [InlineData("a hundred thousand parameters")]
    [InlineData("an unterminated quote a megabyte long")]
    [InlineData("fifty thousand grouped numbers in one card")]
    [InlineData("fifty thousand empty cards")]
    [InlineData("a megabyte of backslashes")]
    public void Hostile_input_is_read_in_time_that_grows_with_its_size(string shape)
    {
        var input = Hostile(shape);
        var clock = Stopwatch.StartNew();

        var results = Read(Encoding.UTF8.GetBytes(input));
        foreach (var card in results.Where(r => r.IsCard).Select(r => r.Card!))
            CardFields.From(card).ToCard();

        // Linear work is well under a second here; quadratic work on these sizes would take minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{shape}: {clock.Elapsed}");
        Assert.NotEmpty(results);
    }

    private static string Hostile(string shape)
    {
        const string Begin = "BEGIN:VCARD\r\nVERSION:3.0\r\n";
        const string End = "END:VCARD\r\n";
        var sb = new StringBuilder(Begin);
        switch (shape)
        {
            case "a line a megabyte long with no colon": sb.Append('x', 1 << 20).Append("\r\n"); break;
            case "one property folded a hundred thousand times":
                sb.Append("NOTE:start");
                for (var i = 0; i < 100_000; i++) sb.Append("\r\n folded");
                sb.Append("\r\n");
                break;
            case "quoted-printable soft breaks a hundred thousand lines long":
                sb.Append("NOTE;ENCODING=QUOTED-PRINTABLE:");
                for (var i = 0; i < 100_000; i++) sb.Append("=41=42=\r\n");
                sb.Append("end\r\n");
                break;
            case "2.1 base64 a hundred thousand lines long":
                sb.Append("PHOTO;ENCODING=BASE64;JPEG:\r\n");
                for (var i = 0; i < 100_000; i++) sb.Append("QUJDRA==\r\n".Replace("==", i % 2 == 0 ? "QQ" : "Qg"));
                sb.Append("\r\n");
                break;
            case "a hundred thousand parameters": sb.Append("TEL").Append(';', 50_000).Append(string.Concat(Enumerable.Repeat(";TYPE=a", 50_000))).Append(":1\r\n"); break;
            case "an unterminated quote a megabyte long": sb.Append("ADR;LABEL=\"").Append('y', 1 << 20).Append("\r\n"); break;
            case "fifty thousand grouped numbers in one card":
                for (var i = 0; i < 50_000; i++) sb.Append($"item{i}.TEL;TYPE=pref:{i}\r\nitem{i}.X-ABLabel:label {i % 7}\r\n");
                break;
            case "fifty thousand empty cards":
                for (var i = 0; i < 50_000; i++) sb.Append(End).Append(Begin);
                break;
            case "a megabyte of backslashes": sb.Append("NOTE:").Append('\\', 1 << 20).Append("\r\nN:").Append('\\', 1 << 20).Append("\r\n"); break;
        }
        return sb.Append(End).ToString();
    }

    private static void AssertWritesAndReadsBack(VcardCard card)
    {
        foreach (var version in new[] { VcardVersion.V3, VcardVersion.V4 })
        {
            var again = Read(Encoding.UTF8.GetBytes(VcardWriter.ToText(card, version)));
            Assert.Equal(card.Properties, Assert.Single(again).Card!.Properties);
        }
        var fields = CardFields.From(card);
        var written = fields.ToCard();
        Assert.All(card.Properties, p => Assert.Contains(p, written.Properties));
        Assert.True(CardFields.From(written).SameAs(fields));
        // A contact stores its kept properties as their content lines, and reads them back from those.
        Assert.All(fields.Kept, p => Assert.Equal(p, VcardProperty.Parse(p.ToString())));
    }

    private static List<VcardReadResult> Read(byte[] input) => VcardReader.Read(new MemoryStream(input)).ToList();

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var n = random.Next(1, 8); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]); break;
                case 2: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                case 4:
                    var line = RandomLine(bytes, random);
                    bytes.InsertRange(at, line);
                    break;
                case 5:
                    var garbage = new byte[random.Next(1, 60)];
                    random.NextBytes(garbage);
                    bytes.InsertRange(at, [.. garbage, (byte)'\r', (byte)'\n']);
                    break;
                case 6: bytes[at] = (byte)"\r\n ;:=\\\""[random.Next(8)]; break;
            }
        }
        return [.. bytes];
    }

    /// <summary>A copy of one of the input's own lines, so that whole properties, BEGINs and ENDs move around.</summary>
    private static byte[] RandomLine(List<byte> bytes, Random random)
    {
        var start = bytes.LastIndexOf((byte)'\n', random.Next(bytes.Count)) + 1;
        var end = bytes.IndexOf((byte)'\n', start);
        return bytes.GetRange(start, (end < 0 ? bytes.Count : end + 1) - start).ToArray();
    }
}
