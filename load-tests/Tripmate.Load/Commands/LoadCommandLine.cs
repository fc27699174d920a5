using System.CommandLine;
using Tripmate.Load.Performance;

namespace Tripmate.Load.Commands;

/// <summary>
/// The tool's command line: <c>seed</c>, <c>run</c>, <c>performance</c> and <c>growth-plan</c>, each with <c>--help</c>.
/// An unknown command or option, or a value that does not parse or is out of range, is refused
/// before anything runs: the reasons on stderr and exit code 2 (a typo such as <c>--duraton 60</c>
/// must not run with the default).
/// </summary>
public static class LoadCommandLine
{
    public const int UsageError = 2;

    public static RootCommand Build() =>
        new("Tripmate's load tool: seed a data set, run load scenarios, write the performance report (load-tests/README.md).")
        {
            SeedCommand.Create(),
            RunCommand.Create(),
            PerformanceCommand.Create(),
            GrowthPlanCommand.Create(),
        };

    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        error ??= Console.Error;
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors.Select(e => e.Message).Distinct())
            {
                await error.WriteLineAsync(problem);
            }

            await error.WriteLineAsync($"See: {string.Join(' ', ["Tripmate.Load", .. CommandPath(parsed), "--help"])}");
            return UsageError;
        }

        // The seeder handles Ctrl-C itself (it saves its journal), so the parser's handler stays off.
        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error,
            ProcessTerminationTimeout = null,
        });
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}
