using Tripmate.Deploy.Tests.Infrastructure;

namespace Tripmate.Deploy.Tests;

/// <summary>
/// Acceptance 1: each Dockerfile's own dotnet commands (restore, then publish) run here from the
/// repository root, as from the image's /src, with only the output folder (/out) moved to a
/// temporary one. An identical command (the health probe's restore) runs once.
/// </summary>
public sealed class PublishTests
{
    private static readonly Dictionary<string, ToolResult> Ran = [];

    public static TheoryData<string> Names() => new(Dockerfile.Names);

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void The_Dockerfile_publish_commands_succeed(string name)
    {
        var file = Dockerfile.Load(name);
        Skip.IfNot(File.Exists(Repo.Path(file.ServiceProject)),
            $"{file.ServiceProject} is not in this tree yet (another branch writes it); runs once merged");
        var output = Path.Combine(Path.GetTempPath(), $"tripmate-publish-{Environment.ProcessId}-{name}");
        try
        {
            var commands = file.DotnetCommands();
            Assert.Contains(commands, c => c[1] == "restore");
            Assert.Contains(commands, c => c[1] == "publish" && c.Contains("--no-restore") && c.Contains("Release"));
            foreach (var command in commands)
            {
                var args = command[1..].Select(arg => arg.StartsWith("/out/", StringComparison.Ordinal) ? Path.Combine(output, arg["/out/".Length..]) : arg).ToArray();
                var result = RunOnce(args);
                Assert.True(result.Succeeded, result.ToString());
            }

            // What ENTRYPOINT and HEALTHCHECK start is there (COPY --from=build /out/ ./ in /app).
            var dll = Path.GetFileNameWithoutExtension(file.ServiceProject) + ".dll";
            Assert.True(File.Exists(Path.Combine(output, "service", dll)), $"{dll} was not published");
            Assert.True(File.Exists(Path.Combine(output, "probe", "Tripmate.HealthProbe.dll")), "the health probe was not published");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static ToolResult RunOnce(string[] args)
    {
        var key = string.Join(' ', args);
        lock (Ran)
        {
            if (!Ran.TryGetValue(key, out var result))
            {
                result = Tool.Run("dotnet", args, timeout: TimeSpan.FromMinutes(8), environment: new Dictionary<string, string?>
                {
                    // A plain dotnet as in the image, not the test host's MSBuild, and no build server left behind.
                    ["MSBuildExtensionsPath"] = null,
                    ["MSBuildSDKsPath"] = null,
                    ["MSBUILD_EXE_PATH"] = null,
                    ["MSBUILDDISABLENODEREUSE"] = "1",
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                });
                Ran[key] = result;
            }

            return result;
        }
    }
}
