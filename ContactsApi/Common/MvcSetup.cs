using ContactsApi.Common.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
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
                options.ModelBindingMessageProvider.SetMissingRequestBodyRequiredValueAccessor(() => "Request body is required");
                options.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
            })
            .AddJsonOptions(options => options.JsonSerializerOptions.Converters.Add(new UtcMillisecondsConverter()));
        services.AddOptions<MvcOptions>().Configure<IOptions<JsonOptions>>((mvc, json) =>
            mvc.InputFormatters.Insert(0, new ContractJsonInputFormatter(json.Value.JsonSerializerOptions)));
        services.Configure<ApiBehaviorOptions>(options =>
            options.ClientErrorMapping[StatusCodes.Status415UnsupportedMediaType] = new ClientErrorData
            {
                Title = "Content-Type must be application/json",
                Link = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            });
        services.AddValidators();
        return services;
    }
}
