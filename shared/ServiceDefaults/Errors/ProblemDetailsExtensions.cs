using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tripmate.ServiceDefaults.Text;

namespace Tripmate.ServiceDefaults.Errors;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error leaves a service as RFC 9457 problem details carrying the trace id, whether it
    /// comes from validation, an exception, authentication or an unmatched route.
    /// </summary>
    public static IServiceCollection AddDefaultProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] =
                Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });

        // Without this, outside Development a body that is not valid JSON is answered with an empty
        // 400 and no reason; throwing lets the handler below say which part of the body was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // After the framework's own writer, which declines when Accept excludes JSON.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());

        // The control-character rule for every string of every JSON body.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new MultiLineTextConverter()));

        services.AddExceptionHandler<RequestValidationExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnsupportedCharsetExceptionHandler>();
        services.AddExceptionHandler<StoreOutageExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();
        return services;
    }
}
