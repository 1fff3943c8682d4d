namespace ContactsApi.Common;

/// <summary>
/// Checks of a query string in the contract's words, shared by every list endpoint: a parameter the
/// endpoint does not know, or one given twice, is a 400 naming it rather than something ignored.
/// </summary>
public static class QueryParameters
{
    public static void OnlyOnce(IQueryCollection raw, IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, values) in raw)
        {
            if (!allowed.Contains(key, StringComparer.OrdinalIgnoreCase)) throw ApiException.BadRequest($"\"{key}\" is not allowed");
            if (values.Count > 1) throw ApiException.BadRequest($"\"{key}\" must be given once");
        }
    }

    /// <summary>
    /// The bound value, or "" when the parameter came empty (<c>?limit=</c>): the model binder reads an
    /// empty value as absent, which would quietly turn a bad request into the default.
    /// </summary>
    public static string? Given(this string? bound, IQueryCollection raw, string key) =>
        bound ?? (raw.ContainsKey(key) ? "" : null);

    public static int Integer(string? value, int min, int max, int fallback, string message) =>
        value is null ? fallback
        : int.TryParse(value, System.Globalization.NumberStyles.None, null, out var n) && n >= min && n <= max ? n
        : throw ApiException.BadRequest(message);
}
