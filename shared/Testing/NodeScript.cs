using System.Text.Json.Nodes;

namespace Tripmate.Testing;

/// <summary>
/// Runs a Node script of the tests (an oracle, a reference client, a linter) with the packages of
/// tools/node (pinned in its lock file). A missing node or npm package fails the test on purpose:
/// these scripts are the acceptance checks, never optional.
/// </summary>
public static class NodeScript
{
    /// <summary>tools/node's node_modules, after checking that <paramref name="package"/> is installed there.</summary>
    public static string ModulesWith(string package)
    {
        var modules = Path.Combine(TestServers.NodeTools, "node_modules");
        if (!Directory.Exists(Path.Combine(modules, package)))
        {
            throw new InvalidOperationException(
                $"The test needs npm {package} under {modules}. Install it with `npm ci` in tools/node (./dev test does this).");
        }

        return modules;
    }

    /// <summary>
    /// Runs <c>node script arguments...</c>, writes <paramref name="input"/> (if any) to its stdin,
    /// and returns its exit code and output once it ends; a run over <paramref name="timeout"/> is killed and fails.
    /// </summary>
    /// <param name="script">A path, or one relative to the test binaries (scripts are copied there).</param>
    public static Task<ExternalProcess.Run> RunAsync(
        string script, IEnumerable<string> arguments, TimeSpan timeout, string? input = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        ExternalProcess.RunAsync("node", [Path.Combine(AppContext.BaseDirectory, script), .. arguments], timeout, input, workingDirectory, environment);

    /// <summary>
    /// The oracles' protocol: <c>node script node_modules</c> with <paramref name="input"/> as JSON
    /// on stdin, and JSON on stdout; anything but exit 0 fails.
    /// </summary>
    public static JsonNode RunJson(string script, string requiredPackage, JsonNode input, TimeSpan timeout)
    {
        var run = RunAsync(script, [ModulesWith(requiredPackage)], timeout, input.ToJsonString()).GetAwaiter().GetResult();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(script)} failed (exit {run.ExitCode}): {run.Error}");
        }

        return JsonNode.Parse(run.Output)!;
    }
}
