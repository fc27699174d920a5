using Tripmate.Load.Commands;

// The project's load tool: seed data, run scenarios, write the performance report. See load-tests/README.md.
const string Usage = """
    usage: Tripmate.Load COMMAND
      seed [--users N --groups N --follows N --messages N --files N --seed N --concurrency N --url URL --state DIR]
      run SCENARIO [--rate R | --profile SPEC | --vus N --think MS] [--duration S --warmup S]
                   [--threshold EXPR]... [--baseline FILE.json --max-regression PCT] [--url URL --out DIR --no-live]
      performance --item NAME [options] | --report   (what ./dev perf runs; each item also runs alone)
      growth-plan --state DIR [--messages 1000,... --files 100,...] [--graph-users N]   (part of ./dev seed --growth)
    `run` alone lists the scenarios; load-tests/README.md explains every option.
    """;

try
{
    var line = new CommandLine(args, "--no-live", "--report");
    return line.Positional.FirstOrDefault() switch
    {
        "seed" => await SeedCommand.RunAsync(line),
        "run" => await RunCommand.RunAsync(line),
        "performance" => await Tripmate.Load.Performance.PerformanceCommand.RunAsync(line),
        "growth-plan" => await GrowthPlanCommand.RunAsync(line),
        _ => Fail(Usage),
    };
}
catch (FormatException e)
{
    return Fail(e.Message);
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
