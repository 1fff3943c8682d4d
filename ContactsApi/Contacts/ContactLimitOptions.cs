using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ContactsApi.Common;

namespace ContactsApi.Contacts;

/// <summary>
/// How many contacts one user may keep, so that no account can grow the store, or an admin's page
/// of its contacts, without end. The stores check it in the write that adds contacts (a create, an
/// import), so creates running at once can't pass it together.
/// </summary>
public sealed class ContactLimitOptions
{
    public const string Section = "Limits";

    [Range(1, int.MaxValue)] public int ContactsPerUser { get; set; } = 100_000;

    /// <summary>The answer to a write that would take its owner past the limit.</summary>
    public Refusal Reached() => new(StatusCodes.Status403Forbidden,
        string.Create(CultureInfo.InvariantCulture, $"A user can have at most {ContactsPerUser} contacts"));
}
