namespace ContactsApi.Backup;

/// <summary>
/// What an import did: contacts created, updated (a card that differed from its contact), unchanged, and
/// the cards that could not be read or made into contacts, each with its index in the file (from 0), the
/// line of its BEGIN (from 1) and why. <c>photosResized</c> counts the photos over 1 MB stored downscaled.
/// </summary>
public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportFailure> Failed, int PhotosResized);

public sealed record ImportFailure(int Index, int Line, string Reason);
