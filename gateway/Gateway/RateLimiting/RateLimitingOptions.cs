namespace Tripmate.Gateway.RateLimiting;

/// <summary>The <c>RateLimiting</c> section. Counts live in Redis, so every gateway instance shares them.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Prefix of the counters' partition keys in Redis.</summary>
    public string KeyPrefix { get; set; } = "gw";

    /// <summary>Per user (token <c>sub</c>) when signed in, per client address otherwise.</summary>
    public FixedWindowLimit General { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Per client address on <see cref="StrictPaths"/>: guessing passwords and mass sign-ups are what it slows down.</summary>
    public FixedWindowLimit Strict { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Listed in appsettings.json (a default here would be appended to, not replaced, by configuration).</summary>
    public List<string> StrictPaths { get; set; } = [];

    /// <summary>
    /// Not limited at all: probes and static documents that cost the services nothing, and the
    /// signing keys every service fetches. No Redis call is made for them.
    /// </summary>
    public List<string> ExemptPaths { get; set; } = [];
}

public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsValid => PermitLimit > 0 && Window > TimeSpan.Zero;
}
