using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tripmate.Load.Tests;

/// <summary>Runs Debian's wrk (installed by ./dev) and reads its throughput and median latency.</summary>
public static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, string Output);

    public static async Task<Result> RunAsync(Uri url, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", url.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("wrk is not installed: `./dev test` installs it (scripts/dev/install.sh).", e);
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var rps = RequestsPerSecond().Match(output);
            var p50 = Median().Match(output);
            if (process.ExitCode != 0 || !rps.Success || !p50.Success)
            {
                throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {output}{await process.StandardError.ReadToEndAsync()}");
            }

            return new Result(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), Milliseconds(p50.Groups[1].Value, p50.Groups[2].Value), output);
        }
    }

    private static double Milliseconds(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1000,
        _ => throw new FormatException($"wrk latency unit '{unit}'"),
    };

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Median();
}
