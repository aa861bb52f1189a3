using System.Diagnostics;
using System.Globalization;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage;
using ChurnFunctions.Storage.Queues;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>
/// The storage work one webhook cannot do without, with no ChurnFunctions code in between: C workers each, per
/// simulated webhook, put the envelope on a queue (base64, as the app does), get one message, delete it, insert a
/// transaction-sized entity, read the buyer's aggregate and replace it with If-Match. Buyers are drawn like the real
/// run's (same seed, uniform over M), so two workers can race on one aggregate: a 412 is re-read and re-applied, as
/// the app does, and counted. Own queue and table, so the app's data is untouched; the app's StorageAccount, so the
/// same SDK clients (Azure.Data.Tables, Azure.Storage.Queues), transport, authentication and retry policy.
/// </summary>
internal sealed class StorageCeiling(StorageAccount storage, int customers, int seed, StorageCallSplit? split = null)
{
    private const string QueueName = "bench-ceiling";
    private const string TableName = "benchceiling";
    private static readonly DateTimeOffset FirstOrderAt = new(2024, 1, 1, 9, 0, 0, TimeSpan.FromHours(-5));

    private readonly QueueClient _queue = storage.GetQueueClient(QueueName);
    private const string IdentityTableName = "benchceilingidentities";
    private readonly TableClient _table = storage.GetTableClient(TableName);
    private readonly TableClient _identities = storage.GetTableClient(IdentityTableName);
    private readonly Random _random = new(seed);
    private long _nextOrder = 9_400_000_000;

    /// <summary>Creates the queue and table and one aggregate per customer, so every simulated webhook reads and updates one.</summary>
    public async Task PrepareAsync(int concurrency)
    {
        await _queue.CreateIfNotExistsAsync(CancellationToken.None);
        await _table.CreateIfNotExistsAsync(CancellationToken.None);
        await _identities.CreateIfNotExistsAsync(CancellationToken.None);
        await Parallel.ForEachAsync(Enumerable.Range(1, customers), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (c, ct) =>
        {
            await _table.UpsertAsync(Profile(c, orders: 1, days: "730120"), TableUpdateMode.Replace, ct);
        });
    }

    /// <param name="pipelineShape">
    /// False: the minimum work above. True (a diagnostic, --split): the requests the pipeline makes for a returning
    /// buyer, still without ChurnFunctions code and with one delivery per message: put, get, delete, the aggregate
    /// read, one batch (tx insert + If-Match replace) and the order-index upsert; 6 requests, as the minimum.
    /// </param>
    public async Task<CeilingResult> RunAsync(int webhooks, int concurrency, string envelopeText, bool pipelineShape = false)
    {
        var buyers = Enumerable.Range(0, webhooks).Select(_ => _random.Next(1, customers + 1)).ToArray();
        var orders = Enumerable.Range(0, webhooks).Select(_ => _nextOrder++).ToArray();
        long conflicts = 0, emptyReceives = 0;
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < webhooks)
            {
                var (c, e) = pipelineShape
                    ? await PipelineShapedWebhookAsync(buyers[i], orders[i], envelopeText)
                    : await OneWebhookAsync(buyers[i], orders[i], envelopeText);
                Interlocked.Add(ref conflicts, c);
                Interlocked.Add(ref emptyReceives, e);
            }
        }));
        await Task.WhenAll(workers);
        return new CeilingResult(webhooks, Stopwatch.GetElapsedTime(start), conflicts, emptyReceives, 6);
    }

    private async Task<(int Conflicts, int EmptyReceives)> PipelineShapedWebhookAsync(int customer, long orderId, string envelopeText)
    {
        var ct = CancellationToken.None;
        await _queue.SendAsync(envelopeText, null, ct);
        var empty = 0;
        IReadOnlyList<QueueMessage> received;
        while ((received = await _queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), ct)).Count == 0)
        {
            empty++;
        }

        var conflicts = 0;
        while (true)
        {
            var profile = await _table.GetEntityAsync(PartitionKey(customer), "profile", ct)
                ?? throw new InvalidOperationException("Ceiling: an aggregate is missing.");
            var orders = (profile.GetInt32("OrderCount") ?? 0) + 1;
            var result = await _table.SubmitBatchAsync(
                [
                    TableBatchOperation.Insert(Transaction(customer, orderId)),
                    TableBatchOperation.Update(Profile(customer, orders, profile.GetString("PurchaseDays") + ",1"), profile.ETag!, TableUpdateMode.Replace),
                ],
                ct);
            // Succeeded, or a retried batch whose first attempt landed (its insert now conflicts): done either way.
            if (result.Succeeded || (result.FailedIndex == 0 && result.FailedStatus == TableWriteStatus.Conflict))
            {
                break;
            }

            conflicts++;
        }

        await _identities.UpsertAsync(Identity($"order:shopify:order:{orderId}", customer), TableUpdateMode.Replace, ct);
        await _queue.DeleteAsync(received[0].MessageId, received[0].PopReceipt, ct);
        return (conflicts, empty);
    }

    private static TableEntity Identity(string key, int customer) => new(key, string.Empty) { ["CustomerId"] = PartitionKey(customer) };

    private async Task<(int Conflicts, int EmptyReceives)> OneWebhookAsync(int customer, long orderId, string envelopeText)
    {
        var ct = CancellationToken.None;
        await Timed("ceiling queue put", () => _queue.SendAsync(envelopeText, null, ct));
        var empty = 0;
        IReadOnlyList<QueueMessage> received;
        while ((received = await Timed("ceiling queue get", () => _queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), ct))).Count == 0)
        {
            empty++;
        }

        await Timed("ceiling queue delete", () => _queue.DeleteAsync(received[0].MessageId, received[0].PopReceipt, ct));
        var insert = await Timed("ceiling tx insert", () => _table.InsertAsync(Transaction(customer, orderId), ct));
        // A 409 after a retried insert is this insert's own lost success (docs/storage-design.md): fine.
        if (!insert.Succeeded && insert.Status != TableWriteStatus.Conflict)
        {
            throw new InvalidOperationException($"Ceiling: transaction insert failed with {insert.Status}.");
        }

        var conflicts = 0;
        while (true)
        {
            var profile = await Timed("ceiling aggregate get", () => _table.GetEntityAsync(PartitionKey(customer), "profile", ct))
                ?? throw new InvalidOperationException("Ceiling: an aggregate is missing.");
            var orders = (profile.GetInt32("OrderCount") ?? 0) + 1;
            var days = profile.GetString("PurchaseDays") + ",1";
            var update = await Timed("ceiling aggregate If-Match replace", () => _table.UpdateAsync(Profile(customer, orders, days), profile.ETag!, TableUpdateMode.Replace, ct));
            if (update.Succeeded)
            {
                return (conflicts, empty);
            }

            if (update.Status != TableWriteStatus.PreconditionFailed)
            {
                throw new InvalidOperationException($"Ceiling: aggregate update failed with {update.Status}.");
            }

            conflicts++;
        }
    }

    private Task<T> Timed<T>(string operation, Func<Task<T>> call) => split is null ? call() : split.TimeAsync(operation, call);

    private static string PartitionKey(int customer) => "shopify:" + WebhookFactory.ShopifyCustomerId(customer).ToString(CultureInfo.InvariantCulture);

    /// <summary>The columns and sizes of the app's transaction row (docs/storage-design.md).</summary>
    private static TableEntity Transaction(int customer, long orderId)
    {
        var at = FirstOrderAt.AddMinutes(orderId % 100_000 * 7);
        return new TableEntity(PartitionKey(customer), $"tx|shopify|order:{orderId}")
        {
            ["Source"] = "shopify",
            ["ExternalId"] = $"order:{orderId}",
            ["Kind"] = "Purchase",
            ["OccurredAt"] = at.ToString("o", CultureInfo.InvariantCulture),
            ["Currency"] = "USD",
            ["GrossTotal"] = "48.75",
            ["Discounts"] = "0",
            ["Channel"] = "Online",
            ["EventId"] = $"evt-{orderId}",
            ["StoredAt"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            ["Lines"] = """[{"Sku":"TR-42","Category":"Footwear","Quantity":1,"Amount":48.75},{"Sku":"WS-3","Category":"Accessories","Quantity":2,"Amount":0}]""",
        };
    }

    /// <summary>The columns and sizes of the app's "profile" row.</summary>
    private static TableEntity Profile(int customer, int orders, string days)
    {
        var id = WebhookFactory.ShopifyCustomerId(customer).ToString(CultureInfo.InvariantCulture);
        return new TableEntity(PartitionKey(customer), "profile")
        {
            ["Id"] = "shopify:" + id,
            ["Email"] = WebhookFactory.Email(customer),
            ["FirstName"] = "Bench",
            ["LastName"] = "Buyer" + customer.ToString(CultureInfo.InvariantCulture),
            ["IsAnonymous"] = false,
            ["FirstPurchaseAt"] = "2024-01-01T09:00:00.0000000-05:00",
            ["LastPurchaseAt"] = "2024-02-11T14:35:00.0000000-05:00",
            ["OrderCount"] = orders,
            ["RefundCount"] = 0,
            ["GrossSpend"] = (orders * 48.75m).ToString(CultureInfo.InvariantCulture),
            ["NetSpend"] = (orders * 48.75m).ToString(CultureInfo.InvariantCulture),
            ["FirstDaySpend"] = "48.75",
            ["Currency"] = "USD",
            ["OtherCurrencyTransactions"] = 0,
            ["PlatformKeys"] = $"[\"shopify:{id}\"]",
            ["Consents"] = """[{"Channel":"Email","Granted":true,"Source":"shopify","At":"2023-06-01T10:00:00-05:00"}]""",
            ["PurchaseDays"] = days,
            ["CategorySpend"] = """{"Footwear":48.75,"Accessories":0}""",
        };
    }
}

/// <summary>Simulated webhooks completed, how long they took, 412s re-applied and receives that found nothing.</summary>
internal sealed record CeilingResult(int Webhooks, TimeSpan Elapsed, long Conflicts, long EmptyReceives, int RequestsPerWebhook)
{
    public double RequestsPerSecond => WebhooksPerSecond * RequestsPerWebhook;

    public double WebhooksPerSecond => Webhooks / Elapsed.TotalSeconds;
}
