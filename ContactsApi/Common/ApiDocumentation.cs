using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContactsApi.Common;

/// <summary>The OpenAPI document and Swagger UI, with the bearer scheme.</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ContactsApi",
                Version = "v1",
                Description = "Keeps your contacts safe and hands them back whenever you ask. " +
                              "HEAD on any GET operation answers as GET, without the body.",
            });
            // Relative: the service the document came from, wherever it is deployed.
            options.AddServer(new OpenApiServer { Url = "/" });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The token from POST /api/users/login.",
            });
            // Response schemas then list the fields a client can count on as required.
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.OperationFilter<CommonResponses>();
            options.DocumentFilter<TagDescriptions>();
            // The validators' rules, so a client generator knows what the service will refuse.
            options.SchemaFilter<RulesInDocument>();
            options.ParameterFilter<RulesInDocument>();
            options.CustomSchemaIds(type => type.IsGenericType
                ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(a => a.Name))
                : type.Name);
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml);
        });
        return services;
    }

    /// <summary>On in Development; elsewhere only with <c>Swagger:Enabled = true</c>.</summary>
    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Swagger:Enabled", app.Environment.IsDevelopment())) return app;
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "ContactsApi v1"));
        return app;
    }

    /// <summary>
    /// Declares what the pipeline, not the action, may answer, so the document lists every status an
    /// operation really returns (the fuzz test holds it to that): the bearer requirement with 401
    /// (and 403 under a policy) only where <c>[Authorize]</c> is, 429 where a rate limit is, 415 where
    /// there is a body, and 400, 413 and 503 everywhere, each as a problem. 500 is never declared: it must never happen.
    /// </summary>
    private sealed class CommonResponses : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var authorize = metadata.OfType<IAuthorizeData>().ToArray();
            // Stated for the open operations too (an empty requirement), so no operation leaves it to be guessed.
            operation.Security = [];
            if (authorize.Length > 0 && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
                Add(operation, context, StatusCodes.Status401Unauthorized, "No valid token");
                if (authorize.Any(a => a.Policy is not null || a.Roles is not null))
                    Add(operation, context, StatusCodes.Status403Forbidden, "The token's user lacks the right");
            }
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests from this address or user, or a locked account; see Retry-After");
            if (operation.RequestBody is not null)
                Add(operation, context, StatusCodes.Status415UnsupportedMediaType, "The body is not of a type the operation reads");
            // An operation that reads a body refuses a request without one ("Request body is required").
            if (operation.RequestBody is OpenApiRequestBody body) body.Required = true;
            Add(operation, context, StatusCodes.Status400BadRequest, "The request is malformed or invalid");
            Add(operation, context, StatusCodes.Status413PayloadTooLarge, "The body is over the size limit");
            Add(operation, context, StatusCodes.Status503ServiceUnavailable, "The store is unavailable; try again later");
            // Every error is a problem: the controllers' [Produces("application/json")] would otherwise
            // claim plain JSON for the errors they declare. Only a response declared with a body of its
            // own (the health check's 503 status report) keeps it.
            foreach (var (code, response) in operation.Responses!)
                if (code[0] is '4' or '5' && response is OpenApiResponse declared &&
                    (declared.Content is null || declared.Content.Values.All(m => m.Schema is OpenApiSchemaReference { Reference.Id: nameof(ErrorBody) })))
                    declared.Content = Problem(context);
        }

        private static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description)
        {
            operation.Responses ??= [];
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new OpenApiResponse { Description = description, Content = Problem(context) });
        }

        private static Dictionary<string, IOpenApiMediaType> Problem(OperationFilterContext context) => new()
        {
            ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(ErrorBody), context.SchemaRepository) },
        };
    }

    /// <summary>What each tag (a group of operations) is for. Every tag an operation uses needs a line here.</summary>
    private sealed class TagDescriptions : IDocumentFilter
    {
        private static readonly Dictionary<string, string> Descriptions = new()
        {
            ["Users"] = "An account: register, log in and out, the signed-in user and their subscription.",
            ["Avatars"] = "The signed-in user's picture.",
            ["Contacts"] = "The signed-in user's contacts with their labelled numbers; another user's contact is 404.",
            ["Admin"] = "Every user's account and contacts, for admins only.",
            ["Health"] = "Whether the service and its store answer.",
        };

        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags?.Select(t => t.Name) ?? []).ToHashSet();
            document.Tags = new HashSet<OpenApiTag>(used.Order().Select(name => new OpenApiTag
            {
                Name = name,
                Description = Descriptions.GetValueOrDefault(name!),
            }));
        }
    }
}
