using System.Diagnostics;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Docs;

/// <summary>@redocly/cli from tools/node (pinned in its lock file), with its default "recommended" rules.</summary>
public static class OpenApiLint
{
    public static async Task AssertValidAsync(string document)
    {
        var directory = Directory.CreateTempSubdirectory("tripmate-lint-");
        try
        {
            var file = Path.Combine(directory.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, document);

            var (exitCode, output) = await RunAsync(file, directory.FullName);

            Assert.True(exitCode == 0, output);
            Assert.Contains("Woohoo! Your API description is valid.", output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory)
    {
        var cli = Path.Combine(TestServers.NodeTools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        var start = new ProcessStartInfo("node", [cli, "lint", file])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
