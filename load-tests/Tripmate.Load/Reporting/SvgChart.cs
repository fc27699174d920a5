using System.Globalization;
using System.Net;
using System.Text;

namespace Tripmate.Load.Reporting;

/// <summary>
/// A small line or bar chart as inline SVG, so a report opens offline with no script or CDN.
/// X values are plotted as given (the caller maps them, e.g. to a log scale), with labelled ticks.
/// </summary>
public sealed class SvgChart(string title, string xLabel, string yLabel)
{
    private const int Width = 760, Height = 260, Left = 60, Right = 130, Top = 28, Bottom = 40;
    private readonly List<(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Bars)> _series = [];

    public IReadOnlyList<(double X, string Label)>? XTicks { get; init; }

    public SvgChart Line(string name, string color, IEnumerable<(double X, double Y)> points)
    {
        _series.Add((name, color, points.ToList(), false));
        return this;
    }

    public SvgChart Bars(string name, string color, IEnumerable<(double X, double Y)> points)
    {
        _series.Add((name, color, points.ToList(), true));
        return this;
    }

    /// <summary>The chart as an .svg file of its own (GitHub shows it inline in a Markdown page): white, with its styles inside.</summary>
    public string RenderFile() => Render().Replace("role=\"img\">",
        "role=\"img\"><style>text{font:11px system-ui,sans-serif;fill:#333}.t{font-weight:bold;font-size:13px}.g{stroke:#e3e3e3}</style>" +
        $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>", StringComparison.Ordinal);

    public string Render()
    {
        var all = _series.SelectMany(s => s.Points).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"16\" class=\"t\">{Esc(title)}</text>");
        if (all.Count == 0)
        {
            return svg.Append("<text x=\"60\" y=\"120\">no data</text></svg>").ToString();
        }

        var (minX, maxX) = (all.Min(p => p.X), all.Max(p => p.X));
        maxX = maxX <= minX ? minX + 1 : maxX;
        var maxY = NiceCeiling(all.Max(p => p.Y));
        double PlotW() => Width - Left - Right;
        double PlotH() => Height - Top - Bottom;
        double Px(double x) => Left + (x - minX) / (maxX - minX) * PlotW();
        double Py(double y) => Top + PlotH() - y / maxY * PlotH();

        for (var i = 0; i <= 4; i++)
        {
            var y = maxY * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left + PlotW()}\" y1=\"{Py(y):0.#}\" y2=\"{Py(y):0.#}\" class=\"g\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Py(y) + 4:0.#}\" text-anchor=\"end\">{MarkdownReport.F(y)}</text>");
        }

        var ticks = XTicks ?? Enumerable.Range(0, 6).Select(i => (minX + (maxX - minX) * i / 5, MarkdownReport.F(minX + (maxX - minX) * i / 5))).ToList();
        foreach (var (x, label) in ticks.Where(t => t.X >= minX && t.X <= maxX))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(x):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Esc(label)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + PlotW() / 2:0}\" y=\"{Height - 6}\" text-anchor=\"middle\">{Esc(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Top + PlotH() / 2:0}\" transform=\"rotate(-90 14 {Top + PlotH() / 2:0})\" text-anchor=\"middle\">{Esc(yLabel)}</text>");

        var legendY = Top + 10;
        foreach (var (name, color, points, bars) in _series)
        {
            if (bars)
            {
                var barWidth = Math.Max(1, PlotW() / Math.Max(1, points.Count) * 0.8);
                foreach (var (x, y) in points.Where(p => p.Y > 0))
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Px(x) - barWidth / 2:0.#}\" y=\"{Py(y):0.#}\" width=\"{barWidth:0.#}\" height=\"{Py(0) - Py(y):0.#}\" fill=\"{color}\" opacity=\"0.7\"/>");
                }
            }
            else
            {
                var path = string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Px(p.X):0.#},{Py(p.Y):0.#}")));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.6\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right + 12}\" y=\"{legendY - 9}\" width=\"10\" height=\"10\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 27}\" y=\"{legendY}\">{Esc(name)}</text>");
            legendY += 16;
        }

        return svg.Append("</svg>").ToString();
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(v => v >= value);
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
