using System.Net;

namespace ChurnFunctions.Dashboard.Tests;

/// <summary>The dashboard's files are open, its data is not: without a read key a page sends the user to sign in.</summary>
[Collection(DashboardSite.CollectionName)]
public sealed class DashboardAccessTests(DashboardSite site)
{
    [Fact]
    public async Task A_page_opened_without_a_key_goes_to_sign_in_and_a_read_key_brings_it_back()
    {
        await using var browser = await DashboardBrowser.OpenAsync(site, 1280, signedIn: false);

        await browser.Page.GotoAsync("/api/dashboard/at-risk.html");
        await browser.Page.WaitForURLAsync("**/login.html?next=*");
        Assert.Equal(0, await browser.Page.Locator("#at-risk tbody tr").CountAsync());
        await browser.Page.FillAsync("#key", DashboardSite.ReadKey);
        await browser.Page.ClickAsync("button[type=submit]");
        await browser.Page.WaitForURLAsync("**/at-risk.html");
        await browser.WaitDrawnAsync();

        Assert.True(await browser.Page.Locator("#at-risk tbody tr").CountAsync() > 0);
        await browser.ScreenshotAsync("sign-in-then-at-risk", 1280);
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task Sign_in_refuses_a_key_that_is_not_a_read_key()
    {
        await using var browser = await DashboardBrowser.OpenAsync(site, 390, signedIn: false);
        await browser.Page.GotoAsync("/api/dashboard/login.html");

        // The POS key may write sales but not read customers.
        await browser.Page.FillAsync("#key", ChurnFunctions.IntegrationTests.Support.Secrets.ApiKey + "-x");
        await browser.Page.ClickAsync("button[type=submit]");

        await browser.Page.WaitForSelectorAsync("#message:not([hidden])");
        Assert.EndsWith("/login.html", browser.Page.Url, StringComparison.Ordinal);
        Assert.Null(await browser.Page.EvaluateAsync<string?>("sessionStorage.getItem('churn.readKey')"));
        await browser.ScreenshotAsync("sign-in-refused", 390);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/dashboard/")]
    [InlineData("/api/dashboard/index.html")]
    public async Task The_overview_is_served_at_the_root_and_under_api_dashboard_with_a_same_origin_policy(string path)
    {
        using var response = await site.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<title>Overview", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_library_is_served_from_the_app_not_a_cdn()
    {
        using var response = await site.Host.Client.GetAsync("/api/dashboard/vendor/chart.umd.min.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chart.js v4", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/customers/at-risk")]
    [InlineData("/api/metrics")]
    public async Task Data_routes_refuse_a_request_without_the_read_key(string path)
    {
        using var response = await site.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_file_the_dashboard_does_not_have_is_a_problem_404()
    {
        using var response = await site.Host.Client.GetAsync("/api/dashboard/..%2F..%2Fappsettings.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
