using System.Globalization;
using ContactsApi.Common;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace ContactsApi.History;

/// <summary>An undo: the moment the address book goes back to.</summary>
/// <param name="To" example="2026-11-30T09:15:00.000Z">An ISO 8601 time with its offset, within <c>History:Retention</c>.</param>
public sealed record UndoRequest(string? To)
{
    public DateTime ToMoment() => DateTimeOffset.Parse(To!, CultureInfo.InvariantCulture).UtcDateTime;
}

public sealed class UndoRequestValidator : AbstractValidator<UndoRequest>
{
    public UndoRequestValidator()
    {
        RuleFor(r => r.To).NotNull().WithMessage("\"to\" is required");
        RuleFor(r => r.To).SetValidator(new MomentRule<UndoRequest>())
            .WithMessage("\"to\" must be an ISO 8601 time with an offset, such as 2026-11-30T09:15:00Z");
    }
}

/// <summary>An ISO 8601 date and time with its offset (RFC 3339's <c>date-time</c>), as the document states it.</summary>
public sealed class MomentRule<T> : PropertyValidator<T, string?>, IDocumentedRule
{
    public override string Name => "MomentRule";

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || IsMoment(value);

    public void Describe(OpenApiSchema schema) => schema.Format = "date-time";

    // An offset (Z or ±hh:mm) is required: a time without one would mean whatever the server's zone is.
    private static bool IsMoment(string text) =>
        text.Length is >= 20 and <= 40 && DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && (text.EndsWith('Z') || text[^6] is '+' or '-');
}

/// <param name="Page">The page, from 1; 1 when absent.</param>
/// <param name="Limit">Contacts a page, 1–100; 20 when absent.</param>
public sealed record TrashListParameters(
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "limit")] string? Limit)
{
    public (int Page, int Limit) ToPaging() => (QueryParameters.Integer(Page, 1), QueryParameters.Integer(Limit, 20));
}

public sealed class TrashListParametersValidator : AbstractValidator<TrashListParameters>
{
    public TrashListParametersValidator()
    {
        RuleFor(p => p.Page).Integer(1, int.MaxValue / 100, "\"page\" must be an integer of at least 1");
        RuleFor(p => p.Limit).Integer(1, 100, "\"limit\" must be an integer from 1 to 100");
    }
}

/// <param name="Since">The <c>next</c> token of the previous page; absent for a first sync, which starts from nothing.</param>
/// <param name="Limit">Changes a page, 1–1000; 100 when absent.</param>
public sealed record ChangesParameters(
    [property: FromQuery(Name = "since")] string? Since,
    [property: FromQuery(Name = "limit")] string? Limit)
{
    public const int MaxLimit = 1000;

    public int ToLimit() => QueryParameters.Integer(Limit, 100);
}

public sealed class ChangesParametersValidator : AbstractValidator<ChangesParameters>
{
    public ChangesParametersValidator()
    {
        RuleFor(p => p.Since).MaximumLength(200).WithMessage(SyncTokens.Invalid.Message);
        RuleFor(p => p.Limit).Integer(1, ChangesParameters.MaxLimit, $"\"limit\" must be an integer from 1 to {ChangesParameters.MaxLimit}");
    }
}
