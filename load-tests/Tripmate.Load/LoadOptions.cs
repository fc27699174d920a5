namespace Tripmate.Load;

/// <summary>
/// Command line: <c>COMMAND [--url URL] [--identity-url URL] [--amqp URI] [--concurrency N] [--duration S] [--warmup S]</c>.
/// Defaults point at `./dev up`'s ports: each command's own service, identity for accounts.
/// </summary>
public sealed record LoadOptions(string Command, Uri Url, Uri IdentityUrl, Uri Broker, int Concurrency, TimeSpan Duration, TimeSpan WarmUp)
{
    public const string Usage =
        "usage: Tripmate.Load identity|messaging|gateway [--url URL] [--identity-url URL] [--amqp URI] [--concurrency N] [--duration SECONDS] [--warmup SECONDS]";

    private static readonly Dictionary<string, (string PortVariable, string Port)> DefaultTargets = new()
    {
        ["identity"] = ("IDENTITY_PORT", "5101"),
        ["messaging"] = ("MESSAGING_PORT", "5102"),
        ["gateway"] = ("GATEWAY_PORT", "5000"),
    };

    public static LoadOptions? Parse(string[] args)
    {
        if (args is not [var command, .. var rest] || !DefaultTargets.TryGetValue(command, out var target) || rest.Length % 2 != 0)
        {
            return null;
        }

        var named = Enumerable.Range(0, rest.Length / 2).ToDictionary(i => rest[2 * i], i => rest[2 * i + 1]);
        var identity = $"http://127.0.0.1:{Environment.GetEnvironmentVariable("IDENTITY_PORT") ?? "5101"}";
        var amqpPort = Environment.GetEnvironmentVariable("DEV_AMQP_PORT") ?? "56720";
        return new LoadOptions(
            command,
            new Uri(named.GetValueOrDefault("--url", $"http://127.0.0.1:{Environment.GetEnvironmentVariable(target.PortVariable) ?? target.Port}")),
            new Uri(named.GetValueOrDefault("--identity-url", identity)),
            new Uri(named.GetValueOrDefault("--amqp", $"amqp://guest:guest@127.0.0.1:{amqpPort}/")),
            int.Parse(named.GetValueOrDefault("--concurrency", "16")),
            TimeSpan.FromSeconds(double.Parse(named.GetValueOrDefault("--duration", "20"))),
            TimeSpan.FromSeconds(double.Parse(named.GetValueOrDefault("--warmup", "3"))));
    }
}
