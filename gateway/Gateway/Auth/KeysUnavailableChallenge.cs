using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Gateway.Auth;

/// <summary>
/// When identity's keys cannot be fetched (every identity instance down when the gateway first
/// needs them), a token cannot be judged: answer 503, not a 401 that would tell the client its
/// token is bad. Both cases fail as "signature key not found", so on that failure alone (never on
/// the success path) ask the key cache whether it has keys; cached keys answer at once.
/// </summary>
internal static class KeysUnavailableChallenge
{
    public static async Task HandleAsync(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is not SecurityTokenSignatureKeyNotFoundException
            || context.Options.ConfigurationManager is not { } keys)
        {
            return;
        }

        try
        {
            await keys.GetConfigurationAsync(context.HttpContext.RequestAborted);
            return; // The keys are there: the token names a key identity does not have.
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
        }

        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "Tokens cannot be checked right now: identity's signing keys are unavailable.",
            },
        });
    }
}
