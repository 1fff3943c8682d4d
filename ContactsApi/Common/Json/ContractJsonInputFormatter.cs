using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace ContactsApi.Common.Json;

/// <summary>
/// Reads JSON request bodies for controllers: malformed JSON, a non-object, a wrong type or an
/// unknown field become a model error with the contract's message (and so a 400), never a 500.
/// </summary>
public sealed class ContractJsonInputFormatter : TextInputFormatter
{
    private readonly JsonSerializerOptions _options;

    public ContractJsonInputFormatter(JsonSerializerOptions options)
    {
        _options = options;
        SupportedMediaTypes.Add("application/json");
        SupportedMediaTypes.Add("text/json");
        SupportedMediaTypes.Add("application/*+json");
        SupportedEncodings.Add(Encoding.UTF8);
    }

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context, Encoding encoding)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.HttpContext.Request.Body,
                cancellationToken: context.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            context.ModelState.AddModelError(string.Empty, "Request body is not valid JSON");
            return await InputFormatterResult.FailureAsync();
        }

        using (document)
        {
            var error = JsonShape.Check(document.RootElement, _options.GetTypeInfo(context.ModelType));
            if (error is not null)
            {
                context.ModelState.AddModelError(string.Empty, error);
                return await InputFormatterResult.FailureAsync();
            }
            return await InputFormatterResult.SuccessAsync(document.RootElement.Deserialize(context.ModelType, _options));
        }
    }
}
