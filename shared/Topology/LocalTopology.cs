namespace Tripmate.Topology;

/// <summary>
/// The local topology: <c>topology.env</c> at the repository root, each of its <c>NAME=value</c>
/// lines overridden by an environment variable of the same name, exactly as <c>./dev</c> reads it.
/// </summary>
public sealed class LocalTopology
{
    public const string FileName = "topology.env";

    private readonly IReadOnlyDictionary<string, string> _defaults;
    private readonly Func<string, string?> _environment;

    private LocalTopology(string root, IReadOnlyDictionary<string, string> defaults, Func<string, string?> environment)
    {
        Root = root;
        _defaults = defaults;
        _environment = environment;
    }

    /// <summary>The repository root (where topology.env is).</summary>
    public string Root { get; }

    public string Host => this["LOCAL_HOST"];

    /// <summary>The value of <paramref name="name"/>: the environment's if it sets one, else the file's.</summary>
    public string this[string name] =>
        _environment(name) is { Length: > 0 } overridden ? overridden
        : _defaults.TryGetValue(name, out var value) ? value
        : throw new KeyNotFoundException($"{name} is not in {Path.Combine(Root, FileName)}.");

    public int Port(string name) => int.TryParse(this[name], out var port) && port is > 0 and < 65536
        ? port
        : throw new FormatException($"{name} is '{this[name]}', which is not a port.");

    /// <summary>Where <c>./dev</c> keeps a profile's data, logs and keys.</summary>
    public string DataDirectory(string profile) => Path.Combine(Root, ".data", profile);

    /// <summary>The first instance of a service of <c>./dev up</c>, e.g. <c>social-graph</c>.</summary>
    public Uri ServiceUrl(string service) => new($"http://{Host}:{Port(PortVariable(service))}");

    /// <summary>The servers of a profile of <c>./dev</c>: <c>up</c> or <c>test</c>.</summary>
    public LocalServers Servers(string profile)
    {
        var prefix = profile switch
        {
            "up" => "DEV",
            "test" => "TEST",
            _ => throw new ArgumentException($"No profile '{profile}' in {FileName}: 'up' or 'test'.", nameof(profile)),
        };
        return new LocalServers(
            profile,
            $"Host={Host};Port={Port($"{prefix}_PG_PORT")};Username={this["LOCAL_PG_USER"]};Password={this[$"{prefix}_PG_PASSWORD"]}",
            $"{Host}:{Port($"{prefix}_REDIS_PORT")}",
            $"amqp://{this["LOCAL_RABBIT_USER"]}:{this["LOCAL_RABBIT_PASSWORD"]}@{Host}:{Port($"{prefix}_AMQP_PORT")}/",
            new Uri($"http://{Host}:{Port($"{prefix}_S3_PORT")}"),
            this["LOCAL_S3_ACCESS_KEY"],
            this["LOCAL_S3_SECRET_KEY"],
            this["LOCAL_S3_BUCKET"]);
    }

    /// <summary><c>social-graph</c> → <c>SOCIAL_GRAPH_PORT</c>.</summary>
    public static string PortVariable(string service) => $"{service.Replace('-', '_').ToUpperInvariant()}_PORT";

    /// <summary>A service's name in <c>./dev</c> from its assembly's: <c>Tripmate.SocialGraph</c> → <c>social-graph</c>.</summary>
    public static string ServiceName(string applicationName)
    {
        var name = applicationName.StartsWith("Tripmate.", StringComparison.Ordinal) ? applicationName["Tripmate.".Length..] : applicationName;
        return string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
    }

    /// <summary>The topology of the checkout <paramref name="directory"/> is in (searched upwards), or null outside one.</summary>
    public static LocalTopology? Find(string directory, Func<string, string?>? environment = null)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, FileName);
            if (File.Exists(file))
            {
                return new LocalTopology(dir.FullName, Parse(File.ReadLines(file)), environment ?? Environment.GetEnvironmentVariable);
            }
        }

        return null;
    }

    /// <summary>As <see cref="Find"/>, but a missing file is an error naming where it was looked for.</summary>
    public static LocalTopology Load(string directory, Func<string, string?>? environment = null) =>
        Find(directory, environment) ?? throw new FileNotFoundException($"No {FileName} in {directory} or above it: run from a Tripmate checkout.");

    /// <summary>Lines <c>NAME=value</c>; blank lines and <c>#</c> comments are skipped, as <c>./dev</c> skips them.</summary>
    internal static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"{FileName}: '{line}' is not NAME=value.");
            }

            values[line[..equals]] = line[(equals + 1)..];
        }

        return values;
    }
}

/// <summary>The servers of one profile, as their clients are configured.</summary>
/// <param name="Postgres">An Npgsql connection string without a database.</param>
/// <param name="Redis">StackExchange.Redis's <c>host:port</c>.</param>
/// <param name="RabbitMq">An AMQP URI of the default virtual host.</param>
public sealed record LocalServers(
    string Profile, string Postgres, string Redis, string RabbitMq, Uri S3, string S3AccessKey, string S3SecretKey, string S3Bucket);
