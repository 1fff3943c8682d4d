using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContactsApi.Common;

/// <summary>
/// Writes the request validators' rules into the OpenAPI document, so the document says what the
/// service checks and nothing else can say it differently. For a type with a validator (a body, a
/// query record): fields with a NotNull rule are required and not nullable, and each field's schema
/// is described by its rules: an <see cref="IDocumentedRule"/> describes itself; FluentValidation's
/// own Length, Matches and EmailAddress are read from their settings. A path parameter marked
/// <see cref="ObjectIdAttribute"/> and every <c>_id</c> a response carries get the ObjectId pattern.
/// </summary>
internal sealed class RulesInDocument(IServiceProvider services) : ISchemaFilter, IParameterFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema described) return;
        if (context.MemberInfo is PropertyInfo property)
        {
            foreach (var validator in RulesOf(property)) Describe(described, validator);
            if (JsonName(property) == "_id") ObjectIdSchema.Describe(described);
        }
        else if (context.ParameterInfo?.GetCustomAttribute<ObjectIdAttribute>() is not null)
            ObjectIdSchema.Describe(described);
        else if (context.MemberInfo is null && described.Properties is { Count: > 0 } properties)
            foreach (var field in context.Type.GetProperties())
                if (properties.ContainsKey(JsonName(field)) && RulesOf(field).OfType<INotNullValidator>().Any())
                    (described.Required ??= new HashSet<string>()).Add(JsonName(field));
    }

    /// <summary>A query parameter with a NotNull rule is required.</summary>
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (parameter is OpenApiParameter described && context.PropertyInfo is { } property &&
            RulesOf(property).OfType<INotNullValidator>().Any())
            described.Required = true;
    }

    /// <summary>
    /// True when the document can state what <paramref name="validator"/> checks. A test holds every
    /// rule on a request's field to this, so a check the document would miss (a bare <c>Must</c>) is
    /// noticed when it is written.
    /// </summary>
    public static bool Describes(IPropertyValidator validator) =>
        validator is IDocumentedRule or INotNullValidator or ILengthValidator or IRegularExpressionValidator or IEmailValidator;

    private static void Describe(OpenApiSchema schema, IPropertyValidator validator)
    {
        switch (validator)
        {
            case IDocumentedRule rule:
                rule.Describe(schema);
                break;
            case INotNullValidator:
                if (schema.Type is { } type) schema.Type = type & ~JsonSchemaType.Null;
                break;
            case ILengthValidator length:
                if (length.Min > 0) schema.MinLength = length.Min;
                if (length.Max > 0) schema.MaxLength = length.Max;
                break;
            case IRegularExpressionValidator regex:
                // A field with several patterns must match them all: each one a lookahead.
                var pattern = DocumentedPattern.Of(regex.Expression);
                schema.Pattern = schema.Pattern is null ? pattern : $"(?=[\\s\\S]*?(?:{schema.Pattern}))(?=[\\s\\S]*?(?:{pattern}))";
                break;
            case IEmailValidator:
                schema.Format = "email";
                break;
        }
    }

    /// <summary>The validators of <paramref name="property"/>, from the validator of the type that declares it.</summary>
    private IEnumerable<IPropertyValidator> RulesOf(PropertyInfo property)
    {
        if (property.DeclaringType is not { } owner ||
            services.GetService(typeof(IValidator<>).MakeGenericType(owner)) is not IValidator validator)
            return [];
        var json = JsonName(property);
        return validator.CreateDescriptor().Rules
            .Where(r => r.PropertyName is { } name &&
                        (name.Equals(property.Name, StringComparison.Ordinal) || name.Equals(json, StringComparison.Ordinal)))
            .SelectMany(r => r.Components.Select(c => c.Validator));
    }

    /// <summary>The field's name in JSON: its <c>[JsonPropertyName]</c>, else camelCase, as the serializer writes it.</summary>
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
