using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Tripmate.Neo4j.Tests.Oracle;

/// <summary>
/// Runs one of the Node scripts under oracle/ on a batch of cases (JSON on stdin, JSON on stdout).
/// A missing node or npm package fails the tests on purpose: the oracles are acceptance checks, never optional.
/// </summary>
internal static class NodeScript
{
    public static JsonNode Run(string script, string requiredPackage, JsonNode input)
    {
        var modules = Path.Combine(LocateNodeTools(), "node_modules");
        if (!Directory.Exists(Path.Combine(modules, requiredPackage)))
        {
            throw new InvalidOperationException(
                $"The oracle needs npm {requiredPackage} under {modules}. Install it with `npm ci` in tools/node (./dev test does this).");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "oracle", script), modules },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"The oracle needs `node` on PATH (Node 20.6+): {e.Message}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill();
                throw new TimeoutException($"{script} did not finish within 120 s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{script} failed (exit {process.ExitCode}): {stderr.Result}");
            }

            return JsonNode.Parse(stdout.Result)!;
        }
    }

    /// <summary>TRIPMATE_NODE_TOOLS, else tools/node beside Tripmate.slnx above the test binaries.</summary>
    private static string LocateNodeTools()
    {
        if (Environment.GetEnvironmentVariable("TRIPMATE_NODE_TOOLS") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tripmate.slnx")))
            {
                return Path.Combine(dir.FullName, "tools", "node");
            }
        }

        throw new InvalidOperationException($"Cannot find tools/node: set TRIPMATE_NODE_TOOLS (no Tripmate.slnx above {AppContext.BaseDirectory}).");
    }
}
