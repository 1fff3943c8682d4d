using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace ContactsApi.Common.Json;

/// <summary>
/// Writes the responses of the given types with a source-generated context's code, straight into
/// the response's buffer. MVC's own JSON formatter can't use that code: its options carry a converter, and generated
/// code only runs with the options it was generated for; and written as a stream, System.Text.Json leaves generated
/// code for good once an answer passes 8 KB (a page of 20 contacts is about 14 KB). In the list page's profile,
/// writing the answer fell from 13% of the service's CPU to 10%. The context must be generated with the options MVC
/// writes with, so that the bytes are the same (ContactListBodyTests holds the list's to the GET's).
/// </summary>
public sealed class GeneratedJsonOutputFormatter : TextOutputFormatter
{
    private readonly JsonSerializerContext _context;
    private readonly HashSet<Type> _types;
    // MVC's JSON formatter escapes with the relaxed encoder when the options name none (non-ASCII text and "+" as they are).
    private readonly JavaScriptEncoder _encoder;

    public GeneratedJsonOutputFormatter(JsonSerializerContext context, params Type[] types)
    {
        _context = context;
        _types = [.. types];
        _encoder = context.Options.Encoder ?? JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        SupportedMediaTypes.Add("application/json");
        SupportedEncodings.Add(Encoding.UTF8);
    }

    protected override bool CanWriteType(Type? type) => type is not null && _types.Contains(type);

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        var body = context.HttpContext.Response.BodyWriter;
        // Synchronous into the pipe's memory, which never waits: the answer is one bounded page.
        using (var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = _encoder, SkipValidation = true }))
            JsonSerializer.Serialize(json, context.Object, _context.GetTypeInfo(context.ObjectType!)!);
        await body.FlushAsync(context.HttpContext.RequestAborted);
    }
}
