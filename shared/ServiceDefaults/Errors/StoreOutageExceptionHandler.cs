using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Tripmate.ServiceDefaults.Errors;

/// <summary>A store outage (<see cref="StoreOutages"/>) is 503 with Retry-After, never a 500: the request was fine.</summary>
internal sealed partial class StoreOutageExceptionHandler(IProblemDetailsService problems, ILogger<StoreOutageExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (StoreOutages.StoreOf(exception) is not { } store)
        {
            return false;
        }

        LogOutage(store, context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = StoreOutages.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "A store this service needs is unavailable right now. Retry shortly.",
            },
            Exception = exception,
        });
    }

    [LoggerMessage(LogLevel.Warning, "{Store} unavailable on {Method} {Path}: {Reason}")]
    private partial void LogOutage(string store, string method, PathString path, string reason);
}
