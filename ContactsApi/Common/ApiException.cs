namespace ContactsApi.Common;

/// <summary>
/// A failure the client caused or must hear about, with the contract's status code and message.
/// Thrown where the rule lives (a validator, a change applied inside a store transaction) and
/// turned into a problem response in one place, <see cref="ErrorHandling"/>.
/// </summary>
public sealed class ApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static ApiException NotAuthorized() => new(StatusCodes.Status401Unauthorized, "Not authorized");
    public static ApiException NotFound() => new(StatusCodes.Status404NotFound, "Not Found");
    public static ApiException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
