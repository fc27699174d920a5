using System.Diagnostics;
using Tripmate.Topology;

namespace Tripmate.Testing;

/// <summary>
/// Servers of one test fixture's own, for tests of what happens while a server is away: started by
/// the dev script (the test profile's settings) on free ports in a directory of their own under
/// .data/private, so stopping and restarting them touches neither the servers other tests use
/// (projects and classes run at the same time) nor the developer's <c>./dev up</c>. Stopped and
/// removed on dispose; <c>./dev test</c> stops any a killed test host left behind.
/// </summary>
public sealed class PrivateServers : IAsyncDisposable
{
    private static readonly string[] PortVariables =
        ["TEST_PG_PORT", "TEST_REDIS_PORT", "TEST_AMQP_PORT", "TEST_RABBIT_DIST_PORT", "TEST_EPMD_PORT", "TEST_S3_PORT"];

    private readonly Dictionary<string, string> _environment;
    private readonly HashSet<string> _started = [];
    private readonly string _directory;

    /// <summary>Chooses their ports and directory; nothing runs until <see cref="StartAsync(string[])"/>.</summary>
    public PrivateServers()
    {
        var topology = TestServers.Topology;
        _directory = Path.Combine(topology.Root, ".data", "private", Guid.NewGuid().ToString("N")[..12]);
        _environment = PortVariables.ToDictionary(name => name, _ => FreePort.Next().ToString());
        _environment["DEV_PROFILE"] = "test";
        _environment["DEV_DATA_DIR"] = _directory;
        Addresses = LocalTopology.Load(topology.Root, name =>
            _environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name)).Servers("test");
    }

    /// <summary>Their addresses, in the shapes of <see cref="TestServers"/>.</summary>
    public LocalServers Addresses { get; }

    public string Postgres => Addresses.Postgres;

    public string RabbitMq => Addresses.RabbitMq;

    public string Redis => Addresses.Redis;

    public string S3 => Addresses.S3.ToString().TrimEnd('/');

    /// <summary>Starts <paramref name="names"/> (<c>postgres</c>, <c>redis</c>, <c>rabbitmq</c>, <c>s3</c>) and returns once each is ready.</summary>
    public async Task StartAsync(params string[] names)
    {
        Directory.CreateDirectory(_directory);
        // What `./dev test` needs to stop these if this process dies first.
        await File.WriteAllLinesAsync(Path.Combine(_directory, "servers.env"), _environment.Select(e => $"{e.Key}={e.Value}"));
        foreach (var name in names)
        {
            await StartAsync(name);
        }
    }

    /// <summary>Starts one of them again after <see cref="StopAsync"/>, with its data.</summary>
    public async Task StartAsync(string name)
    {
        await RunAsync("start", name);
        _started.Add(name);
    }

    public Task StopAsync(string name) => RunAsync("stop", name);

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _started)
        {
            try
            {
                await RunAsync("stop", name);
            }
            catch (InvalidOperationException)
            {
                // Best effort: ./dev test stops what is left.
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A server still writing; ./dev test removes it.
        }
        catch (UnauthorizedAccessException)
        {
            // PostgreSQL's files belong to its user; ./dev test removes them.
        }
    }

    private async Task RunAsync(string action, string name)
    {
        var start = new ProcessStartInfo(TestServers.DevScript, ["server", action, name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`dev server {action} {name}` of the private servers in {_directory} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
