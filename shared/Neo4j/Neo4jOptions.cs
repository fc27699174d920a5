namespace Tripmate.Neo4j;

/// <summary>Where the graph database is and how to sign in (section <c>Neo4j</c>).</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Neo4j";

    /// <summary>Also read from this variable, as CI and container setups name it.</summary>
    public const string UriVariable = "NEO4J_URI";

    /// <summary>The server's HTTP address, e.g. <c>http://neo4j:7474</c> (the Query API port, not Bolt's).</summary>
    public Uri? Uri { get; set; }

    public string Database { get; set; } = "neo4j";

    /// <summary>Basic authentication; leave empty when the server has authentication disabled.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>A token of the server's single sign-on provider (sent as <c>Bearer</c>); used instead of a user name and password.</summary>
    public string? BearerToken { get; set; }

    /// <summary>How long one HTTP request may take before it counts as a connection failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts of a unit of work after a transient failure (the first is not counted).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first pause before a retry; each next one doubles, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
