using System.Globalization;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.SelfHost;
using ChurnFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Benchmarks.Campaigns;

/// <summary>
/// A real Azurite (in-memory), the fake SendGrid and Twilio (Kestrel, 127.0.0.1) and `churn serve` in-process with its
/// providers pointed at the fakes (settings given to ChurnHost.Build, which applies them before the providers are
/// composed) and the run's definition store.
/// </summary>
internal sealed class CampaignBenchHost : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite;
    private readonly WebApplication _app;

    private CampaignBenchHost(AzuriteFixture azurite, FakeSendGridServer sendGrid, FakeTwilioServer twilio, WebApplication app)
    {
        _azurite = azurite;
        SendGrid = sendGrid;
        Twilio = twilio;
        _app = app;
    }

    public FakeSendGridServer SendGrid { get; }

    public FakeTwilioServer Twilio { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<CampaignBenchHost> StartAsync(ICampaignDefinitionStore definitions, int queueBatch)
    {
        var azurite = new AzuriteFixture();
        await azurite.StartAsync();
        var sendGrid = await FakeSendGridServer.StartAsync();
        var twilio = await FakeTwilioServer.StartAsync();
        var settings = FakeProviderSettings.For(sendGrid, twilio, TimeSpan.FromSeconds(5));
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["Campaigns:DefaultTimeZone"] = "UTC";
        settings["Queues:BatchSize"] = queueBatch.ToString(CultureInfo.InvariantCulture);
        settings["Queues:NewBatchThreshold"] = (queueBatch / 2).ToString(CultureInfo.InvariantCulture);
        settings["Queues:MaxDequeueCount"] = "5";
        settings["Queues:VisibilityTimeout"] = "00:00:01";
        settings["Queues:MaxPollingInterval"] = "00:00:00.200";
        var app = ChurnHost.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.RemoveAll<ICampaignDefinitionStore>();
                builder.Services.AddSingleton(definitions);
                builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
            },
            settings);
        await app.StartAsync();
        return new CampaignBenchHost(azurite, sendGrid, twilio, app);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            await SendGrid.DisposeAsync();
            await Twilio.DisposeAsync();
        }
        finally
        {
            _azurite.Dispose();
        }
    }
}
