using ContactsApi.Common.Json;
using ContactsApi.Contacts;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Options;

namespace ContactsApi.Common;

public static class MvcSetup
{
    public static IServiceCollection AddApiControllers(this IServiceCollection services)
    {
        services.AddControllers(options =>
            {
                // A string result (DELETE's message) is JSON, as the spec shows, not text/plain.
                options.OutputFormatters.RemoveType<StringOutputFormatter>();
                options.OutputFormatters.Insert(0, new GeneratedJsonOutputFormatter(ContactResponsesJson.Default, typeof(ContactPageResponse)));
                options.ModelBindingMessageProvider.SetMissingRequestBodyRequiredValueAccessor(() => "Request body is required");
                options.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
                options.Conventions.Add(new RequestBodies());
                options.Filters.AddService<RequestChecks>();
            })
            .AddJsonOptions(options => options.JsonSerializerOptions.Converters.Add(new UtcMillisecondsConverter()));
        services.AddOptions<MvcOptions>().Configure<IOptions<JsonOptions>>((mvc, json) =>
        {
            mvc.InputFormatters.RemoveType<SystemTextJsonInputFormatter>();
            mvc.InputFormatters.Insert(0, new ContractJsonInputFormatter(json.Value.JsonSerializerOptions));
        });
        // RequestChecks answers an unreadable body itself, in its place among the other checks.
        services.Configure<ApiBehaviorOptions>(options => options.SuppressModelStateInvalidFilter = true);
        services.AddSingleton<IClientErrorFactory, ClientErrors>();
        services.AddSingleton<RequestChecks>();
        services.AddValidatorsFromAssemblyContaining<RequestChecks>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    /// <summary>The framework's client errors (a body of the wrong type) in the contract's words.</summary>
    private sealed class ClientErrors : IClientErrorFactory
    {
        public IActionResult GetClientError(ActionContext context, IClientErrorActionResult clientError)
        {
            var status = clientError.StatusCode ?? StatusCodes.Status400BadRequest;
            return new Refusal(status, ErrorHandling.MessageFor(status));
        }
    }
}
