using System.Security.Claims;

namespace Tripmate.Gateway.Auth;

/// <summary>
/// The signed-in caller's user id as the token carries it. Kept as text: the gateway only keys
/// caches, counters and log lines by it, so parsing it into a Guid on every request would buy nothing.
/// </summary>
internal static class Caller
{
    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirst("sub")?.Value;
}
