using ContactsApi.Vcards;

namespace ContactsApi.Tests.Vcards;

public sealed class PhotoCorpusTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Photos_inline_in_any_version_read_as_bytes_with_their_media_type()
    {
        var cards = Corpus.Cards("photos.vcf");

        var jpeg = cards[0].Photo!;
        Assert.Equal(("image/jpeg", 309), (jpeg.MediaType, jpeg.Data!.Length));
        Assert.Equal([0xFF, 0xD8], jpeg.Data[..2]);
        foreach (var card in new[] { cards[1], cards[3] })
        {
            Assert.Equal("image/png", card.Photo!.MediaType);
            Assert.Equal(PngSignature, card.Photo.Data![..8]);
            Assert.Equal(80, card.Photo.Data.Length);
        }
        Assert.Equal(cards[1].Properties, cards[3].Properties.Select(p => p.Is("FN") ? cards[1].First("FN")! : p));
    }

    [Fact]
    public void A_photo_without_a_type_has_no_media_type_and_a_logo_is_kept_inline()
    {
        var untyped = Corpus.Cards("photos.vcf")[6];

        Assert.Null(untyped.Photo!.MediaType);
        Assert.Equal(PngSignature, untyped.Photo.Data![..8]);
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", untyped.Value("LOGO"));
    }

    [Fact]
    public void Photo_links_in_any_version_read_as_URIs()
    {
        var cards = Corpus.Cards("photos.vcf");

        Assert.Equal(new VcardPhoto(null, null, "https://example.com/photos/jq.jpg"), cards[2].Photo);
        Assert.Equal(new VcardPhoto(null, null, "https://example.com/jq.jpg"), cards[4].Photo);
        Assert.Equal("image/jpeg", cards[4].First("PHOTO")!.Parameter("MEDIATYPE"));
        Assert.Equal(new VcardPhoto(null, null, "http://www.example.com/dir_photos/my_photo.gif"), cards[5].Photo);
        Assert.Equal([new VcardParameter("VALUE", "URL"), new VcardParameter("TYPE", "GIF")], cards[5].First("PHOTO")!.Parameters);
    }
}
