using System.Globalization;
using ChurnFunctions.Core.Campaigns;
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
/// providers pointed at the fakes and the run's definition store. The provider settings travel as environment
/// variables (AddSendGrid/AddTwilio probe their sections while the host is built, before in-memory settings apply),
/// removed once the host has read them.
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
        var environment = new Dictionary<string, string>
        {
            ["SendGrid__ApiKey"] = sendGrid.ApiKey,
            ["SendGrid__FromEmail"] = "shop@example.com",
            ["SendGrid__BaseUrl"] = sendGrid.BaseUrl.ToString(),
            ["SendGrid__Timeout"] = "00:00:05",
            ["SendGrid__MaxRetries"] = "5",
            ["SendGrid__RetryBaseDelay"] = "00:00:00.020",
            ["Twilio__AccountSid"] = twilio.AccountSid,
            ["Twilio__AuthToken"] = twilio.AuthToken,
            ["Twilio__FromNumber"] = "+15550000000",
            ["Twilio__BaseUrl"] = twilio.BaseUrl.ToString(),
            ["Twilio__PublicBaseUrl"] = "http://127.0.0.1/",
            ["Twilio__Timeout"] = "00:00:05",
            ["Twilio__MaxRetries"] = "5",
            ["Twilio__RetryBaseDelay"] = "00:00:00.020",
            ["Twilio__MaxRetryDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in environment)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        try
        {
            var app = ChurnHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = azurite.ConnectionString,
                    ["Campaigns:DefaultTimeZone"] = "UTC",
                    ["Queues:BatchSize"] = queueBatch.ToString(CultureInfo.InvariantCulture),
                    ["Queues:NewBatchThreshold"] = (queueBatch / 2).ToString(CultureInfo.InvariantCulture),
                    ["Queues:MaxDequeueCount"] = "5",
                    ["Queues:VisibilityTimeout"] = "00:00:01",
                    ["Queues:MaxPollingInterval"] = "00:00:00.200",
                });
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.RemoveAll<ICampaignDefinitionStore>();
                builder.Services.AddSingleton(definitions);
                builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
            });
            await app.StartAsync();
            return new CampaignBenchHost(azurite, sendGrid, twilio, app);
        }
        finally
        {
            foreach (var key in environment.Keys)
            {
                Environment.SetEnvironmentVariable(key, null);
            }
        }
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
