using System.Security.Claims;

namespace Tripmate.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's user id from the token's <c>sub</c>. Only call behind authorization.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue("sub"), out var id)
            ? id
            : throw new InvalidOperationException("The authenticated principal has no user id.");
}
