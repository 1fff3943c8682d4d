namespace ContactsApi.Common;

/// <summary>
/// A path parameter that must be an ObjectId. <see cref="RequestChecks"/> answers anything else
/// with the spec's 404 before the action runs, naming the parameter as <paramref name="name"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ObjectIdAttribute(string name = "_id") : Attribute
{
    public string Name { get; } = name;

    public Refusal? Check(string? value) => ObjectIds.IsValid(value) ? null
        : new Refusal(StatusCodes.Status404NotFound, $"\"{Name}\" with value \"{value}\" fails to match the valid mongo id pattern");
}
