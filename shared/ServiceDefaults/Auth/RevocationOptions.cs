namespace Tripmate.ServiceDefaults.Auth;

/// <summary>The <c>Revocation</c> section: the validly signed tokens every service refuses (<see cref="RevocationList"/>).</summary>
public sealed class RevocationOptions
{
    public const string Section = "Revocation";

    /// <summary>
    /// How long an entry is kept: at least the longest access token's lifetime plus clock skew,
    /// after which every token it names has expired anyway.
    /// </summary>
    public TimeSpan EntryLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often each instance reads identity's list (entries it missed while it was down, starting, or the broker was away).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(30);
}
