using System.ComponentModel;
using System.Diagnostics;

namespace Tripmate.Deploy.Tests.Infrastructure;

/// <summary>What a tool printed and how it exited.</summary>
public sealed record ToolResult(string Command, int ExitCode, string Output, string Errors)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"{Command} exited {ExitCode}\n{Output}\n{Errors}";
}

/// <summary>Runs a real command-line tool, as CI does; a missing tool fails the test naming its installer.</summary>
public static class Tool
{
    public static ToolResult Run(string file, IEnumerable<string> args, string? workingDirectory = null,
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A null value removes the variable (e.g. the test host's own MSBuild settings).
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var command = $"{file} {string.Join(' ', start.ArgumentList)}";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{file} is not installed ({e.Message}): scripts/dev/install.sh installs it (run ./dev test, or ./dev install).", e);
        }

        using (process)
        {
            // Both streams are read at once, so a tool filling one pipe never blocks on the other.
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{command} did not finish within {timeout ?? TimeSpan.FromMinutes(2)}");
            }

            return new ToolResult(command, process.ExitCode, output.Result, errors.Result);
        }
    }
}
