using System.ComponentModel;
using System.Diagnostics;

namespace Tripmate.Testing;

/// <summary>Runs a program the tests drive (node, the notebook runner) to its end, with a time limit.</summary>
public static class ExternalProcess
{
    public sealed record Run(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs <c>fileName arguments...</c>, writes <paramref name="input"/> (if any) to its stdin, and
    /// returns its exit code and output once it ends; a run over <paramref name="timeout"/> is killed
    /// (with its children) and fails. A program missing from the machine fails saying what needs it.
    /// </summary>
    public static async Task<Run> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? input = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var what = $"{Path.GetFileName(fileName)} {Path.GetFileName(start.ArgumentList.FirstOrDefault() ?? "")}".Trim();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{what} needs `{fileName}` on this machine: {e.Message}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
                process.StandardInput.Close();
            }

            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{what} did not finish within {timeout.TotalSeconds:0} s.");
            }

            return new Run(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }
}
