using System.Diagnostics;
using System.Net.Sockets;

namespace Tripmate.Load.Performance;

/// <summary>
/// nginx (Debian's, installed by ./dev) proxying to one upstream, for comparing the gateway with a
/// plain reverse proxy doing the same hop: keep-alive to the upstream, HTTP/1.1, no access log,
/// one worker per core. Started from a config in a temporary directory and stopped by its pid.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private NginxProxy(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>CPU seconds used so far by the master and its workers.</summary>
    public double CpuSeconds() => ProcessUsage.CpuSecondsWithChildren(_process.Id);

    public static async Task<NginxProxy> StartAsync(Uri upstream)
    {
        var directory = Directory.CreateTempSubdirectory("tripmate-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "logs"));
        var port = FreePort();
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), $$"""
            worker_processes auto;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/logs/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream backend { server {{upstream.Host}}:{{upstream.Port}}; keepalive 128; }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://backend;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                }
              }
            }
            """);
        var start = new ProcessStartInfo("nginx", ["-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start (./dev up installs it).");
        var proxy = new NginxProxy(process, directory, port);
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(50))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
        }

        await proxy.DisposeAsync();
        throw new TimeoutException("nginx did not listen within 10 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
