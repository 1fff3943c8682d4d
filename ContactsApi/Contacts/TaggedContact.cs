namespace ContactsApi.Contacts;

/// <summary>
/// A contact as read from the store, with the entity tag the store keeps beside it: the value
/// <see cref="ContactETag.Of"/> gives for it, written with every write of the contact, so a read needs no
/// hashing. Apart from <see cref="Contact"/>, so that no changed copy of a contact (<c>with</c>) carries a stale tag.
/// </summary>
public sealed record TaggedContact(Contact Contact, string ETag);

/// <summary>A contact's card as a listing of an address book needs it: its id, its card's UID and its stored entity tag.</summary>
public sealed record ContactTag(string Id, string? Uid, string ETag);
