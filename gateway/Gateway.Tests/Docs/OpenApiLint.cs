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
        var cli = Path.Combine(NodeScript.ModulesWith("@redocly/cli"), "@redocly", "cli", "bin", "cli.js");
        var run = await NodeScript.RunAsync(cli, ["lint", file], TimeSpan.FromMinutes(2), workingDirectory: workingDirectory,
            environment: new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });
        return (run.ExitCode, run.Output + run.Error);
    }
}
