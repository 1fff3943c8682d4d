using ContactsApi.Avatars;
using ContactsApi.Common;
using ContactsApi.Contacts;
using ContactsApi.Security;
using ContactsApi.Vcards;

namespace ContactsApi.Backup;

/// <summary>
/// A .vcf file into a user's contacts: read card by card as it streams in (the count checked as it goes),
/// each card made into a contact or reported as failed, photos over 1 MB downscaled through the avatars'
/// image pipeline, then every card written by the store in one transaction.
/// </summary>
public sealed class VcardImport(
    IContactRepository contacts,
    ImageLibrary images,
    ImagePipeline pipeline,
    AvatarResizer resizer,
    ContactWriteBuckets writes,
    TimeProvider time,
    ILogger<VcardImport> log)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxCards = 20_000;
    public const int MaxPhotoBytes = 1024 * 1024;
    /// <summary>The side a downscaled photo fits in: more than any phone shows a contact's photo at.</summary>
    public const int PhotoSide = 1024;
    public const string NotAVcard = "File is not a vCard";
    public static readonly string TooManyCards = $"A file can hold at most {MaxCards} cards";

    /// <summary>What the import came to; a refusal by the write rate carries how long to wait.</summary>
    public sealed record Result(ImportReport? Report, Refusal? Refusal, TimeSpan? RetryAfter = null);

    /// <summary>
    /// Imports the file. Its bytes are bounded by the request's size limit; a body the server stopped
    /// reading surfaces as the <see cref="BadHttpRequestException"/> it threw, for the caller to answer.
    /// </summary>
    public async Task<Result> ImportAsync(string owner, Stream file, CancellationToken ct)
    {
        var cards = new List<ImportedCard>();
        var failed = new List<ImportFailure>();
        var read = 0;
        await foreach (var result in VcardReader.ReadAsync(file, ct))
        {
            // Counted as the cards stream in: the 20,001st stops the import before the rest is read.
            if (++read > MaxCards) return new(null, new Refusal(StatusCodes.Status413PayloadTooLarge, TooManyCards));
            if (!result.IsCard)
            {
                failed.Add(new ImportFailure(result.Index, result.Line, result.Failure));
                continue;
            }
            var (card, failure) = ContactCards.FromCard(result.Card);
            if (card is not null) cards.Add(card);
            else failed.Add(new ImportFailure(result.Index, result.Line, failure!));
        }
        if (read == 0) return new(null, Refusal.BadRequest(NotAVcard));

        var resized = 0;
        for (var i = 0; i < cards.Count; i++)
            if (await SmallerAsync(cards[i], ct) is { } smaller)
            {
                cards[i] = smaller;
                resized++;
            }
        if (cards.Count == 0) return new(new ImportReport(0, 0, 0, failed, resized), null);

        TimeSpan? retryAfter = null;
        var (counts, refusal) = await contacts.ImportAsync(owner, cards, time.UtcNow(), planned =>
        {
            // What the same changes would cost one by one: a token a card written (the request took the first),
            // at most the bucket's size, so that a whole phone book can come in at once.
            var (refused, wait) = writes.Take(owner, Math.Min(planned.Created + planned.Updated, writes.Capacity) - 1);
            retryAfter = wait;
            return refused;
        }, ct);
        return refusal is null
            ? new(new ImportReport(counts!.Created, counts.Updated, counts.Unchanged, failed, resized), null)
            : new(null, refusal, retryAfter);
    }

    /// <summary>
    /// The card with its photo downscaled, when it is over 1 MB and an image the pipeline reads; null
    /// otherwise. A photo it can't read is kept as it came: a backup loses nothing it could have kept.
    /// </summary>
    private async Task<ImportedCard?> SmallerAsync(ImportedCard card, CancellationToken ct)
    {
        if (card.Photo is not { Data.Length: > MaxPhotoBytes } photo || !images.IsAvailable) return null;
        var (jpeg, refused) = await pipeline.RunAsync(photo.Data, PhotoSide, image => resizer.ToSmallerJpeg(image, PhotoSide), ct);
        if (refused is not null)
        {
            log.LogInformation("Kept a photo of {Bytes} bytes as it came: {Reason}", photo.Data.Length, refused.Message);
            return null;
        }
        var smaller = new ContactPhoto("image/jpeg", jpeg!);
        return new ImportedCard(card.Contact with { PhotoTag = smaller.Tag }, smaller);
    }
}
