using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tripmate.ServiceDefaults.Errors;

/// <summary>
/// A request the framework could not bind: malformed JSON, a wrong-typed field, a body too large,
/// a path or query value of the wrong kind. The client learns which field was wrong, in its own
/// words (JSON names and paths), never the .NET types the framework's messages name.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        context.Response.StatusCode = badRequest.StatusCode;
        var (field, message) = BindingFailure.Describe(badRequest);
        ProblemDetails problem = field is null
            ? new ProblemDetails { Detail = message }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Detail = message };
        problem.Status = badRequest.StatusCode;
        if (badRequest.InnerException is JsonException { Path: { } path })
        {
            problem.Extensions["path"] = path;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
