using System.Text.Json.Nodes;

namespace ChurnFunctions.Dashboard.Tests;

/// <summary>The API reference page (api.html) draws the OpenAPI document the host serves: every route, and only those.</summary>
[Collection(DashboardSite.CollectionName)]
public sealed class ApiReferencePageTests(DashboardSite site)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Lists_exactly_the_routes_of_the_openapi_document_with_their_summary_and_parameters(int width)
    {
        var document = JsonNode.Parse(await site.Host.Client.GetStringAsync("/api/openapi.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(o => o.Key != "parameters")
                .Select(o => (Method: o.Key.ToUpperInvariant(), Path: path.Key, Operation: o.Value!)))
            .ToList();
        await using var browser = await DashboardBrowser.OpenAsync(site, width);

        await browser.GoToAsync("/api/dashboard/api.html");

        Assert.Contains(operations, o => o is { Method: "POST", Path: "/api/tasks/{id}/outcome" });
        var drawn = await browser.Page.Locator("article.api-op").EvaluateAllAsync<string[]>("ops => ops.map(o => `${o.dataset.method} ${o.dataset.path}`)");
        Assert.Equal(operations.Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
        Assert.Equal(drawn.Length, drawn.Distinct().Count());
        foreach (var (method, path, operation) in operations)
        {
            var card = browser.Page.Locator($"article.api-op[data-method='{method}'][data-path='{path}']");
            var summary = operation["summary"]?.GetValue<string>() ?? operation["operationId"]!.GetValue<string>();
            Assert.Equal(summary, await card.Locator("[data-field=summary]").TextContentAsync());
            var parameters = operation["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()) ?? [];
            Assert.Equal(parameters, await card.Locator("[data-parameter]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.parameter)"));
            var tag = operation["tags"]![0]!.GetValue<string>();
            Assert.Equal(tag, await card.EvaluateAsync<string>("c => c.closest('section').dataset.tag"));
        }

        // Auth in words, from the document's security schemes: open, one key, or either of two.
        Assert.Equal("none", await AuthAsync(browser, "GET", "/api/health"));
        Assert.Equal("An admin key (Api__AdminKeys) in header x-api-key", await AuthAsync(browser, "POST", "/api/campaigns/enroll"));
        Assert.Equal(
            "One of: A read key (Api__ReadKeys; Api__Keys while it is unset) in header x-api-key; An admin key (Api__AdminKeys) in header x-api-key",
            await AuthAsync(browser, "POST", "/api/tasks/{id}/outcome"));

        await browser.AssertFitsWidthAsync(width);
        await browser.ScreenshotAsync("api-reference", width);
        browser.AssertNoErrors();
    }

    private static Task<string?> AuthAsync(DashboardBrowser browser, string method, string path) =>
        browser.Page.TextContentAsync($"article.api-op[data-method='{method}'][data-path='{path}'] [data-field=auth]");
}
