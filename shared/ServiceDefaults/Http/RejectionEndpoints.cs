using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tripmate.ServiceDefaults.Http;

/// <summary>
/// When no route accepts a request's method or content type, routing selects one of its own
/// endpoints that answers 405 or 415. Those carry no metadata, so the fallback "signed in" policy
/// applied to them and an anonymous <c>text/plain</c> POST to register answered 401 (found by the
/// fuzz test). They are not routes of the service (every route is a <see cref="RouteEndpoint"/>):
/// let them answer what they are about, whoever asks.
/// </summary>
internal sealed class RejectionEndpoints(RequestDelegate next)
{
    private static readonly AllowAnonymousAttribute Anonymous = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint and not RouteEndpoint && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            context.SetEndpoint(new Endpoint(endpoint.RequestDelegate, new EndpointMetadataCollection([.. endpoint.Metadata, Anonymous]), endpoint.DisplayName));
        }

        return next(context);
    }
}
