using System.Diagnostics;
using System.Text;

namespace Tripmate.Testing;

/// <summary>
/// A built service (<c>dotnet Some.dll</c>) running as a real separate process on a free port, so a
/// test can kill it like a crash would. Started when <c>/health/ready</c> answers 200; its console
/// output is kept for failure messages and for tests that check what it logged.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServiceProcess(Process process, int port, int operatorPort, string name)
    {
        _process = process;
        Port = port;
        OperatorPort = operatorPort;
        Name = name;
    }

    /// <summary>
    /// How long a service may take to become ready: a start takes seconds, but two cores shared with
    /// other builds and test runs (load average 40 and more) once kept identity silent for a minute.
    /// </summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The dll's name, for messages.</summary>
    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The port only operators reach (<c>Health:OperatorPort</c>), where health answers name each check.</summary>
    public int OperatorPort { get; }

    public Uri OperatorAddress => new($"http://127.0.0.1:{OperatorPort}");

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the process, e.g. to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="dllPath"/> with <paramref name="environment"/> (on top of this process's
    /// own, <c>ASPNETCORE_ENVIRONMENT=Development</c> unless it says otherwise) and
    /// <c>ASPNETCORE_URLS</c> set to a free loopback port, and waits until it is ready.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        string dllPath, IReadOnlyDictionary<string, string> environment, TimeSpan? readyTimeout = null)
    {
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException($"{dllPath} is not built.", dllPath);
        }

        // The free port is chosen before the process binds it, so another process may take it in
        // between: that start fails fast with "address already in use", and a new port is tried.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortAsync(dllPath, environment, readyTimeout ?? ReadyTimeout);
            }
            catch (PortTakenException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<ServiceProcess> StartOnFreePortAsync(
        string dllPath, IReadOnlyDictionary<string, string> environment, TimeSpan readyTimeout)
    {
        var port = FreePort.Next();
        var operatorPort = FreePort.Next();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [dllPath])
        {
            // The output directory is the content root, so the service finds its appsettings*.json.
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port};http://127.0.0.1:{operatorPort}";
        start.Environment["Health__OperatorPort"] = operatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var service = new ServiceProcess(new Process { StartInfo = start }, port, operatorPort, Path.GetFileNameWithoutExtension(dllPath));
        service._process.OutputDataReceived += (_, line) => service.Append(line.Data);
        service._process.ErrorDataReceived += (_, line) => service.Append(line.Data);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilReadyAsync(readyTimeout);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public override string ToString() => $"{Name} on :{Port}";

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        // A probe may itself take seconds on a loaded machine (the broker check connects): cut it short
        // and the service never looks ready, however long it is given.
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the redirected output, so the log is complete
                var message = $"{this} exited with {_process.ExitCode} while starting. Its log:\n{Log}";
                throw Log.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException(message)
                    : new InvalidOperationException(message);
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{this} was not ready within {timeout.TotalSeconds:0} s. Its log:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private sealed class PortTakenException(string message) : InvalidOperationException(message);
}
