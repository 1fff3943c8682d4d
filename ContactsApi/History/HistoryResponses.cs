using System.Text.Json.Serialization;
using ContactsApi.Contacts;
using ContactsApi.Users;

namespace ContactsApi.History;

/// <summary>A contact in the trash: the contact as it was, and when it was deleted.</summary>
public sealed record TrashedContactResponse(ContactResponse<UserSummary> Contact, DateTime DeletedAt) : ContactResponse<UserSummary>(Contact);

public sealed record TrashPageResponse(
    int Page,
    [property: JsonPropertyName("per_page")] int PerPage,
    long Total,
    IReadOnlyList<TrashedContactResponse> Data);

/// <summary>One version: its number (1 for the first, one more each change), when it was made, and the contact as it was.</summary>
public sealed record ContactVersionResponse(long Version, DateTime At, ContactResponse<UserSummary> Contact);

public sealed record ContactHistoryResponse(IReadOnlyList<ContactVersionResponse> Data);

/// <param name="Reverted">Contacts put back to the version they had then.</param>
/// <param name="Restored">Contacts deleted since, back from the trash.</param>
/// <param name="Trashed">Contacts created (or restored) since, moved to the trash.</param>
public sealed record UndoResponse(int Reverted, int Restored, int Trashed);

/// <param name="Changes">Contacts created or changed since the token, as they are now.</param>
/// <param name="Deleted">Ids of the contacts deleted since the token.</param>
/// <param name="Next">The token of the next page, or of the next sync when <c>more</c> is false.</param>
/// <param name="More">Whether more changes wait: follow <c>next</c> at once.</param>
public sealed record ChangesResponse(IReadOnlyList<ContactResponse<UserSummary>> Changes, IReadOnlyList<string> Deleted, string Next, bool More);
