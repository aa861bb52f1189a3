using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>A batch part of which is stored already: one lookup on Azurite says which, and the rest is stored once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DuplicateBatchTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_batch_with_rows_stored_before_stores_only_the_new_ones_and_counts_the_rest()
    {
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString, listenToQueues: false);
        var processor = host.Services.GetRequiredService<IngestProcessor>();
        var buyer = new CustomerIdentity($"csv:DUP-{Guid.NewGuid():N}", null, null);
        var rows = Enumerable.Range(1, 5).Select(i => new NormalizedTransaction(Purchase($"D-{i}", i), buyer)).ToList();
        await processor.ProcessAsync([rows[1], rows[3]], default);

        var outcome = await processor.ProcessAsync(rows, default);

        Assert.Equal(new IngestOutcome(3, 2), outcome);
        var customerId = (await host.Services.GetRequiredService<IIdentityIndex>().FindAsync(buyer.PlatformKey!, default))!;
        var record = (await host.Services.GetRequiredService<ICustomerStore>().GetAsync(customerId, default))!.Value;
        Assert.Equal((5, 15m), (record.OrderCount, record.GrossSpend));
        var lookup = host.Services.GetRequiredService<ITransactionLookup>();
        var missing = Purchase("D-missing", 1);
        Assert.Equal([true, false], await lookup.StoredAsync(customerId, [rows[0].Transaction, missing], default));
    }

    private static Transaction Purchase(string id, decimal total) =>
        new("csv", id, TransactionKind.Purchase, new DateTimeOffset(2024, 2, 3, 10, 0, 0, TimeSpan.Zero), "USD", total, 0m, [], SalesChannel.Online);
}
