using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContactsApi.Common;

/// <summary>
/// Decides, before any action runs, whether it can take the request, in this order: the body was
/// read (model state), the ids in the path are ObjectIds, the query holds only names the action binds
/// and each once, and every argument passes its validator. The first failure is the answer, so an
/// action only ever sees a request it can serve and never checks one by hand.
/// </summary>
internal sealed class RequestChecks(IServiceProvider services, IModelMetadataProvider metadata) : IAsyncActionFilter
{
    private readonly ConcurrentDictionary<string, Plan> _plans = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var plan = _plans.GetOrAdd(context.ActionDescriptor.Id, _ => Plan.For(context.ActionDescriptor, metadata, services));
        var refusal = Unread(context) ?? plan.Check(context.ActionArguments, context.HttpContext.Request.Query);
        if (refusal is not null) context.Result = refusal;
        else await next();
    }

    /// <summary>A body that could not be read (<see cref="Json.ContractJsonInputFormatter"/> says why in the contract's words).</summary>
    private static Refusal? Unread(ActionExecutingContext context)
    {
        if (context.ModelState.IsValid) return null;
        // The body's own error (key "") says what is wrong; the binder's "field is required" follows from it.
        var error = context.ModelState.OrderBy(e => e.Key.Length == 0 ? 0 : 1).SelectMany(e => e.Value!.Errors).First();
        return error.Exception switch
        {
            BadHttpRequestException unread => RequestSizeLimits.Unread(unread, context.HttpContext),
            null when error.ErrorMessage.Length > 0 => Refusal.BadRequest(error.ErrorMessage),
            _ => Refusal.BadRequest("Request could not be read"),
        };
    }

    /// <summary>What one action's checks need, read once from its declaration.</summary>
    private sealed record Plan(
        (string Parameter, ObjectIdAttribute Id)[] Ids,
        HashSet<string>? QueryNames,
        (string Parameter, IValidator Validator)[] Validators)
    {
        public static Plan For(ActionDescriptor action, IModelMetadataProvider metadata, IServiceProvider services)
        {
            var parameters = action.Parameters.OfType<ControllerParameterDescriptor>().ToArray();
            var ids = parameters.Select(p => (p.Name, Id: p.ParameterInfo.GetCustomAttribute<ObjectIdAttribute>()))
                .Where(p => p.Id is not null).Select(p => (p.Name, p.Id!)).ToArray();
            var validators = parameters.Select(p => (p.Name, Validator: services.GetService(typeof(IValidator<>).MakeGenericType(p.ParameterType)) as IValidator))
                .Where(p => p.Validator is not null).Select(p => (p.Name, p.Validator!)).ToArray();
            // Only an action that reads its query limits it: elsewhere a cache-buster (?_=1) changes nothing.
            var queryNames = parameters.SelectMany(p => QueryNamesOf(p, metadata)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new(ids, queryNames.Count > 0 ? queryNames : null, validators);
        }

        public Refusal? Check(IDictionary<string, object?> arguments, IQueryCollection query)
        {
            foreach (var (parameter, id) in Ids)
                if (id.Check(arguments.TryGetValue(parameter, out var value) ? value as string : null) is { } malformed) return malformed;
            if (QueryNames is not null)
                foreach (var (key, values) in query)
                {
                    if (!QueryNames.Contains(key)) return Refusal.BadRequest($"\"{key}\" is not allowed");
                    if (values.Count > 1) return Refusal.BadRequest($"\"{key}\" must be given once");
                }
            foreach (var (parameter, validator) in Validators)
                if (arguments.TryGetValue(parameter, out var argument) && argument is not null &&
                    validator.Validate(new ValidationContext<object>(argument)) is { IsValid: false } result)
                    return Refusal.BadRequest(result.Errors[0].ErrorMessage);
            return null;
        }

        private static IEnumerable<string> QueryNamesOf(ParameterDescriptor parameter, IModelMetadataProvider metadata)
        {
            var type = metadata.GetMetadataForType(parameter.ParameterType);
            if (type.IsComplexType)
                return type.Properties.Where(p => p.BindingSource == BindingSource.Query).Select(p => p.BinderModelName ?? p.PropertyName!);
            return parameter.BindingInfo?.BindingSource == BindingSource.Query ? [parameter.BindingInfo.BinderModelName ?? parameter.Name] : [];
        }
    }
}
