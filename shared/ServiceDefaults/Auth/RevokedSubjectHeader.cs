namespace Tripmate.ServiceDefaults.Auth;

/// <summary>
/// A response header by which a service tells the gateway in front "refuse this subject's tokens
/// from now on" (identity, when an account is deleted). The gateway applies it before passing the
/// answer on and strips it, so the caller's very next request is refused by that gateway instance;
/// the <c>UserDeleted</c> event tells the other instances. Only services can set it: it is read
/// from answers, never from requests.
/// </summary>
public static class RevokedSubjectHeader
{
    public const string Name = "Tripmate-Revoked-Subject";
}
