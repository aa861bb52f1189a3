using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnFunctions.Analytics.Backtest;

/// <summary>The backtest as a JSON document and as a self-contained HTML report (inline CSS and SVG, nothing fetched).</summary>
public static class BacktestDocuments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string ToJson(BacktestReport report) => JsonSerializer.Serialize(report, Json);

    public static BacktestReport FromJson(string json) => JsonSerializer.Deserialize<BacktestReport>(json, Json)!;

    public static string ToHtml(BacktestReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Backtest</title>");
        html.Append("<style>body{font:14px sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th:first-child,td:first-child{text-align:left}h2{margin-top:2em}</style></head><body>");
        html.Append(Invariant($"<h1>Backtest</h1><p>{E(Path.GetFileName(report.Transactions))}: calibration to {report.CalibrationEnd:yyyy-MM-dd}, holdout to {report.ObservationEnd:yyyy-MM-dd} ({report.HoldoutWeeks} weeks). {report.Customers:N0} customers bought by calibration end; they made {report.ActualHoldoutPurchases:N0} repeat purchases in the holdout. Churn means no purchase in the holdout; predicted when P(alive) at calibration end is below {report.AliveThreshold:0.##}.</p>"));
        html.Append("<table><tr><th>Model</th><th>Expected holdout purchases</th><th>Actual</th><th>Error</th><th>AUC by P(alive)</th><th>AUC by expected purchases</th><th>Precision</th><th>Recall</th></tr>");
        foreach (var m in report.Models)
        {
            html.Append(Invariant($"<tr><td>{E(m.Model)}</td><td>{m.ExpectedHoldoutPurchases:N0}</td><td>{m.ActualHoldoutPurchases:N0}</td><td>{(m.ExpectedHoldoutPurchases - m.ActualHoldoutPurchases) / Math.Max(1, m.ActualHoldoutPurchases):P1}</td><td>{m.Classification.Auc:0.000}</td><td>{m.Classification.AucByExpectedPurchases:0.000}</td><td>{Share(m.Classification.Precision)}</td><td>{Share(m.Classification.Recall)}</td></tr>"));
        }

        html.Append("</table><h2>Weekly tracking: cumulative repeat purchases in the holdout</h2>");
        var tracking = new List<SvgPlot.Series> { new("actual", [.. report.Models[0].Tracking.Select(p => ((double)p.Week, (double)p.ActualCumulative))]) };
        tracking.AddRange(report.Models.Select(m => new SvgPlot.Series(m.Model + " expected", [.. m.Tracking.Select(p => ((double)p.Week, p.ExpectedCumulative))], Dashed: true)));
        html.Append(SvgPlot.Lines("Cumulative repeat purchases", "holdout week", "repeat purchases", tracking));

        html.Append("<h2>Holdout purchases by calibration frequency</h2>");
        var labels = report.Models[0].ByFrequency.Select(r => r.Frequency).ToList();
        var byFrequency = new List<SvgPlot.Series> { new("actual", [.. report.Models[0].ByFrequency.Select((r, i) => ((double)i, Mean(r.Actual, r.Customers)))]) };
        byFrequency.AddRange(report.Models.Select(m => new SvgPlot.Series(m.Model + " expected", [.. m.ByFrequency.Select((r, i) => ((double)i, Mean(r.Expected, r.Customers)))], Dashed: true)));
        html.Append(SvgPlot.Lines("Mean holdout purchases per customer", "repeat purchases in calibration", "mean holdout purchases", byFrequency, labels));
        html.Append("<table><tr><th>Calibration frequency</th><th>Customers</th><th>Actual</th>");
        foreach (var m in report.Models) html.Append(Invariant($"<th>{E(m.Model)} expected</th>"));
        html.Append("</tr>");
        for (var i = 0; i < labels.Count; i++)
        {
            var row = report.Models[0].ByFrequency[i];
            html.Append(Invariant($"<tr><td>{E(row.Frequency)}</td><td>{row.Customers:N0}</td><td>{row.Actual:N0}</td>"));
            foreach (var m in report.Models) html.Append(Invariant($"<td>{m.ByFrequency[i].Expected:N1}</td>"));
            html.Append("</tr>");
        }

        html.Append("</table><h2>Calibration of P(alive)</h2><p>Share of customers in each P(alive) band who bought in the holdout, against the band's mean P(alive). An alive customer need not buy within the holdout, so even a calibrated P(alive) sits above its band's share of buyers; what to read is that the share rises with P(alive), and by how much the bands differ.</p>");
        var calibration = report.Models.Select(m => new SvgPlot.Series(m.Model,
            [.. m.Classification.Calibration.Where(b => b.Customers > 0).Select(b => (b.MeanProbabilityAlive!.Value, b.BoughtInHoldout!.Value))])).ToList();
        calibration.Add(new("diagonal", [(0, 0), (1, 1)], Dashed: true));
        html.Append(SvgPlot.Lines("Calibration", "mean P(alive)", "share who bought", calibration));

        if (report.Campaign is { } campaign)
        {
            html.Append(Invariant($"<h2>Campaign “{E(campaign.Rule.Name)}”</h2><p>Every {campaign.Rule.CheckEveryDays} days, customers with at least {campaign.Rule.MinRepeatPurchases} repeat purchases and P(alive) ({E(campaign.Model)}) below {campaign.Rule.AliveBelow:0.##} are contacted once: {campaign.Contacted:N0} customers, {campaign.RevenueAtStake:N0} of revenue at stake over {campaign.Rule.ValueHorizonWeeks} weeks; {campaign.BoughtAfterContact:N0} of them bought again without it.</p>"));
            html.Append(SvgPlot.Lines("Contacts per check", "check", "customers contacted",
                [new SvgPlot.Series("contacted", [.. campaign.Weeks.Select((w, i) => ((double)i, (double)w.Contacted))])],
                campaign.Weeks.Count > 1 ? [campaign.Weeks[0].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), campaign.Weeks[^1].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : null));
            html.Append("<table><tr><th>Customer</th><th>Contacted</th><th>P(alive)</th><th>Repeat purchases</th><th>Revenue at stake</th><th>Bought after</th></tr>");
            foreach (var c in campaign.Contacts.OrderByDescending(c => c.RevenueAtStake).Take(50))
            {
                html.Append(Invariant($"<tr><td>{c.CustomerId}</td><td>{c.Day:yyyy-MM-dd}</td><td>{c.ProbabilityAlive:0.000}</td><td>{c.RepeatPurchases}</td><td>{c.RevenueAtStake:N2}</td><td>{(c.BoughtAfter ? "yes" : "no")}</td></tr>"));
            }

            html.Append("</table><p>The 50 with most at stake; the JSON document lists every contact.</p>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static double Mean(double total, int customers) => customers == 0 ? 0 : total / customers;

    private static string Share(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
