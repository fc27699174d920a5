namespace Tripmate.ServiceDefaults.Caching;

/// <summary>Who may be given a cached answer: the <c>Cache-Control</c> directive of the same name.</summary>
public enum CacheScope
{
    /// <summary>The same for every caller (a public profile): one entry shared by all.</summary>
    Public,

    /// <summary>Depends on who asks (their role, their membership): one entry per caller, never served to another.</summary>
    Private,
}
