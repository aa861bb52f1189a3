using ChurnFunctions.Core.Campaigns.Tasks;
using Microsoft.Playwright;

namespace ChurnFunctions.Dashboard.Tests;

/// <summary>
/// The call list page (calls.html) over the seeded call campaign's tasks: it lists what GET /api/tasks returns, and an
/// outcome recorded with its buttons is what the API then shows.
/// </summary>
[Collection(DashboardSite.CollectionName)]
public sealed class CallListPageTests(DashboardSite site)
{
    private static readonly PageWaitForSelectorOptions Patient = new() { Timeout = 60_000 };

    [Theory]
    [InlineData(1280, "won-back", "Won back")]
    [InlineData(390, "reached", "Reached")]
    public async Task Lists_the_open_tasks_and_an_outcome_recorded_on_the_page_closes_the_task_in_the_api(int width, string outcome, string label)
    {
        var open = await ReadTasksAsync("open");
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/calls.html");

        Assert.NotEmpty(open);
        Assert.True(site.CallTasks >= open.Count);
        await AssertListedAsync(browser, open);
        Assert.All(open, v => Assert.Equal("Call lapsed buyers", v.Task.CampaignName));
        Assert.Equal(open.Select(v => v.Task.Text), await browser.Page.Locator("#tasks [data-field=text]").AllTextContentsAsync());
        Assert.Equal(open.Select(v => v.Task.Reason), await browser.Page.Locator("#tasks [data-field=reason]").AllTextContentsAsync());

        // Do not call asks again before it records anything.
        var task = open[0].Task;
        var row = $"#tasks tr[data-task='{task.Id}']";
        await browser.Page.ClickAsync($"{row} button[data-outcome=do-not-call]");
        Assert.Equal("Confirm: never call again", await browser.Page.TextContentAsync($"{row} button[data-outcome=do-not-call]"));
        Assert.Equal(0, Assert.Single(await ReadTasksAsync("open"), v => v.Task.Id == task.Id).Task.Attempts);

        // A call that does not get through leaves the task open for another try.
        await browser.Page.ClickAsync($"{row} button[data-outcome=not-reached]");
        await browser.Page.WaitForSelectorAsync($"{row}[data-status=open] [data-field=outcome]:has-text('Not reached')", Patient);
        Assert.Equal(1, Assert.Single(await ReadTasksAsync("open"), v => v.Task.Id == task.Id).Task.Attempts);

        // The second call's outcome, with a note, closes it.
        await browser.Page.FillAsync($"{row} input[name=note]", "Spoke on the second try");
        await browser.Page.ClickAsync($"{row} button[data-outcome={outcome}]");
        await browser.Page.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = 60_000 });

        var closed = await ReadTasksAsync("closed");
        var saved = Assert.Single(closed, v => v.Task.Id == task.Id).Task;
        Assert.Equal((StaffTaskStatus.Closed, outcome, 2, "Spoke on the second try"), (saved.Status, StaffTaskJson.Name(saved.Outcome!.Value), saved.Attempts, saved.Note));
        Assert.Equal($"Recorded {label}: the task is closed.", await browser.Page.TextContentAsync("#message"));
        await AssertListedAsync(browser, await ReadTasksAsync("open"));

        await browser.GoToAsync("/api/dashboard/calls.html?status=closed");
        await AssertListedAsync(browser, closed);
        Assert.StartsWith($"{label} (", await browser.Page.TextContentAsync($"{row} [data-field=outcome]"), StringComparison.Ordinal);
        Assert.Equal("page", await browser.Page.GetAttributeAsync("#filter a[href$='status=closed']", "aria-current"));

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("calls-closed", width);
        await browser.GoToAsync("/api/dashboard/calls.html");
        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("calls", width);
        browser.AssertNoErrors();
    }

    private Task<List<StaffTaskView>> ReadTasksAsync(string status) =>
        site.ReadAsync<List<StaffTaskView>>($"/api/tasks?status={status}", StaffTaskJson.Options);

    // The rows are the API's tasks in its order, each with the customer's current email.
    private static async Task AssertListedAsync(DashboardBrowser browser, List<StaffTaskView> tasks)
    {
        Assert.Equal(tasks.Select(v => v.Task.Id), await browser.Page.Locator("#tasks tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.task)"));
        Assert.Equal(tasks.Select(v => v.Contact.Email ?? "–"), await browser.Page.Locator("#tasks [data-field=email]").AllTextContentsAsync());
    }
}
