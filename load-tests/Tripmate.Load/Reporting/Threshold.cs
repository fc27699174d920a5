using System.Globalization;
using System.Text.RegularExpressions;

namespace Tripmate.Load.Reporting;

/// <summary>
/// A pass/fail rule on a run, e.g. <c>p99&lt;50ms</c>, <c>errors&lt;0.1%</c>, <c>on-time&gt;=95%</c>,
/// <c>rps&gt;=500</c>, <c>dropped==0</c>, or for one operation <c>send:p99&lt;100ms</c>. Latencies in
/// ms unless written with s; errors as a share with %, otherwise a count.
/// </summary>
public sealed partial record Threshold(string Expression, string? Operation, string Metric, string Comparison, double Value, string Unit)
{
    public static Threshold Parse(string text)
    {
        var match = Pattern().Match(text.Replace(" ", ""));
        if (!match.Success)
        {
            throw new FormatException($"Threshold '{text}' is not METRIC<OP>VALUE (metrics: p50..p99.99, max, mean, errors, on-time, rps, dropped, late).");
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value;
        return new Threshold(text, match.Groups["op"].Success ? match.Groups["op"].Value : null, match.Groups["metric"].Value,
            match.Groups["cmp"].Value, unit == "s" ? value * 1000 : value, unit);
    }

    public ThresholdResult Evaluate(RunResult run)
    {
        var operation = Operation is null ? run.Total : run.Operations.FirstOrDefault(o => o.Name == Operation)
            ?? throw new InvalidOperationException($"Threshold '{Expression}': the run has no operation '{Operation}'.");
        var actual = Metric switch
        {
            "errors" => Unit == "%" ? operation.ErrorPercent : operation.Errors,
            "rps" => operation.Throughput,
            "on-time" => run.Schedule.OnTimePercent,
            "dropped" => run.Schedule.Dropped,
            "late" => run.Schedule.Late,
            _ => Latency(operation.Latency),
        };
        var passed = Comparison switch
        {
            "<" => actual < Value,
            "<=" => actual <= Value,
            ">" => actual > Value,
            ">=" => actual >= Value,
            _ => Math.Abs(actual - Value) < 1e-9,
        };
        return new ThresholdResult(Expression, Math.Round(actual, 3), passed);
    }

    private double Latency(Percentiles latency) => Metric switch
    {
        "p50" => latency.P50,
        "p75" => latency.P75,
        "p90" => latency.P90,
        "p95" => latency.P95,
        "p99" => latency.P99,
        "p99.9" => latency.P999,
        "p99.99" => latency.P9999,
        "max" => latency.Max,
        "mean" => latency.Mean,
        _ => throw new FormatException($"Threshold '{Expression}': no percentile {Metric} (p50, p75, p90, p95, p99, p99.9, p99.99, max, mean)."),
    };

    [GeneratedRegex(@"^(?:(?<op>[\w.-]+):)?(?<metric>p[\d.]+|max|mean|errors|on-time|rps|dropped|late)(?<cmp><=|>=|==|<|>)(?<value>[\d.]+)(?<unit>ms|s|%|/s)?$")]
    private static partial Regex Pattern();
}
