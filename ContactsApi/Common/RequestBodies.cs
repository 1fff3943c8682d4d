using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContactsApi.Common;

/// <summary>
/// What an action's body may be, declared once for every action from what it binds: an action that
/// reads JSON takes only <c>application/json</c>, and an action that reads a form (an upload) has the
/// form read before anything binds it. Either way a body of the wrong kind, or one that can't be read,
/// is refused in the contract's words before the framework can answer in its own.
/// </summary>
internal sealed class RequestBodies : IActionModelConvention
{
    public const string NotAForm = "Request body is not a valid multipart form";

    public void Apply(ActionModel action)
    {
        var sources = action.Parameters.Select(p => p.BindingInfo?.BindingSource).ToArray();
        if (sources.Contains(BindingSource.Body)) action.Filters.Add(new JsonOnly());
        if (sources.Contains(BindingSource.Form) || sources.Contains(BindingSource.FormFile)) action.Filters.Add(new ReadForm());
    }

    /// <summary>
    /// Any other body, a form or multipart one too, is a 415 before anything reads it, and the OpenAPI
    /// document lists only JSON. A filter, not [Consumes]: that one is applied by routing, before
    /// authentication, and a client without a token must hear 401 whatever it sends.
    /// </summary>
    private sealed class JsonOnly : IResourceFilter, IApiRequestMetadataProvider
    {
        private const string Json = "application/json";

        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            // A body without a type is left to the formatter: an empty one is "Request body is required".
            if (context.HttpContext.Request.ContentType is { } type && !new MediaType(type).IsSubsetOf(new MediaType(Json)))
                context.Result = new Refusal(StatusCodes.Status415UnsupportedMediaType, ErrorHandling.MessageFor(StatusCodes.Status415UnsupportedMediaType));
        }

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }

        public void SetContentTypes(MediaTypeCollection contentTypes)
        {
            contentTypes.Clear();
            contentTypes.Add(Json);
        }
    }

    /// <summary>
    /// Reads the form before model binding, whose own attempt would answer a broken one with "Failed to
    /// read the request form…"; the binders then find it read. The last resource filter, so the ones
    /// that must act before a body is read (an upload slot, a size limit) still do.
    /// </summary>
    private sealed class ReadForm : IAsyncResourceFilter, IOrderedFilter
    {
        public int Order => int.MaxValue;

        public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (http.Request.HasFormContentType)
            {
                try
                {
                    await http.Request.ReadFormAsync(http.RequestAborted);
                }
                catch (BadHttpRequestException unread)
                {
                    context.Result = RequestSizeLimits.Unread(unread, http);
                    return;
                }
                catch (Exception broken) when (broken is InvalidDataException or IOException)
                {
                    context.Result = Refusal.BadRequest(NotAForm);
                    return;
                }
            }
            await next();
        }
    }
}
