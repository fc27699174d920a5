using Tripmate.Load;
using Tripmate.Load.Identity;

// Usage: Tripmate.Load identity [--url http://127.0.0.1:5101] [--amqp amqp://...] [--concurrency 16] [--duration 20] [--warmup 3]
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Tripmate.Load identity [--url URL] [--amqp URI] [--concurrency N] [--duration SECONDS] [--warmup SECONDS]");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(30),
};
var identity = new IdentityScenarios(http, options.Concurrency, options.WarmUp, options.Duration);
Console.WriteLine($"target {options.Url}, {options.Concurrency} workers, {options.Duration.TotalSeconds:0} s each after {options.WarmUp.TotalSeconds:0} s warm-up");
Console.WriteLine(LoadResult.Header);
Console.WriteLine(await identity.RegisterAsync());
Console.WriteLine(await identity.ReadProfileAsync());
Console.WriteLine(await new EventLatencyScenario(http, options.Broker, registrations: 200).RunAsync());
return 0;
