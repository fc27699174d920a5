using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tripmate.ServiceDefaults.Errors;

/// <summary>
/// A JSON body whose Content-Type names a charset .NET cannot decode (<c>charset=latin-9</c>) is the
/// client's mistake, but the framework reports it as a bare InvalidOperationException, which would
/// end as a 500. Recognised by where it was thrown, so no other InvalidOperationException is caught.
/// </summary>
internal sealed class UnsupportedCharsetExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not InvalidOperationException { InnerException: ArgumentException, TargetSite.Name: "GetEncodingFromCharset" })
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Detail = "The request body's charset is not supported: send JSON as UTF-8.",
            },
            Exception = exception,
        });
    }
}
