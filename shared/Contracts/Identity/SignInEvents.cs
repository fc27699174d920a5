namespace Tripmate.Contracts.Identity;

/// <summary>
/// Sign-ins ended (logout, a password change ending every sign-in, a reused refresh token). Access
/// tokens carry their sign-in's id as <c>sid</c>; every service refuses those of an ended sign-in
/// from the moment this arrives, although they are still validly signed.
/// </summary>
public sealed record SignInsEnded(Guid UserId, IReadOnlyList<Guid> SignInIds) : IntegrationEvent;
