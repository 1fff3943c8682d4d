namespace ContactsApi.Avatars;

/// <summary>What an upload's header declares, read before any pixel is decoded.</summary>
public readonly record struct ImageHeader(int Width, int Height, int Bands, int BytesPerBand, bool Interlaced)
{
    public long Pixels => (long)Width * Height;

    /// <summary>The decoded image's size: what a loader that has to hold the whole image takes.</summary>
    public long DecodedBytes => Pixels * Bands * BytesPerBand;
}
