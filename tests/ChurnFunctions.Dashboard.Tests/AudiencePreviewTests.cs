using ChurnFunctions.Core.Campaigns.Enrollment;
using Microsoft.Playwright;

namespace ChurnFunctions.Dashboard.Tests;

/// <summary>
/// The campaigns page's audience preview over the seeded campaign that was never enrolled: with the admin key it lists
/// exactly the enrollment dry run's entries for that campaign, holdout included, and starts nothing; with any other
/// key it says the admin key is needed and the page stays up.
/// </summary>
[Collection(DashboardSite.CollectionName)]
public sealed class AudiencePreviewTests(DashboardSite site)
{
    private const string Campaign = "dash-preview";
    private static readonly PageWaitForSelectorOptions Patient = new() { Timeout = 60_000 };

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Lists_exactly_the_dry_runs_entries_for_the_campaign_with_who_is_held_out_and_starts_nothing(int width)
    {
        var dryRun = await site.PostAsync<EnrollmentReport>("/api/campaigns/enroll?dryRun=true", DashboardSite.AdminKey);
        var expected = dryRun.Entries.Where(e => e.CampaignId == Campaign).ToList();
        await using var browser = await DashboardBrowser.OpenAsync(site, width);
        await browser.GoToAsync($"/api/dashboard/campaigns.html?id={Campaign}");

        await browser.Page.FillAsync("#admin-key", DashboardSite.AdminKey);
        await browser.Page.ClickAsync("#preview-form button[type=submit]");
        await browser.Page.WaitForSelectorAsync("#preview[data-previewed]", Patient);

        Assert.True(dryRun.DryRun);
        Assert.Contains(expected, e => e.Holdout);
        Assert.Contains(expected, e => !e.Holdout);
        var rows = browser.Page.Locator("#audience tbody tr");
        Assert.Equal(expected.Select(e => e.CustomerId), await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.customer)"));
        Assert.Equal(expected.Select(e => e.Holdout ? "holdout" : "treatment"), await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.group)"));
        Assert.Equal(expected.Select(e => e.Reason), await browser.Page.Locator("#audience [data-field=reason]").AllTextContentsAsync());
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await browser.Page.TextContentAsync("#preview-counts [data-field=entered]"));
        Assert.Equal(expected.Count(e => !e.Holdout).ToString(System.Globalization.CultureInfo.InvariantCulture), await browser.Page.TextContentAsync("#preview-counts [data-field=treatment]"));
        Assert.Equal(expected.Count(e => e.Holdout).ToString(System.Globalization.CultureInfo.InvariantCulture), await browser.Page.TextContentAsync("#preview-counts [data-field=holdout]"));

        // Nothing started: the campaign has no one in it, and a dry run now still lists the same customers.
        var report = await site.ReadAsync<System.Text.Json.JsonElement>($"/api/campaigns/{Campaign}/report");
        Assert.Equal(0, report.GetProperty("treatment").GetProperty("entered").GetInt32() + report.GetProperty("holdout").GetProperty("entered").GetInt32());
        var again = await site.PostAsync<EnrollmentReport>("/api/campaigns/enroll?dryRun=true", DashboardSite.AdminKey);
        Assert.Equal(expected, again.Entries.Where(e => e.CampaignId == Campaign));

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("campaigns-audience-preview", width);
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task The_read_key_is_refused_with_a_message_that_asks_for_the_admin_key_and_the_page_stays_up()
    {
        await using var browser = await DashboardBrowser.OpenAsync(site, 390);
        await browser.GoToAsync($"/api/dashboard/campaigns.html?id={Campaign}");

        await browser.Page.FillAsync("#admin-key", DashboardSite.ReadKey);
        await browser.Page.ClickAsync("#preview-form button[type=submit]");
        await browser.Page.WaitForSelectorAsync("#preview-message[data-outcome=error]", Patient);

        Assert.Contains("not an admin key", await browser.Page.TextContentAsync("#preview-message"), StringComparison.Ordinal);
        Assert.Equal(0, await browser.Page.Locator("#audience tbody tr").CountAsync());
        Assert.Equal("true", await browser.Page.GetAttributeAsync("body", "data-ready"));
        Assert.EndsWith($"campaigns.html?id={Campaign}", browser.Page.Url, StringComparison.Ordinal);
        // The browser logs the refused request itself; nothing else may fail.
        Assert.All(browser.Errors, e => Assert.Contains("status of 401", e, StringComparison.Ordinal));
        await browser.ScreenshotAsync("campaigns-audience-refused", 390);
    }
}
