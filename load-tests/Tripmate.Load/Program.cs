using Tripmate.Load;
using Tripmate.Load.Identity;
using Tripmate.Load.Messaging;

var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

HttpClient Client(Uri url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
{
    BaseAddress = url,
    Timeout = TimeSpan.FromSeconds(30),
};

using var target = Client(options.Url);
using var identity = Client(options.IdentityUrl);
var accounts = new Accounts(identity);
var (concurrency, warmUp, duration) = (options.Concurrency, options.WarmUp, options.Duration);
Console.WriteLine($"{options.Command} at {options.Url}, {concurrency} workers, {duration.TotalSeconds:0} s each after {warmUp.TotalSeconds:0} s warm-up");
Console.WriteLine(LoadResult.Header);
switch (options.Command)
{
    case "identity":
        var identityScenarios = new IdentityScenarios(target, accounts, concurrency, warmUp, duration);
        Console.WriteLine(await identityScenarios.RegisterAsync());
        Console.WriteLine(await identityScenarios.ReadProfileAsync());
        Console.WriteLine(await new EventLatencyScenario(target, options.Broker, registrations: 200).RunAsync());
        break;
    case "messaging":
        var messaging = new MessagingScenarios(target, accounts, concurrency, warmUp, duration);
        Console.WriteLine(await messaging.SendAsync());
        Console.WriteLine(await messaging.ReadPagesAsync());
        break;
    case "gateway":
        // The same uncacheable reads straight at identity and through the proxy at --url (the gateway,
        // or nginx for comparison): the gap is the proxy's cost. Lift the gateway's rate limits (README)
        // or they are what gets measured.
        var direct = await new IdentityScenarios(identity, accounts, concurrency, warmUp, duration).ReadOwnAccountAsync("direct");
        var proxied = await new IdentityScenarios(target, accounts, concurrency, warmUp, duration).ReadOwnAccountAsync("proxied");
        var cached = await new IdentityScenarios(target, accounts, concurrency, warmUp, duration).ReadProfileAsync("proxied-profile");
        Console.WriteLine(direct);
        Console.WriteLine(proxied);
        Console.WriteLine(cached);
        Console.WriteLine($"proxy at {options.Url}: {100 * proxied.Throughput / direct.Throughput:F0}% of direct throughput, +{proxied.P50 - direct.P50:F2} ms at p50");
        break;
}
return 0;
