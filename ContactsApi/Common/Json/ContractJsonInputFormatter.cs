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
        // Bodies are small (64 KB at most), so reading one whole costs what the parser would anyway.
        using var body = new MemoryStream();
        await context.HttpContext.Request.Body.CopyToAsync(body, context.HttpContext.RequestAborted);
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (!IsDecodableJson(bytes.Span))
        {
            context.ModelState.AddModelError(string.Empty, "Request body is not valid JSON");
            return await InputFormatterResult.FailureAsync();
        }
        using var document = JsonDocument.Parse(bytes);
        var error = JsonShape.Check(document.RootElement, _options.GetTypeInfo(context.ModelType));
        if (error is not null)
        {
            context.ModelState.AddModelError(string.Empty, error);
            return await InputFormatterResult.FailureAsync();
        }
        return await InputFormatterResult.SuccessAsync(document.RootElement.Deserialize(context.ModelType, _options));
    }

    /// <summary>
    /// Well-formed JSON whose every string and name decodes. The parser leaves strings undecoded, so
    /// invalid UTF-8 or an escaped lone surrogate (<c>"\uD800"</c>) would otherwise surface only when
    /// a field is read, as a 500.
    /// </summary>
    private static bool IsDecodableJson(ReadOnlySpan<byte> json)
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
}
