namespace ContactsApi.Dav;

public enum DavKind { Root, Principal, Home, Book, Card }

/// <summary>A resource of the DAV tree: the root, a user's principal, their address-book home, their one address book, or a card in it.</summary>
public sealed record DavResource(DavKind Kind, string? UserId = null, string? CardName = null);

/// <summary>
/// The DAV tree's paths: <c>/dav/</c>, <c>/dav/principals/{user}/</c>, <c>/dav/addressbooks/{user}/</c>,
/// <c>/dav/addressbooks/{user}/contacts/</c> and its cards, <c>…/contacts/{name}.vcf</c>. Users are named by
/// id, which never changes and needs no escaping; a path of another user is simply not found.
/// </summary>
public static class DavPaths
{
    public const string Root = "/dav/";
    public const string BookName = "contacts";
    public const string CardExtension = ".vcf";

    public static string Principal(string userId) => $"{Root}principals/{userId}/";
    public static string Home(string userId) => $"{Root}addressbooks/{userId}/";
    public static string Book(string userId) => $"{Home(userId)}{BookName}/";
    public static string Card(string userId, string name) => Book(userId) + Uri.EscapeDataString(name);

    public static string Href(DavResource resource) => resource.Kind switch
    {
        DavKind.Root => Root,
        DavKind.Principal => Principal(resource.UserId!),
        DavKind.Home => Home(resource.UserId!),
        DavKind.Book => Book(resource.UserId!),
        _ => Card(resource.UserId!, resource.CardName!),
    };

    /// <summary>
    /// The resource at a path below <c>/dav</c> (as the server decoded it), for <paramref name="userId"/>; null
    /// for a path that names nothing, or names another user's.
    /// </summary>
    public static DavResource? Parse(string path, string userId)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        DavResource? resource = segments switch
        {
            [] => new(DavKind.Root),
            ["principals", var user] => new(DavKind.Principal, user),
            ["addressbooks", var user] => new(DavKind.Home, user),
            ["addressbooks", var user, BookName] => new(DavKind.Book, user),
            ["addressbooks", var user, BookName, var card] => new(DavKind.Card, user, card),
            _ => null,
        };
        return resource is null || (resource.UserId is not null && resource.UserId != userId) ? null : resource;
    }

    /// <summary>
    /// The resource an href of a request body names: a path, or a whole URL, percent-encoded as a client
    /// writes it (RFC 4918, 8.3).
    /// </summary>
    public static DavResource? ParseHref(string href, string userId)
    {
        if (!Uri.TryCreate(href.Trim(), UriKind.RelativeOrAbsolute, out var uri)) return null;
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', '#')[0];
        if (!path.StartsWith(Root, StringComparison.Ordinal) && path != Root.TrimEnd('/')) return null;
        var segments = path[Root.Length..].Split('/').Select(Uri.UnescapeDataString);
        return Parse(string.Join('/', segments.Select(s => s.Replace("/", "%2F", StringComparison.Ordinal))), userId);
    }
}
