using System.Diagnostics;

namespace Tripmate.Testing;

/// <summary>
/// Stops and starts one of the test servers through the dev script, for tests of what happens
/// while a dependency is away. Such tests run in a collection with parallelization disabled, so they run alone.
/// </summary>
public static class DevServer
{
    public static Task StopAsync(string name) => RunAsync("stop", name);

    public static Task StartAsync(string name) => RunAsync("start", name);

    private static async Task RunAsync(string action, string name)
    {
        var start = new ProcessStartInfo(TestServers.DevScript, ["server", action, name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DEV_PROFILE"] = TestServers.DevProfile;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`dev server {action} {name}` failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
