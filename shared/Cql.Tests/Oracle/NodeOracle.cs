using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Tripmate.Cql.Tests.Oracle;

/// <summary>
/// Runs oracle/cql-oracle.js (the official Node.js driver) once on a batch of cases. A missing
/// node or driver fails the tests on purpose: the oracle is the acceptance check, never optional.
/// </summary>
internal static class NodeOracle
{
    public static JsonObject Run(JsonObject cases)
    {
        var modules = Path.Combine(LocateNodeTools(), "node_modules");
        var driverPackage = Path.Combine(modules, "cassandra-driver", "package.json");
        if (!File.Exists(driverPackage))
            throw new InvalidOperationException(
                $"The oracle needs npm cassandra-driver at {driverPackage}. Install it with `npm ci` in tools/node (./dev test does this).");
        var script = Path.Combine(AppContext.BaseDirectory, "oracle", "cql-oracle.js");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, modules },
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
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"The oracle needs `node` on PATH (Node 20+): {ex.Message}", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(cases.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new TimeoutException("The Node oracle did not finish within 60 s.");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"The Node oracle failed (exit {process.ExitCode}): {stderr.Result}");
            return JsonNode.Parse(stdout.Result)!.AsObject();
        }
    }

    /// <summary>TRIPMATE_NODE_TOOLS, else tools/node beside Tripmate.slnx above the test binaries.</summary>
    public static string LocateNodeTools()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TRIPMATE_NODE_TOOLS");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tripmate.slnx"))) return Path.Combine(dir.FullName, "tools", "node");
        }
        throw new InvalidOperationException(
            $"Cannot find the Node tools: set TRIPMATE_NODE_TOOLS or run from inside the repository (no Tripmate.slnx above {AppContext.BaseDirectory}).");
    }
}
