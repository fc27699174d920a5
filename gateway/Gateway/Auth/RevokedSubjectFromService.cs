using Tripmate.ServiceDefaults.Auth;

namespace Tripmate.Gateway.Auth;

/// <summary>Applies and strips a service's <see cref="RevokedSubjectHeader"/> before the answer leaves the gateway.</summary>
internal sealed class RevokedSubjectFromService(RequestDelegate next, RevokedSubjects revoked)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
            context.Response.Headers.Remove(RevokedSubjectHeader.Name, out var value) && Guid.TryParse(value, out var subject)
                ? revoked.RevokeAsync(subject)
                : Task.CompletedTask);
        return next(context);
    }
}
