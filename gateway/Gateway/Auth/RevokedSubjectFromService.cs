using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Gateway.Auth;

/// <summary>Applies and strips a service's <see cref="RevokedSubjectHeader"/> before the answer leaves the gateway.</summary>
internal sealed class RevokedSubjectFromService(RequestDelegate next, RevocationList revoked)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.Headers.Remove(RevokedSubjectHeader.Name, out var value) && Guid.TryParse(value, out var subject))
            {
                revoked.RevokeSubject(subject);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
