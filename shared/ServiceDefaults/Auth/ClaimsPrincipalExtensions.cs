using System.Security.Claims;

namespace Tripmate.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>
    /// The caller's user id from the token's <c>sub</c>. Only call behind authorization: tokens
    /// without a user id never authenticate (<see cref="AuthenticationExtensions"/>).
    /// </summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        user.TryGetUserId(out var id) ? id : throw new InvalidOperationException("The authenticated principal has no user id.");

    public static bool TryGetUserId(this ClaimsPrincipal user, out Guid id) =>
        Guid.TryParse(user.FindFirstValue("sub"), out id) && id != Guid.Empty;
}
