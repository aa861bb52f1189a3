using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns.Reporting;
using ChurnFunctions.Core.Cohorts;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.ModelHealth;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Scoring.Comparison;

namespace ChurnFunctions.Dashboard.Tests;

/// <summary>
/// Each page in headless Chromium at a desktop (1280 px) and a phone (390 px) width: it loads with no console error,
/// fits the width, and draws the numbers the JSON API returns for the same store. Screenshots are kept.
/// </summary>
[Collection(DashboardSite.CollectionName)]
public sealed class DashboardPageTests(DashboardSite site)
{
    public static TheoryData<int> Widths() => new(1280, 390);

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Overview_shows_the_latest_run_and_charts_every_snapshot_with_alert_markers(int width)
    {
        var snapshots = await site.ReadAsync<List<MetricsSnapshot>>("/api/metrics?from=1970-01-01");
        var alerts = await site.ReadAsync<List<Alert>>("/api/alerts?from=1970-01-01");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/");

        var latest = snapshots[^1];
        Assert.Equal(DashboardSite.RunDays, snapshots.Select(s => s.Date));
        AssertNear(latest.ChurnRate!.Value * 100, await NumberAsync(browser, "[data-metric=churnRate] .value"), 0.05);
        AssertNear(latest.RetentionRate!.Value * 100, await NumberAsync(browser, "[data-metric=retentionRate] .value"), 0.05);
        AssertNear(latest.RepeatPurchaseRate!.Value * 100, await NumberAsync(browser, "[data-metric=repeatPurchaseRate] .value"), 0.05);
        Assert.Equal(latest.ActiveCustomers, await NumberAsync(browser, "[data-metric=activeCustomers] .value"));
        Assert.Equal(latest.NewCustomers, await NumberAsync(browser, "[data-metric=newCustomers] .value"));
        AssertNear((double)latest.Revenue!.Value, await NumberAsync(browser, "[data-metric=revenue] .value"), 0.005);
        AssertNear((double)latest.RevenueFromReturningCustomers!.Value, await NumberAsync(browser, "[data-metric=revenueFromReturningCustomers] .value"), 0.005);

        var rates = await ChartAsync(browser, "rates");
        Assert.Equal(snapshots.Select(s => s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), rates.Labels);
        Assert.Equal(snapshots.Select(s => s.ChurnRate), rates.Series[0]);
        Assert.Equal(snapshots.Select(s => s.RetentionRate), rates.Series[1]);
        Assert.Equal(snapshots.Select(s => s.RepeatPurchaseRate), rates.Series[2]);
        Assert.NotEmpty(alerts);
        Assert.Equal(snapshots.Select(s => alerts.Any(a => a.Date == s.Date)), rates.Series[3].Select(v => v is not null));
        var customers = await ChartAsync(browser, "customers");
        Assert.Equal(snapshots.Select(s => (double?)s.ActiveCustomers), customers.Series[0]);
        Assert.Equal(snapshots.Select(s => (double?)s.NewCustomers), customers.Series[1]);
        var revenue = await ChartAsync(browser, "revenue");
        Assert.Equal(snapshots.Select(s => (double?)s.Revenue), revenue.Series[0]);
        Assert.Equal(snapshots.Select(s => (double?)s.RevenueFromReturningCustomers), revenue.Series[1]);
        Assert.Equal(alerts.Count, await browser.Page.Locator("#alerts tbody tr[data-condition]").CountAsync());

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("overview", width);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task At_risk_lists_the_api_ranking_with_each_reason_and_pages_on(int width)
    {
        var first = await site.ReadAsync<AtRiskPage>("/api/customers/at-risk?offset=0&limit=25");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/at-risk.html");

        Assert.NotEmpty(first.Customers);
        var rows = browser.Page.Locator("#at-risk tbody tr");
        Assert.Equal(first.Customers.Select(c => c.CustomerId), await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.customer)"));
        Assert.Equal(first.Customers.Select(c => c.Reason), await browser.Page.Locator("#at-risk [data-field=reason]").AllTextContentsAsync());
        var stakes = await browser.Page.Locator("#at-risk [data-field=valueAtStake]").AllTextContentsAsync();
        Assert.All(first.Customers.Zip(stakes), p => AssertNear(p.First.ValueAtStake, Parse(p.Second), 0.005));
        var alive = await browser.Page.Locator("#at-risk [data-field=probabilityAlive]").AllTextContentsAsync();
        Assert.All(first.Customers.Zip(alive), p => AssertNear(p.First.ProbabilityAlive, Parse(p.Second), 0.005));
        var chart = await ChartAsync(browser, "stakes");
        Assert.Equal(first.Customers.Select(c => (double?)c.ValueAtStake), chart.Series[0]);
        Assert.Contains($"of {first.Total}", await browser.Page.TextContentAsync("#range"), StringComparison.Ordinal);

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("at-risk", width);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Customer_page_opened_from_the_at_risk_list_shows_its_purchases_score_and_consent(int width)
    {
        var top = (await site.ReadAsync<AtRiskPage>("/api/customers/at-risk?limit=1")).Customers[0];
        var customer = await site.ReadAsync<CustomerView>($"/api/customers/{Uri.EscapeDataString(top.CustomerId)}");
        var score = await site.ReadAsync<CustomerScore>($"/api/customers/{Uri.EscapeDataString(top.CustomerId)}/score");
        var history = await site.ReadAsync<List<CustomerScore>>($"/api/customers/{Uri.EscapeDataString(top.CustomerId)}/scores");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);
        await browser.GoToAsync("/api/dashboard/at-risk.html");

        await browser.Page.ClickAsync($"#at-risk tr[data-customer='{top.CustomerId}'] a");
        await browser.WaitDrawnAsync();

        Assert.EndsWith($"customer.html?id={Uri.EscapeDataString(top.CustomerId)}", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal(customer.Transactions.Count, await browser.Page.Locator("#transactions tbody tr").CountAsync());
        var purchases = await ChartAsync(browser, "purchases");
        Assert.Equal(customer.Transactions.OrderBy(t => t.OccurredAt).Select(t => (double?)t.Total), purchases.Series[0]);
        Assert.Contains(customer.Email!, await browser.Page.TextContentAsync("#profile"), StringComparison.Ordinal);
        AssertNear(score.ProbabilityAlive!.Value, Parse((await browser.Page.Locator("#score dd").Nth(1).TextContentAsync())!), 0.005);
        Assert.Contains(score.Segment, await browser.Page.TextContentAsync("#score"), StringComparison.Ordinal);
        Assert.Equal(DashboardSite.RunDays, history.Select(s => s.AsOf));
        var scores = await ChartAsync(browser, "history");
        Assert.Equal(history.Select(s => s.ProbabilityAlive), scores.Series[0]);
        Assert.Equal(history.Select(s => s.Clv), scores.Series[1]);

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("customer", width);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Customer_page_lists_the_messages_sent_consent_per_channel_and_exit_survey_answers_as_the_api_returns(int width)
    {
        var id = Uri.EscapeDataString(site.MessagedCustomerId);
        var messages = await site.ReadAsync<List<CustomerMessage>>($"/api/customers/{id}/messages");
        var feedback = await site.ReadAsync<List<CustomerFeedback>>($"/api/customers/{id}/feedback");
        var alerts = await site.ReadAsync<List<Alert>>($"/api/customers/{id}/alerts");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync($"/api/dashboard/customer.html?id={id}");

        var email = Assert.Single(messages);
        Assert.Equal(("dash-winback", "Win back", "offer", "email", "sent", "outbox", "d-winback"),
            (email.CampaignId, email.CampaignName, email.StepId, email.Channel, email.Status, email.Via, email.TemplateId));
        Assert.Equal(messages.Select(m => m.SendId), await browser.Page.Locator("#messages tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.send)"));
        Assert.Equal(messages.Select(m => m.Status), await browser.Page.Locator("#messages [data-field=status]").AllTextContentsAsync());
        Assert.Equal(messages.Select(m => m.Via), await browser.Page.Locator("#messages [data-field=via]").AllTextContentsAsync());
        Assert.Equal(["competitor", "price"], feedback.AsEnumerable().Reverse().Select(f => f.Reason));
        Assert.Equal(feedback.AsEnumerable().Reverse().Select(f => f.Reason), await browser.Page.Locator("#feedback [data-field=answer]").AllTextContentsAsync());
        Assert.Contains("Found it cheaper nearby.", await browser.Page.TextContentAsync("#feedback"), StringComparison.Ordinal);
        Assert.Contains(alerts, a => a.Rule == "top-customer-slipping");
        Assert.Equal(alerts.Select(a => a.Condition), await browser.Page.Locator("#customer-alerts tbody tr[data-condition]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.condition)"));
        Assert.Equal("granted", await browser.Page.TextContentAsync("#consents tr[data-channel=email] [data-field=status]"));
        Assert.Equal("no statement (no consent)", await browser.Page.TextContentAsync("#consents tr[data-channel=sms] [data-field=status]"));

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("customer-messages", width);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Cohorts_heat_map_shows_each_cohort_share_as_the_api_computes_it(int width)
    {
        var report = await site.ReadAsync<CohortReport>("/api/cohorts");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/cohorts.html");

        Assert.Equal(["2024-01", "2024-03"], report.Cohorts.Select(c => c.Month));
        Assert.Equal(report.Cohorts.Select(c => c.Month), await browser.Page.Locator("#cohorts tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.cohort)"));
        foreach (var cohort in report.Cohorts)
        {
            var cells = await browser.Page.Locator($"#cohorts tr[data-cohort='{cohort.Month}'] td.cell").AllTextContentsAsync();
            Assert.Equal(cohort.Share.Count, cells.Count);
            Assert.All(cohort.Share.Zip(cells), p => AssertNear(p.First * 100, Parse(p.Second), 0.05));
        }

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("cohorts", width);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Segments_page_stacks_the_sizes_of_every_run_and_shows_the_flows_between_the_last_two(int width)
    {
        var snapshots = await site.ReadAsync<List<MetricsSnapshot>>("/api/metrics?from=1970-01-01");
        var flows = await site.ReadAsync<SegmentFlows>("/api/segments/flows");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/segments.html");

        var sizes = await ChartAsync(browser, "sizes");
        var names = snapshots.SelectMany(s => s.Segments.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names.Count, sizes.Series.Count);
        Assert.All(names.Select((name, i) => (name, i)), x =>
            Assert.Equal(snapshots.Select(s => (double?)s.Segments.GetValueOrDefault(x.name)), sizes.Series[x.i]));
        Assert.Equal((DashboardSite.RunDays[^2], DashboardSite.RunDays[^1]), (flows.From, flows.To));
        Assert.Equal(30, flows.Flows.Sum(f => f.Customers));
        foreach (var flow in flows.Flows)
        {
            var cell = await browser.Page.TextContentAsync($"#flows tr[data-from='{flow.From}'] td[data-to='{flow.To}']");
            Assert.Equal(flow.Customers, Parse(cell!));
        }

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("segments", width);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Campaigns_page_draws_the_funnel_and_uplift_the_report_returns(int width)
    {
        var report = await site.ReadAsync<CampaignReport>("/api/campaigns/dash-winback/report");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/campaigns.html?id=dash-winback");

        Assert.True(site.CampaignEntered > 0);
        Assert.Equal(site.CampaignEntered, report.Treatment.Entered + report.Holdout.Entered);
        var funnel = await ChartAsync(browser, "funnel");
        Assert.Equal(["Entered", "Sent", "Clicked", "Converted"], funnel.Labels);
        Assert.Equal([report.Treatment.Entered, report.Treatment.Sent, report.Treatment.Clicked, report.Treatment.Converted], funnel.Series[0].Select(v => (int)v!.Value));
        Assert.Equal([report.Holdout.Entered, report.Holdout.Sent, report.Holdout.Clicked, report.Holdout.Converted], funnel.Series[1].Select(v => (int)v!.Value));
        Assert.Equal(report.Treatment.Entered, await NumberAsync(browser, "#groups tr[data-group=treatment] [data-field=entered]"));
        Assert.Equal(report.Holdout.Entered, await NumberAsync(browser, "#groups tr[data-group=holdout] [data-field=entered]"));
        Assert.Equal("Win back", await browser.Page.TextContentAsync("#campaign-name"));

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("campaigns", width);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Campaigns_page_stacks_exit_survey_reasons_by_month_as_the_api_counts_them(int width)
    {
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/campaigns.html?id=dash-winback");

        var range = browser.Page.Locator("#reasons-range");
        var (from, to) = (await range.GetAttributeAsync("data-from"), await range.GetAttributeAsync("data-to"));
        var summary = await site.ReadAsync<FeedbackSummary>($"/api/feedback/summary?by=month&from={from}&to={to}");
        Assert.Equal(12, summary.Periods!.Count);
        Assert.Equal(4, summary.Total);
        var chart = await ChartAsync(browser, "reasons-by-month");
        Assert.Equal(summary.Periods.Select(p => p.Period), chart.Labels);
        var given = summary.Reasons.Where(r => r.Count > 0).Select(r => r.Reason).ToList();
        Assert.Equal(["price", "service", "competitor"], given);
        Assert.Equal(given.Count, chart.Series.Count);
        Assert.All(given.Select((reason, i) => (reason, i)), x => Assert.Equal(
            summary.Periods.Select(p => (double?)p.Reasons.Single(r => r.Reason == x.reason).Count), chart.Series[x.i]));
        Assert.Equal(2, summary.Periods[^1].Total);

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("campaigns-reasons-by-month", width);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Compare_page_shows_both_periods_rates_with_intervals_and_the_change_the_api_computes(int width)
    {
        const string query = "before=2024-02-01..2024-02-29&after=2024-03-02..2024-03-31";
        var comparison = await site.ReadAsync<MetricsComparison>($"/api/metrics/compare?{query}");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync($"/api/dashboard/compare.html?{query}");

        Assert.Equal("2024-02-01", await browser.Page.InputValueAsync("input[name=before-from]"));
        Assert.Equal("2024-03-31", await browser.Page.InputValueAsync("input[name=after-to]"));
        Assert.True(comparison.After.ChurnRate.Value > comparison.Before.ChurnRate.Value, "the seed's lapsed buyers raise churn");
        foreach (var (name, before, after, change) in new[]
        {
            ("churnRate", comparison.Before.ChurnRate, comparison.After.ChurnRate, comparison.Difference.ChurnRate),
            ("retentionRate", comparison.Before.RetentionRate, comparison.After.RetentionRate, comparison.Difference.RetentionRate),
            ("repeatPurchaseRate", comparison.Before.RepeatPurchaseRate, comparison.After.RepeatPurchaseRate, comparison.Difference.RepeatPurchaseRate),
        })
        {
            var row = $"#comparison tr[data-rate={name}]";
            AssertNear(before.Value!.Value * 100, await NumberAsync(browser, $"{row} [data-field=before]"), 0.05);
            AssertNear(after.Value!.Value * 100, await NumberAsync(browser, $"{row} [data-field=after]"), 0.05);
            AssertNear(change.Value!.Value * 100, ParsePoints((await browser.Page.TextContentAsync($"{row} [data-field=change]"))!), 0.05);
            Assert.Contains($"{before.Numerator} of {before.Denominator}", await browser.Page.TextContentAsync($"{row} [data-field=before-interval]"), StringComparison.Ordinal);
            Assert.StartsWith(Interval(before), await browser.Page.TextContentAsync($"{row} [data-field=before-interval]"), StringComparison.Ordinal);
            Assert.StartsWith(Interval(after), await browser.Page.TextContentAsync($"{row} [data-field=after-interval]"), StringComparison.Ordinal);
        }

        var drawn = await browser.Page.EvaluateAsync<JsonElement>("() => Chart.getChart(document.getElementById('rates')).data.datasets.map(d => d.data)");
        Assert.Equal(
            [comparison.Before.ChurnRate.Value, comparison.Before.RetentionRate.Value, comparison.Before.RepeatPurchaseRate.Value],
            drawn[0].EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()));
        Assert.Equal(
            [comparison.After.ChurnRate.Value, comparison.After.RetentionRate.Value, comparison.After.RepeatPurchaseRate.Value],
            drawn[2].EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()));
        Assert.Equal([comparison.After.ChurnRate.Low, comparison.After.ChurnRate.High], drawn[3][0].EnumerateArray().Select(v => (double?)v.GetDouble()));

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("compare", width);
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task Compare_page_opens_on_the_30_days_ending_on_the_latest_run_and_compares_the_periods_picked()
    {
        await using var browser = await DashboardBrowser.OpenAsync(site, 1280);
        await browser.GoToAsync("/api/dashboard/compare.html");
        Assert.Equal(("2024-02-01", "2024-03-01"), (await browser.Page.InputValueAsync("input[name=before-from]"), await browser.Page.InputValueAsync("input[name=before-to]")));
        Assert.Equal(("2024-03-02", "2024-03-31"), (await browser.Page.InputValueAsync("input[name=after-from]"), await browser.Page.InputValueAsync("input[name=after-to]")));

        await browser.Page.FillAsync("input[name=before-to]", "2024-02-29");
        await browser.Page.ClickAsync("#periods button[type=submit]");
        await browser.Page.WaitForURLAsync(new Regex(@"/compare\.html\?before=2024-02-01\.\.2024-02-29&after=2024-03-02\.\.2024-03-31$"));
        await browser.WaitDrawnAsync();

        var comparison = await site.ReadAsync<MetricsComparison>("/api/metrics/compare?before=2024-02-01..2024-02-29&after=2024-03-02..2024-03-31");
        var churn = comparison.Before.ChurnRate;
        Assert.Contains($"({churn.Numerator} of {churn.Denominator})", await browser.Page.TextContentAsync("#comparison tr[data-rate=churnRate] [data-field=before-interval]"), StringComparison.Ordinal);
        Assert.Contains("Before: 2024-02-01 to 2024-02-29", await browser.Page.TextContentAsync("#summary"), StringComparison.Ordinal);
        browser.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Model_health_plots_expected_against_actual_per_week_and_per_frequency_as_the_api_returns(int width)
    {
        var report = await site.ReadAsync<ModelHealthReport>("/api/model/health");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/model.html");

        Assert.Equal("mbgnbd", report.Model);
        Assert.Equal(DashboardSite.RunDays[^1], report.ObservationEnd);
        Assert.NotEmpty(report.Tracking);
        Assert.True(report.Tracking[^1].ActualCumulative > 0);
        var tracking = await ChartAsync(browser, "tracking");
        Assert.Equal(report.Tracking.Select(w => w.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), tracking.Labels);
        Assert.Equal(report.Tracking.Select(w => (double?)w.Expected), tracking.Series[0]);
        Assert.Equal(report.Tracking.Select(w => (double?)w.Actual), tracking.Series[1]);
        var calibration = await ChartAsync(browser, "calibration");
        Assert.Equal(report.Calibration.Select(c => c.Frequency), calibration.Labels);
        Assert.Equal(report.Calibration.Select(c => (double?)c.ExpectedMean), calibration.Series[0]);
        Assert.Equal(report.Calibration.Select(c => (double?)c.ActualMean), calibration.Series[1]);

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("model-health", width);
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task Every_page_shows_the_same_navigation_with_its_own_section_current_and_signs_out_to_the_sign_in_page()
    {
        string[] sections = ["index.html", "at-risk.html", "cohorts.html", "segments.html", "campaigns.html?id=dash-winback", "calls.html", "compare.html", "model.html", "api.html"];
        await using var browser = await DashboardBrowser.OpenAsync(site, 1280);

        foreach (var (path, current) in sections.Select(s => ("/api/dashboard/" + s, s.Split('?')[0])).Append(("/", "index.html")))
        {
            await browser.GoToAsync(path);
            var links = await browser.Page.EvalOnSelectorAllAsync<string[]>("header nav a", "links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(sections.Select(s => "/api/dashboard/" + s.Split('?')[0]), links);
            Assert.Equal("/api/dashboard/" + current, await browser.Page.GetAttributeAsync("header nav a[aria-current=page]", "href"));
        }

        await browser.Page.ClickAsync("#sign-out");
        await browser.Page.WaitForURLAsync("**/api/dashboard/login.html");
        browser.AssertNoErrors();
    }

    private static string Interval(RateEstimate rate) =>
        FormattableString.Invariant($"{rate.Low!.Value * 100:0.0}% to {rate.High!.Value * 100:0.0}%");

    // "+12.5 points" / "−3.0 points" (a minus sign, U+2212).
    private static double ParsePoints(string text) =>
        Parse(text.Replace(" points", "", StringComparison.Ordinal).Replace('\u2212', '-').TrimStart('+'));

    private static async Task<double> NumberAsync(DashboardBrowser browser, string selector) =>
        Parse((await browser.Page.TextContentAsync(selector))!);

    private static double Parse(string text) =>
        double.Parse(text.Replace(",", "", StringComparison.Ordinal).TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void AssertNear(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance + 1e-9, $"expected {expected}, drawn {actual}");

    private static async Task<(string[] Labels, List<double?[]> Series)> ChartAsync(DashboardBrowser browser, string canvas)
    {
        var data = await browser.Page.EvaluateAsync<JsonElement>(
            "id => { const c = Chart.getChart(document.getElementById(id)); return { labels: c.data.labels, series: c.data.datasets.map(d => d.data) }; }", canvas);
        var labels = data.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
        var series = data.GetProperty("series").EnumerateArray()
            .Select(s => s.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray())
            .ToList();
        return (labels, series);
    }
}
