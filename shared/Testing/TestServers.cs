using System.Net.Sockets;
using Tripmate.Topology;

namespace Tripmate.Testing;

/// <summary>
/// Addresses of the real servers the tests use. <c>./dev test</c> starts fresh ones and exports
/// their addresses (each test project's own RabbitMQ virtual host, Redis database and S3 bucket);
/// without those variables (plain <c>dotnet test</c>, or a test run from an IDE) the servers of the
/// test profile of topology.env are used if they run, else those of <c>./dev up</c>. Tests never
/// start, stop or restart these: a test that needs a server to go away has its own
/// (<see cref="PrivateServers"/>).
/// </summary>
public static class TestServers
{
    private static readonly Lazy<LocalServers> Local = new(Detect);

    public static LocalTopology Topology { get; } = LocalTopology.Load(AppContext.BaseDirectory);

    public static string Postgres => Variable("TRIPMATE_TEST_POSTGRES") ?? Local.Value.Postgres;

    public static string RabbitMq => Variable("TRIPMATE_TEST_RABBITMQ") ?? Local.Value.RabbitMq;

    public static string Redis => Variable("TRIPMATE_TEST_REDIS") ?? Local.Value.Redis;

    public static string S3 => Variable("TRIPMATE_TEST_S3") ?? Local.Value.S3.ToString().TrimEnd('/');

    /// <summary>The bucket of services that need one and do not make their own (it exists).</summary>
    public static string S3Bucket => Variable("TRIPMATE_TEST_S3_BUCKET") ?? Local.Value.S3Bucket;

    public static string S3AccessKey => Local.Value.S3AccessKey;

    public static string S3SecretKey => Local.Value.S3SecretKey;

    public static string NodeTools => Variable("TRIPMATE_NODE_TOOLS") ?? Path.Combine(Topology.Root, "tools", "node");

    /// <summary>The dev script, which starts and stops servers.</summary>
    public static string DevScript => Variable("TRIPMATE_DEV") ?? Path.Combine(Topology.Root, "dev");

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static LocalServers Detect()
    {
        var test = Topology.Servers("test");
        return Listening(Topology.Port("TEST_PG_PORT")) || !Listening(Topology.Port("DEV_PG_PORT")) ? test : Topology.Servers("up");
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(Topology.Host, port).Wait(TimeSpan.FromMilliseconds(500)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
    }
}
