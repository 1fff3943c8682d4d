using System.Diagnostics.CodeAnalysis;

namespace ContactsApi.Vcards;

/// <summary>One card of a file: read, or failed with a reason. <see cref="Index"/> counts the file's cards from 0; <see cref="Line"/> is its BEGIN's line, from 1.</summary>
public sealed record VcardReadResult(int Index, int Line, VcardCard? Card, string? Failure)
{
    [MemberNotNullWhen(true, nameof(Card))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsCard => Card is not null;
}
