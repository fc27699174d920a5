namespace Tripmate.Gateway.Auth;

/// <summary>The <c>Revocation</c> section: the list of subjects whose tokens are refused.</summary>
public sealed class RevocationOptions
{
    public const string Section = "Revocation";

    /// <summary>Redis sorted set of revoked subjects, scored by when the entry may go.</summary>
    public string Key { get; set; } = "gw:revoked-subjects";

    /// <summary>
    /// How long an entry is kept: at least the longest access token's lifetime plus clock skew,
    /// after which every token of the subject has expired anyway.
    /// </summary>
    public TimeSpan EntryLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often each instance reads the shared list (entries another instance added while this one was down).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);
}
