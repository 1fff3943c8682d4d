using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace ContactsApi.Common.Json;

/// <summary>
/// Reads JSON request bodies for controllers in one pass through System.Text.Json, with the
/// contract's strictness (<see cref="RequestJson"/>). Whatever is wrong with a body becomes a model
/// error in the contract's words, and so a 400, never the serializer's text and never a 500.
/// </summary>
public sealed class ContractJsonInputFormatter : TextInputFormatter
{
    private readonly JsonSerializerOptions _options;

    public ContractJsonInputFormatter(JsonSerializerOptions responses)
    {
        _options = RequestJson.Options(responses);
        SupportedMediaTypes.Add("application/json");
        SupportedEncodings.Add(Encoding.UTF8);
    }

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context, Encoding encoding)
    {
        var http = context.HttpContext;
        var reader = http.Request.BodyReader;
        ReadOnlySequence<byte> body;
        try
        {
            body = await ReadToEndAsync(reader, http.RequestAborted);
        }
        catch (BadHttpRequestException unread)
        {
            // The server stopped the body (past the size limit, or cut short): RequestChecks says which.
            context.ModelState.TryAddModelException(context.ModelName, unread);
            return await InputFormatterResult.FailureAsync();
        }
        try
        {
            // The request size limit keeps a body small, so a body in several segments is copied whole.
            var (value, refusal) = RequestJson.Read(body.IsSingleSegment ? body.FirstSpan : body.ToArray(), _options.GetTypeInfo(context.ModelType));
            if (refusal is null) return await InputFormatterResult.SuccessAsync(value);
            context.ModelState.TryAddModelError(context.ModelName, refusal);
            return await InputFormatterResult.FailureAsync();
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    private static async Task<ReadOnlySequence<byte>> ReadToEndAsync(PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            if (read.IsCompleted) return read.Buffer;
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
