using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.SelfHost;
using ChurnFunctions.Storage;
using ChurnFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace ChurnFunctions.IntegrationTests.Support;

/// <summary>
/// `churn serve` in-process on Kestrel (127.0.0.1, a free port) against a given storage account, with settings that
/// make retries immediate so tests do not wait for time.
/// </summary>
internal sealed class SelfHostRunner : IAsyncDisposable
{
    private readonly WebApplication app;

    private SelfHostRunner(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<SelfHostRunner> StartAsync(
        string storageConnectionString,
        bool listenToQueues = true,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        Action<OpenTelemetryBuilder>? telemetry = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Webhooks:Shopify:Secret"] = Secrets.Shopify,
            ["Webhooks:WooCommerce:Secret"] = Secrets.WooCommerce,
            ["Webhooks:Square:SignatureKey"] = Secrets.SquareKey,
            ["Webhooks:Square:NotificationUrl"] = Secrets.SquareUrl,
            ["Api:Keys"] = Secrets.ApiKey,
            ["Queues:VisibilityTimeout"] = "00:00:00",
            ["Ingest:RetryDelay"] = "00:00:00",
            ["Queues:MaxPollingInterval"] = "00:00:00.200",
            ["Queues:MessageLease"] = "00:00:05",
            // Tests check what is stored, not how fast a webhook is acknowledged: on a busy machine a queue put has
            // taken longer than the 3 s a platform gets, and the 503 then failed tests about other things. Tests of
            // the 503 set their own timeout.
            ["Ingest:EnqueueTimeout"] = "00:00:30",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = ChurnHost.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                if (!listenToQueues)
                {
                    builder.Services.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>();
                }

                services?.Invoke(builder.Services);
            },
            values,
            telemetry);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SelfHostRunner(app, new Uri(address));
    }

    public StorageAccount Storage => Services.GetRequiredService<StorageAccount>();

    /// <summary>The customer with this email through GET /api/customers (with the API key); null while there is none.</summary>
    public async Task<CustomerView?> FindCustomerAsync(string email)
    {
        using var response = await Client.SendAsync(Payloads.Get($"/api/customers?email={Uri.EscapeDataString(email)}"));
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<CustomerView>(JsonSerializerOptions.Web) : null;
    }

    public IMessageQueue Queue(string name) => Services.GetRequiredService<IMessageQueueFactory>().Get(name);

    /// <summary>
    /// Empties the customer and analytics tables. Classes share one Azurite, and a scoring run sees every customer in
    /// the account and publishes the latest run for all readers: a test that scores as of a fixed day starts here.
    /// </summary>
    public async Task ClearAnalyticsTablesAsync()
    {
        string[] tables = ["customers", "identities", "scores", "metrics", "alerts", "outbox"];
        foreach (var table in tables)
        {
            await Storage.GetTableClient(table).DeleteTableAsync(default);
        }

        // Azurite may refuse to re-create a table for a moment after deleting it.
        await EventuallyAsync(
            async () =>
            {
                try
                {
                    foreach (var table in tables)
                    {
                        await Storage.GetTableClient(table).CreateIfNotExistsAsync(default);
                    }

                    return true;
                }
                catch (Exception)
                {
                    return false;
                }
            },
            ok => ok);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Polls until <paramref name="condition"/> holds, within a generous guard (<see cref="Eventually"/>).</summary>
    public static Task<T> EventuallyAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> condition,
        TimeSpan? guard = null,
        [CallerArgumentExpression(nameof(probe))] string awaited = "",
        [CallerArgumentExpression(nameof(condition))] string expected = "") =>
        Eventually.HoldsAsync(probe, condition, guard, awaited, expected);

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
