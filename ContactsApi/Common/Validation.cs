using FluentValidation;

namespace ContactsApi.Common;

public static class Validation
{
    /// <summary>
    /// Runs the validator and throws the first failure as a 400 with its message: the contract
    /// answers one message at a time, in the order the rules are declared.
    /// </summary>
    public static T ValidOrThrow<T>(this IValidator<T> validator, T value)
    {
        var result = validator.Validate(value);
        return result.IsValid ? value : throw ApiException.BadRequest(result.Errors[0].ErrorMessage);
    }

    /// <summary>A required string field: "is required" when absent.</summary>
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilderInitial<T, string?> rule, string field) =>
        rule.Cascade(CascadeMode.Stop).NotNull().WithMessage($"\"{field}\" is required");

    /// <summary>Length after trimming, in the contract's words.</summary>
    public static IRuleBuilderOptions<T, string?> TrimmedLength<T>(this IRuleBuilder<T, string?> rule, string field, int min, int max) =>
        rule.Must(v => v is null || v.Trim().Length >= min && v.Trim().Length <= max)
            .WithMessage($"\"{field}\" must be {min} to {max} characters long");
}

public static class ValidationServiceCollectionExtensions
{
    /// <summary>Registers every validator of this assembly (FluentValidation's DI package can't be restored here).</summary>
    public static IServiceCollection AddValidators(this IServiceCollection services)
    {
        var validators = typeof(Validation).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.BaseType is { IsGenericType: true } b &&
                        b.GetGenericTypeDefinition() == typeof(AbstractValidator<>));
        foreach (var type in validators)
            services.AddSingleton(typeof(IValidator<>).MakeGenericType(type.BaseType!.GetGenericArguments()), type);
        return services;
    }
}
