using System.Net.Sockets;

namespace Tripmate.Testing;

/// <summary>
/// Addresses of the real servers the tests use. <c>./dev test</c> starts fresh ones and exports
/// their addresses; without those variables (plain <c>dotnet test</c>, or a test run from an
/// IDE) the servers of the test profile are used if they run, else those of <c>./dev up</c>, at
/// the ports and passwords the dev script gives them (its TEST_*/DEV_* variables included).
/// Tests never start servers themselves: there is one way to start them, and it is the dev script.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<Profile> Local = new(Profile.Detect);

    public static string Postgres => Variable("TRIPMATE_TEST_POSTGRES")
        ?? $"Host=127.0.0.1;Port={Local.Value.Postgres};Username=postgres;Password={Local.Value.PostgresPassword}";

    public static string RabbitMq => Variable("TRIPMATE_TEST_RABBITMQ") ?? $"amqp://guest:guest@127.0.0.1:{Local.Value.Amqp}/";

    public static string Redis => Variable("TRIPMATE_TEST_REDIS") ?? $"127.0.0.1:{Local.Value.Redis}";

    public static string S3 => Variable("TRIPMATE_TEST_S3") ?? $"http://127.0.0.1:{Local.Value.S3}";

    public static string NodeTools => Variable("TRIPMATE_NODE_TOOLS") ?? Path.Combine(ServiceBuild.RepositoryRoot(), "tools", "node");

    /// <summary>The dev script that started the servers, to stop and restart them.</summary>
    public static string DevScript => Variable("TRIPMATE_DEV") ?? Path.Combine(ServiceBuild.RepositoryRoot(), "dev");

    /// <summary>The dev script's profile of these servers (<c>test</c> or <c>up</c>).</summary>
    public static string DevProfile => Variable("DEV_PROFILE") ?? Local.Value.Name;

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>A profile of scripts/dev/common.sh: its defaults, and the variables that override them.</summary>
    private sealed record Profile(string Name, int Postgres, string PostgresPassword, int Redis, int Amqp, int S3)
    {
        public static Profile Detect()
        {
            var test = Of("test", "TEST", 54321, "tripmate-test", 63791, 56721, 45691);
            var up = Of("up", "DEV", 54320, "tripmate-dev", 63790, 56720, 45690);
            return Listening(test.Postgres) || !Listening(up.Postgres) ? test : up;
        }

        private static Profile Of(string name, string prefix, int postgres, string password, int redis, int amqp, int s3) => new(
            name, Port($"{prefix}_PG_PORT", postgres), Variable($"{prefix}_PG_PASSWORD") ?? password,
            Port($"{prefix}_REDIS_PORT", redis), Port($"{prefix}_AMQP_PORT", amqp), Port($"{prefix}_S3_PORT", s3));

        private static int Port(string variable, int fallback) => int.TryParse(Variable(variable), out var port) ? port : fallback;

        private static bool Listening(int port)
        {
            try
            {
                using var client = new TcpClient();
                return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromMilliseconds(500)) && client.Connected;
            }
            catch (AggregateException)
            {
                return false;
            }
        }
    }
}
