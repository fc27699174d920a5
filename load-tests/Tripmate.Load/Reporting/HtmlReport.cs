using System.Net;
using System.Text;

namespace Tripmate.Load.Reporting;

/// <summary>
/// One self-contained HTML file (inline CSS and SVG, no script, nothing fetched) with, per run,
/// the summary and four charts: percentiles over time, throughput over time, the latency
/// distribution (percentile spectrum) and errors over time.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:14px system-ui,sans-serif;margin:24px;max-width:1100px;color:#222}
        table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
        td:first-child,th:first-child{text-align:left}svg{display:block;margin:8px 0}
        svg text{font:11px system-ui,sans-serif;fill:#333}svg .t{font-weight:bold;font-size:13px}
        svg .g{stroke:#e3e3e3}.fail{color:#b00;font-weight:bold}.pass{color:#070}
        """;

    public static string Render(string title, IEnumerable<RunResult> runs, string? introHtml = null)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Esc(title)}</title><style>{Style}</style></head><body>");
        html.Append($"<h1>{Esc(title)}</h1>");
        if (introHtml is not null)
        {
            html.Append(introHtml);
        }

        foreach (var run in runs)
        {
            AppendRun(html, run);
        }

        return html.Append("</body></html>").ToString();
    }

    private static void AppendRun(StringBuilder html, RunResult run)
    {
        var info = run.Info;
        html.Append($"<h2>{Esc(info.Scenario)}</h2><p>{Esc(info.Target)}; {Esc(info.Model)}<br>");
        html.Append($"{info.StartedUtc:yyyy-MM-dd HH:mm} UTC, {Esc(info.Machine.Host)}, {info.Machine.Cores} cores. Latency from the intended start. ");
        html.Append($"On time {run.Schedule.OnTimePercent:0.##}%, late {run.Schedule.Late}, dropped {run.Schedule.Dropped}; ");
        html.Append($"generator CPU {run.Generator.CpuPercentOfMachine:0.#}% of the machine, GC pauses {run.Generator.GcPauseMs:0.#} ms.</p>");
        html.Append("<table><tr><th>operation</th><th>count</th><th>errors</th><th>req/s</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>p99.99</th><th>max ms</th></tr>");
        foreach (var r in new[] { run.Total }.Concat(run.Operations))
        {
            var l = r.Latency;
            html.Append($"<tr><td>{Esc(r.Name)}</td><td>{r.Count}</td><td>{r.Errors}</td><td>{F(r.Throughput)}</td><td>{F(l.P50)}</td><td>{F(l.P90)}</td><td>{F(l.P99)}</td><td>{F(l.P999)}</td><td>{F(l.P9999)}</td><td>{F(l.Max)}</td></tr>");
        }

        html.Append("</table>");
        foreach (var t in run.Thresholds)
        {
            html.Append($"<div class=\"{(t.Passed ? "pass" : "fail")}\">{Esc(t.Expression)}: {F(t.Actual)} {(t.Passed ? "pass" : "FAIL")}</div>");
        }

        var timeline = run.Timeline;
        html.Append(new SvgChart("Latency percentiles over time", "second of the measured window", "ms")
            .Line("p50", "#1f77b4", timeline.Select(p => ((double)p.Second, p.P50)))
            .Line("p90", "#2ca02c", timeline.Select(p => ((double)p.Second, p.P90)))
            .Line("p99", "#ff7f0e", timeline.Select(p => ((double)p.Second, p.P99)))
            .Line("max", "#d62728", timeline.Select(p => ((double)p.Second, p.Max)))
            .Render());
        html.Append(new SvgChart("Throughput over time", "second", "completed per second")
            .Line("completed/s", "#1f77b4", timeline.Select(p => ((double)p.Second, (double)p.Completed)))
            .Render());
        // Percentile spectrum: x = log10(1 / (1 - p)), so 90, 99, 99.9 ... are evenly spaced.
        static double Spread(double percentile) => Math.Log10(1 / Math.Max(1e-6, 1 - percentile / 100));
        html.Append(new SvgChart("Latency distribution (percentile spectrum)", "percentile", "ms")
        {
            XTicks = [(Spread(0), "0"), (Spread(90), "90"), (Spread(99), "99"), (Spread(99.9), "99.9"), (Spread(99.99), "99.99"), (Spread(99.999), "99.999")],
        }
            .Line("latency", "#9467bd", run.Distribution.Where(d => d.Percentile < 100).Select(d => (Spread(d.Percentile), d.LatencyMs)))
            .Render());
        html.Append(new SvgChart("Errors and dropped iterations over time", "second", "per second")
            .Bars("errors", "#d62728", timeline.Select(p => ((double)p.Second, (double)p.Errors)))
            .Bars("dropped", "#7f7f7f", timeline.Select(p => ((double)p.Second, (double)p.Dropped)))
            .Line("generator CPU %", "#bcbd22", timeline.Select(p => ((double)p.Second, p.GeneratorCpu)))
            .Render());
    }

    private static string F(double value) => MarkdownReport.F(value);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
