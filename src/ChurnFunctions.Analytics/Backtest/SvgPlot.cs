using System.Globalization;
using System.Net;
using System.Text;

namespace ChurnFunctions.Analytics.Backtest;

/// <summary>A line plot as inline SVG, drawn here so the report needs no script and no network.</summary>
public static class SvgPlot
{
    private const int Width = 640, Height = 320, Left = 64, Right = 16, Top = 16, Bottom = 48;
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

    public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, IReadOnlyList<string>? xTicks = null)
    {
        var all = series.SelectMany(s => s.Points).ToList();
        double xMin = all.Count == 0 ? 0 : all.Min(p => p.X), xMax = all.Count == 0 ? 1 : all.Max(p => p.X);
        double yMin = Math.Min(0, all.Count == 0 ? 0 : all.Min(p => p.Y)), yMax = all.Count == 0 ? 1 : all.Max(p => p.Y);
        if (xMax <= xMin) xMax = xMin + 1;
        if (yMax <= yMin) yMax = yMin + 1;
        double Sx(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Sy(double y) => Height - Bottom - (y - yMin) / (yMax - yMin) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\" style=\"max-width:100%;font:12px sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        for (var k = 0; k <= 4; k++)
        {
            var y = yMin + (yMax - yMin) * k / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Sy(y) + 4:0.#}\" text-anchor=\"end\">{Number(y)}</text><line x1=\"{Left}\" y1=\"{Sy(y):0.#}\" x2=\"{Width - Right}\" y2=\"{Sy(y):0.#}\" stroke=\"#eee\"/>");
        }

        if (xTicks is not null)
        {
            for (var k = 0; k < xTicks.Count; k++)
            {
                var x = xTicks.Count == 1 ? xMin : xMin + (xMax - xMin) * k / (xTicks.Count - 1);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Sx(x):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(xTicks[k])}</text>");
            }
        }
        else
        {
            for (var k = 0; k <= 4; k++)
            {
                var x = xMin + (xMax - xMin) * k / 4;
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Sx(x):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Number(x)}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            var points = string.Join(' ', series[s].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Sx(p.X):0.##},{Sy(p.Y):0.##}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{(series[s].Dashed ? " stroke-dasharray=\"6 4\"" : "")} points=\"{points}\"><title>{Escape(series[s].Name)}</title></polyline>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 10}\" y=\"{Top + 4 + 16 * s}\" width=\"12\" height=\"3\" fill=\"{colour}\"/><text x=\"{Left + 28}\" y=\"{Top + 9 + 16 * s}\">{Escape(series[s].Name)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
