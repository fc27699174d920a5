using System.Diagnostics;
using Tripmate.Load.Commands;
using Tripmate.Load.Engine;

namespace Tripmate.Load.Tests;

/// <summary>
/// The tool's command line: help for every command, and a typo or a bad value refused with a
/// message and exit code 2 before anything runs (a mistyped option once ran with the default).
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help", "seed")]
    [InlineData("seed --help", "--concurrency")]
    [InlineData("run --help", "--threshold")]
    [InlineData("performance --help", "--mixed-rates")]
    [InlineData("growth-plan --help", "--graph-users")]
    public async Task Every_command_has_help(string args, string mentioned)
    {
        var (code, output, error) = await InvokeAsync(args);
        Assert.Equal(0, code);
        Assert.Contains(mentioned, output);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("run mixed --duraton 60", "'--duraton'")]
    [InlineData("seed --user 10", "'--user'")]
    [InlineData("performance --item mixed --part 1", "'--part'")]
    [InlineData("launch", "'launch'")]
    [InlineData("", "Required command")]
    public async Task Unknown_commands_and_options_are_refused(string args, string named)
    {
        var (code, output, error) = await InvokeAsync(args);
        Assert.Equal(LoadCommandLine.UsageError, code);
        Assert.Contains(named, error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("run mixed --duration abc", "--duration takes a number, not 'abc'")]
    [InlineData("run mixed --rate 0", "--rate must be more than zero")]
    [InlineData("run mixed --warmup -1", "--warmup must be zero or more")]
    [InlineData("run mixed --vus 1.5", "--vus takes a whole number")]
    [InlineData("run nosuch", "'nosuch' not recognized")]
    [InlineData("run", "'SCENARIO' missing")]
    [InlineData("run mixed --threshold p99<<3", "Threshold 'p99<<3'")]
    [InlineData("run mixed --profile warp(1,2)", "Unknown phase 'warp(1,2)'")]
    [InlineData("run mixed --rate 10 --vus 3", "--rate and --vus each choose the load model")]
    [InlineData("run mixed --think 100", "--think belongs to the closed model")]
    [InlineData("run mixed --baseline /nonexistent/run.json", "/nonexistent/run.json")]
    [InlineData("run mixed --url localhost:5000", "--url must be an absolute http:// or https:// URL")]
    [InlineData("seed --users 0", "--users must be at least 1")]
    [InlineData("seed --concurrency many", "--concurrency takes a whole number, not 'many'")]
    [InlineData("performance --item fast", "'fast' not recognized")]
    [InlineData("performance", "performance needs either --item NAME or --report")]
    [InlineData("performance --item mixed --report", "performance needs either --item NAME or --report")]
    [InlineData("performance --item mixed --mixed-rates 10,x", "'x' is not a rate above zero")]
    [InlineData("growth-plan --messages 1000,-5", "'-5' is not a whole number above zero")]
    public async Task Bad_values_are_refused_with_the_reason(string args, string reason)
    {
        var (code, output, error) = await InvokeAsync(args);
        Assert.Equal(LoadCommandLine.UsageError, code);
        Assert.Contains(reason, error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Options_choose_the_load_model()
    {
        var options = new RunOptions();
        var command = options.Command("run");

        var open = Assert.IsType<OpenModel>(options.Model(command.Parse("mixed --rate 80 --warmup 2 --duration 30 --max-in-flight 7")));
        Assert.Equal(TimeSpan.FromSeconds(32), open.Schedule.Length);
        Assert.Equal(TimeSpan.FromSeconds(30), open.Measured);
        Assert.Equal(7, open.MaxInFlight);

        var closed = Assert.IsType<ClosedModel>(options.Model(command.Parse("mixed --vus 4 --think 100 --duration 10")));
        Assert.Equal((4, 100.0, 10.0), (closed.VirtualUsers, closed.ThinkTime.TotalMilliseconds, closed.Duration.TotalSeconds));

        var parse = command.Parse("mixed --threshold p99<50ms --threshold errors<0.1% --no-live");
        Assert.Empty(parse.Errors);
        Assert.Equal(["p99<50ms", "errors<0.1%"], parse.GetValue(options.Thresholds)!.Select(t => t.Expression));
        Assert.False(options.Settings(parse, "mixed", "http://x").Live);
    }

    /// <summary>The built tool itself, as a shell or CI runs it: the exit code is what scripts see.</summary>
    [Fact]
    public async Task The_tool_exits_2_on_a_typo()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Tripmate.Load.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [tool, "run", "mixed", "--duraton", "60"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Unrecognized command or argument '--duraton'", error);
    }

    private static async Task<(int Code, string Output, string Error)> InvokeAsync(string args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await LoadCommandLine.InvokeAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
