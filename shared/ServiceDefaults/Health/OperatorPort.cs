using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tripmate.ServiceDefaults.Health;

/// <summary>
/// <c>Health:OperatorPort</c>: a port the process also listens on (list it in its URLs, e.g.
/// <c>ASPNETCORE_HTTP_PORTS=8080;8081</c>) that only operators reach: no Service, Ingress or
/// network policy leads to it, so it is reached by <c>kubectl port-forward</c> or from the host
/// itself. Health details are answered there alone. A token cannot stand in for it: every
/// account can sign in, and identity issues no role that would set an operator apart.
/// </summary>
public static class OperatorPort
{
    public const string Setting = "Health:OperatorPort";

    /// <summary>Whether the request came in on the operator port (never, when none is configured).</summary>
    public static bool IsOperatorRequest(HttpContext context) =>
        context.RequestServices.GetRequiredService<IConfiguration>().GetValue<int?>(Setting) is { } port
        && context.Connection.LocalPort == port;
}
