namespace Tripmate.Load;

public sealed record LoadOptions(string Target, Uri Url, Uri Broker, int Concurrency, TimeSpan Duration, TimeSpan WarmUp)
{
    public static LoadOptions? Parse(string[] args)
    {
        if (args is not ["identity", .. var rest] || rest.Length % 2 != 0)
        {
            return null;
        }

        var named = Enumerable.Range(0, rest.Length / 2).ToDictionary(i => rest[2 * i], i => rest[2 * i + 1]);
        var port = Environment.GetEnvironmentVariable("IDENTITY_PORT") ?? "5101";
        var amqpPort = Environment.GetEnvironmentVariable("DEV_AMQP_PORT") ?? "56720";
        return new LoadOptions(
            args[0],
            new Uri(named.GetValueOrDefault("--url", $"http://127.0.0.1:{port}")),
            new Uri(named.GetValueOrDefault("--amqp", $"amqp://guest:guest@127.0.0.1:{amqpPort}/")),
            int.Parse(named.GetValueOrDefault("--concurrency", "16")),
            TimeSpan.FromSeconds(double.Parse(named.GetValueOrDefault("--duration", "20"))),
            TimeSpan.FromSeconds(double.Parse(named.GetValueOrDefault("--warmup", "3"))));
    }
}
