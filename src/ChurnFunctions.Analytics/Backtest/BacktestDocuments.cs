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
        if (report.Models.Count > 0)
        {
            AppendModels(html, report);
        }

        if (report.Campaign is { } campaign)
        {
            AppendCampaign(html, campaign);
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendModels(StringBuilder html, BacktestReport report)
    {
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
    }

    private static void AppendCampaign(StringBuilder html, CampaignBacktest campaign)
    {
        html.Append(Invariant($"<h2>Campaign “{E(campaign.Name)}” ({E(campaign.CampaignId)})</h2><p>Replayed day by day over the holdout as the daily enrollment would have run it: trigger “{E(campaign.Rule)}”{(campaign.Recurring ? ", once per run key" : ", once per customer")}, {campaign.HoldoutPercent:0.##}% holdout, scores from {E(campaign.Model)} fitted on the calibration period. {campaign.Entries:N0} entries ({campaign.Customers:N0} customers), {campaign.RevenueAtStake:N0} of revenue at stake (the model's expected spend over the next {campaign.RevenueHorizonDays} days at entry).</p>"));
        html.Append(Invariant($"<p>What the entrants did with no message at all, within {campaign.WindowDays} days of entry (the steps' duration plus the attribution window; entries whose window runs past the observation end are left out): the baseline the campaign must beat.</p>"));
        html.Append("<table><tr><th>Group</th><th>Entries with a full window</th><th>Bought again within it</th><th>Share</th></tr>");
        html.Append(Invariant($"<tr><td>treatment</td><td>{campaign.Treatment.Entries:N0}</td><td>{campaign.Treatment.BoughtWithinWindow:N0}</td><td>{Share(campaign.Treatment.Share)}</td></tr>"));
        html.Append(Invariant($"<tr><td>holdout</td><td>{campaign.Holdout.Entries:N0}</td><td>{campaign.Holdout.BoughtWithinWindow:N0}</td><td>{Share(campaign.Holdout.Share)}</td></tr></table>"));
        var weeks = campaign.Weeks;
        html.Append(SvgPlot.Lines("Entries per week", "week starting", "entries",
            [new SvgPlot.Series("entered", [.. weeks.Select((w, i) => ((double)i, (double)w.Entered))]), new SvgPlot.Series("of which holdout", [.. weeks.Select((w, i) => ((double)i, (double)w.Holdout))], Dashed: true)],
            weeks.Count > 1 ? [Day(weeks[0].Start), Day(weeks[^1].Start)] : null));
        html.Append("<table><tr><th>Week starting</th><th>Entered</th><th>Holdout</th><th>Revenue at stake</th></tr>");
        foreach (var w in weeks)
        {
            html.Append(Invariant($"<tr><td>{Day(w.Start)}</td><td>{w.Entered:N0}</td><td>{w.Holdout:N0}</td><td>{w.RevenueAtStake:N0}</td></tr>"));
        }

        html.Append("</table><table><tr><th>Customer</th><th>Entered</th><th>Reason</th><th>Holdout</th><th>Revenue at stake</th><th>Bought within window</th></tr>");
        foreach (var c in campaign.Contacts.OrderByDescending(c => c.RevenueAtStake).Take(50))
        {
            html.Append(Invariant($"<tr><td>{E(c.CustomerId)}</td><td>{Day(c.Entered)}</td><td>{E(c.Reason)}</td><td>{(c.Holdout ? "yes" : "no")}</td><td>{c.RevenueAtStake:N2}</td><td>{c.BoughtWithinWindow switch { true => "yes", false => "no", null => "window open" }}</td></tr>"));
        }

        html.Append("</table><p>The 50 entries with most at stake; the JSON document lists every entry.</p><ul>");
        foreach (var note in campaign.Assumptions)
        {
            html.Append(Invariant($"<li>{E(note)}</li>"));
        }

        html.Append("</ul>");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Mean(double total, int customers) => customers == 0 ? 0 : total / customers;

    private static string Share(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
