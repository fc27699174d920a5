// Exit code 0 when the URL (a health endpoint of this container) answers 2xx within 3 seconds,
// 1 otherwise: what Docker's HEALTHCHECK expects. Usage: dotnet Tripmate.HealthProbe.dll URL
if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url))
{
    Console.Error.WriteLine("usage: Tripmate.HealthProbe URL");
    return 2;
}

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
try
{
    using var response = await client.GetAsync(url);
    Console.WriteLine($"{url} {(int)response.StatusCode}");
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
{
    Console.WriteLine($"{url} {e.Message}");
    return 1;
}
