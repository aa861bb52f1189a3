using Microsoft.Playwright;

namespace ChurnFunctions.Dashboard.Tests;

/// <summary>A fresh browser tab at a given width that records every console error and uncaught page error.</summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IBrowserContext context;

    private DashboardBrowser(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page: {error}");
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    /// <summary>A tab at <paramref name="width"/> px; signed in (the key in sessionStorage, as the sign-in page leaves it) unless told not to.</summary>
    public static async Task<DashboardBrowser> OpenAsync(DashboardSite site, int width, bool signedIn = true)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        if (signedIn)
        {
            await context.AddInitScriptAsync($"sessionStorage.setItem('churn.readKey', '{DashboardSite.ReadKey}');");
        }

        return new DashboardBrowser(context, await context.NewPageAsync());
    }

    /// <summary>Opens the page and waits until its script marks it drawn (body[data-ready]), failing on a drawing error.</summary>
    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitDrawnAsync();
    }

    public async Task WaitDrawnAsync()
    {
        await Page.WaitForSelectorAsync("body[data-ready]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Equal("true", await Page.GetAttributeAsync("body", "data-ready"));
    }

    /// <summary>Keeps a full-page screenshot in the test output (TestResults/screenshots).</summary>
    public Task ScreenshotAsync(string name, int width) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardSite.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });

    /// <summary>The page fits its width: nothing scrolls sideways but the tables inside their own frames.</summary>
    public async Task AssertFitsWidthAsync(int width) =>
        Assert.True(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"the page is wider than {width} px");

    public void AssertNoErrors() => Assert.True(Errors.Count == 0, string.Join(Environment.NewLine, Errors));

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
