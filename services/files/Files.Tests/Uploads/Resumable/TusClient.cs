using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Tripmate.Testing;

namespace Tripmate.Files.Tests.Uploads.Resumable;

public sealed record TusRun(string Url, int Interruptions, List<long> ResumedFrom);

/// <summary>
/// Runs Uploads/Resumable/tus-upload.js: the reference tus client (npm tus-js-client, pinned in tools/node).
/// A missing node or package fails the test on purpose: the real client is the acceptance check.
/// </summary>
public static class TusClient
{
    public static async Task<TusRun> UploadAsync(Uri endpoint, string token, string file, int chunkSize, params long[] interruptAt)
    {
        var modules = Path.Combine(TestServers.NodeTools, "node_modules");
        if (!File.Exists(Path.Combine(modules, "tus-js-client", "package.json")))
        {
            throw new InvalidOperationException($"npm tus-js-client is missing in {modules}: run `npm ci` in tools/node (./dev test does).");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Uploads", "Resumable", "tus-upload.js"), modules, endpoint.ToString(), token, file,
                chunkSize.ToString(), string.Join(',', interruptAt),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"The tus test needs `node` on PATH (Node 20+): {e.Message}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tus-js-client failed ({process.ExitCode}): {await error}");
            }

            return JsonSerializer.Deserialize<TusRun>(await output, JsonSerializerOptions.Web)!;
        }
    }
}
