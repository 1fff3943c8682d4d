using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.Common;

/// <summary>
/// A request the service refuses, with the contract's status and message. Returned, never thrown:
/// an action, a request check or a store change hands it back, and it is answered by the one writer
/// of error responses, <see cref="ErrorHandling.WriteProblemAsync"/>.
/// </summary>
public sealed class Refusal(int status, string message) : ActionResult
{
    public static readonly Refusal NotFound = new(StatusCodes.Status404NotFound, "Not Found");
    public static readonly Refusal NotAuthorized = new(StatusCodes.Status401Unauthorized, "Not authorized");

    public static Refusal BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static Refusal Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    public int Status { get; } = status;
    public string Message { get; } = message;

    public override Task ExecuteResultAsync(ActionContext context) =>
        ErrorHandling.WriteProblemAsync(context.HttpContext, Status, Message);
}
