using System.Globalization;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.SelfHost;
using ChurnFunctions.Storage;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>
/// A real Azurite (in-memory) and `churn serve` in-process on Kestrel 127.0.0.1, with host.json's queue settings
/// (batch 16 as in host.json unless --queue-batch, new batch threshold half of it, visibility timeout 10 s, 5 dequeues) and a short polling interval.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string ShopifySecret = "shpss_bench_secret";

    private readonly AzuriteFixture _azurite;
    private readonly WebApplication _app;

    private BenchHost(AzuriteFixture azurite, WebApplication app, Uri baseAddress, StorageCallSplit? split)
    {
        _azurite = azurite;
        _app = app;
        BaseAddress = baseAddress;
        Split = split;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's own storage account: the benchmark's probes and the ceiling use the very same client and pool.</summary>
    public StorageAccount Storage => _app.Services.GetRequiredService<StorageAccount>();

    public StorageCallSplit? Split { get; }

    public static async Task<BenchHost> StartAsync(bool split, int queueBatch)
    {
        var azurite = new AzuriteFixture();
        await azurite.StartAsync();
        var calls = split ? new StorageCallSplit() : null;
        var app = ChurnHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Webhooks:Shopify:Secret"] = ShopifySecret,
                ["Queues:BatchSize"] = queueBatch.ToString(CultureInfo.InvariantCulture),
                ["Queues:NewBatchThreshold"] = (queueBatch / 2).ToString(CultureInfo.InvariantCulture),
                ["Queues:MaxDequeueCount"] = "5",
                ["Queues:VisibilityTimeout"] = "00:00:10",
                ["Queues:MaxPollingInterval"] = "00:00:00.200",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (calls is not null)
            {
                // Last registration wins: the handler gets the timing decorators around the real adapters.
                builder.Services.AddSingleton<TableCustomerStore>();
                builder.Services.AddSingleton<TableIdentityIndex>();
                builder.Services.AddSingleton<ICustomerStore>(sp => new TimedCustomerStore(sp.GetRequiredService<TableCustomerStore>(), calls));
                builder.Services.AddSingleton<IIdentityIndex>(sp => new TimedIdentityIndex(sp.GetRequiredService<TableIdentityIndex>(), calls));
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(azurite, app, new Uri(address), calls);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        finally
        {
            _azurite.Dispose();
        }
    }
}
