using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// IngestQueueFunction bound as the host binds it (message text, dequeue count) with a store that cannot commit: a
/// failed delivery is put back on the queue with its attempt count (host.json's visibilityTimeout is one fixed wait,
/// so the handler schedules the growing one), and the last allowed attempt moves it to ingest-poison instead.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestQueueFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int MaxDequeueCount = 5;
    private FunctionApp app = null!;

    public Task InitializeAsync()
    {
        app = FunctionApp.Create(azurite.ConnectionString, services =>
        {
            var store = new Mock<ICustomerStore>();
            store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(default(Versioned<CustomerRecord>?));
            store.Setup(s => s.CommitAsync(It.IsAny<CustomerRecord>(), It.IsAny<string?>(), It.IsAny<IReadOnlyList<StoredTransaction>>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new InvalidOperationException("Simulated storage fault"));
            services.RemoveAll<ICustomerStore>();
            services.AddSingleton(store.Object);
            services.Configure<IngestOptions>(o => o.RetryDelay = TimeSpan.Zero);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Failing_delivery_is_put_back_before_the_last_attempt_and_is_poisoned_with_its_reason_on_it()
    {
        var marker = "fn-poison-" + Guid.NewGuid().ToString("N");
        Assert.Equal(202, (await app.InvokeHttpAsync("PosTransactions", PosTransaction(marker))).Status);

        // Each attempt completes, so the host deletes the message; attempts 1..4 leave a copy that carries the count.
        var taken = new List<string>();
        for (var attempt = 1; attempt <= MaxDequeueCount; attempt++)
        {
            taken.Add((await QueueTriggerDriver.DeliverIngestAsync(app, marker)).Text);
        }

        Assert.Equal([0, 1, 2, 3, 4], taken.Select(t => IngestRetryMessage.Read(t).AttemptsMade));
        var poisoned = await QueueTriggerDriver.WaitForAsync(Queue(Triggers.IngestPoisonQueue), marker);
        var entry = JsonSerializer.Deserialize<PoisonEntry>(poisoned.Text, JsonSerializerOptions.Web)!;
        Assert.Equal("Simulated storage fault", entry.Reason);
        Assert.Equal(MaxDequeueCount, entry.DequeueCount);
        // The envelope as first queued, so it can be replayed from its first attempt.
        Assert.Equal(taken[0], entry.Message);
        Assert.Contains(marker, IngestEnvelopeSerializer.Deserialize(entry.Message!).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_that_is_not_an_envelope_is_poisoned_on_the_first_attempt()
    {
        var marker = "fn-garbage-" + Guid.NewGuid().ToString("N");

        await app.Create<IngestQueueFunction>().Run("not an envelope " + marker, 1, CancellationToken.None);

        var poisoned = await QueueTriggerDriver.WaitForAsync(Queue(Triggers.IngestPoisonQueue), marker);
        var entry = JsonSerializer.Deserialize<PoisonEntry>(poisoned.Text, JsonSerializerOptions.Web)!;
        Assert.Equal(1, entry.DequeueCount);
        Assert.Equal("not an envelope " + marker, entry.Message);
    }

    private IMessageQueue Queue(string name) => app.Services.GetRequiredService<IMessageQueueFactory>().Get(name);

    internal static FunctionRequest PosTransaction(string marker, string occurredAt = "2024-04-06T10:15:00+02:00") =>
        FunctionRequest.Json(
            "POST",
            Triggers.PosTransactionsRoute,
            JsonSerializer.Serialize(new
            {
                id = marker,
                occurredAt,
                currency = "EUR",
                total = 25.00m,
                location = "store-12",
                customer = new { email = marker + "@example.com" },
                lines = new[] { new { sku = "BAG", category = "Bags", quantity = 1, amount = 25.00m } },
            }),
            new Dictionary<string, string> { ["x-api-key"] = FunctionSettings.ApiKey });
}
