namespace ContactsApi.Contacts;

/// <summary>A stored contact document with its labelled phones embedded, as in MongoDB.</summary>
public sealed record Contact
{
    public required string Id { get; init; }
    public required string Owner { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    /// <summary>Never empty: the first entry is the contact's <c>phone</c>.</summary>
    public required IReadOnlyList<Phone> Phones { get; init; }
    public bool Favorite { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }

    public string Phone => Phones[0].Number;
}

public sealed record Phone(string Id, string Number, string Label)
{
    public const string DefaultLabel = "mobile";

    /// <summary>The digits of a number, which phone search compares, so punctuation never matters.</summary>
    public static string Digits(string number) => string.Concat(number.Where(char.IsAsciiDigit));
}
