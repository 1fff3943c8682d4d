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
    private const string NotJson = "Request body is not valid JSON";
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
        // The body is small (the request size limit caps it), so it is read whole and checked once.
        using var buffer = new MemoryStream();
        await context.HttpContext.Request.Body.CopyToAsync(buffer, context.HttpContext.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!HasReadableText(body.Span)) return await FailAsync(context, NotJson);

        using var document = JsonDocument.Parse(body);
        var error = JsonShape.Check(document.RootElement, _options.GetTypeInfo(context.ModelType));
        if (error is not null) return await FailAsync(context, error);
        return await InputFormatterResult.SuccessAsync(document.RootElement.Deserialize(context.ModelType, _options));
    }

    /// <summary>
    /// Well-formed JSON whose every string and name decodes. JsonDocument decodes strings only when
    /// they are read, so invalid UTF-8 or a lone surrogate escape (<c>"\ud800"</c>) would otherwise
    /// surface later as an InvalidOperationException, and so a 500.
    /// </summary>
    private static bool HasReadableText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) reader.GetString();
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static Task<InputFormatterResult> FailAsync(InputFormatterContext context, string message)
    {
        context.ModelState.AddModelError(string.Empty, message);
        return InputFormatterResult.FailureAsync();
    }
}
