using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;
using ChurnFunctions.Testing;
using ChurnFunctions.Testing.Hostile;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>
/// The hostile corpus over real HTTP into a self-host on Azurite, its queue listener running: no delivery gets a 5xx,
/// and every delivery answered 202 is stored, with nothing in ingest-poison once the ingest queue has drained.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileIntakeTests(AzuriteFixture azurite)
{
    private const int GeneratedBodies = 250;

    [Fact]
    public async Task Hostile_deliveries_are_refused_or_stored_never_failed_or_poisoned()
    {
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString);
        var ingest = host.Storage.GetQueueClient(Triggers.IngestQueue);
        var poison = host.Storage.GetQueueClient(Triggers.IngestPoisonQueue);
        await poison.CreateIfNotExistsAsync(default);
        await poison.ClearAsync(default);
        await ingest.CreateIfNotExistsAsync(default);
        await ingest.ClearAsync(default);
        var bodies = HostileBodies.Named().ToList();
        HostileBodies.Generated.Sample(bodies.Add, iter: GeneratedBodies, threads: 1);

        var accepted = new List<HostileBody>();
        var failures = new List<string>();
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            using var response = await host.Client.SendAsync(Request(body));
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                refusals[body.ToString()] = await response.Content.ReadAsStringAsync();
            }

            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            else if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add(body);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        using (var problem = JsonDocument.Parse(refusals["pos/cjk-id-of-128-characters"]))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("id", out _), problem.RootElement.ToString());
        }

        using (var problem = JsonDocument.Parse(refusals["shopify/lone-surrogate-email"]))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("email", out _), problem.RootElement.ToString());
        }

        await SelfHostRunner.EventuallyAsync(() => ingest.GetApproximateCountAsync(default), n => n == 0, TimeSpan.FromMinutes(3));
        // Only this test's deliveries count: another test's host may share the queues of the one Azurite.
        var sent = accepted.Select(b => b.Body).ToHashSet(StringComparer.Ordinal);
        var poisoned = (await poison.ReceiveAsync(32, TimeSpan.FromMinutes(1), default)).Select(m => Entry(m.Text)).Where(e => IsOurs(e, sent)).ToList();
        Assert.True(poisoned.Count == 0, "Accepted then poisoned: " + string.Join(Environment.NewLine, poisoned.Select(e => $"{e.Error}: {e.Reason}")));

        var stored = await StoredTransactionKeysAsync(host);
        var registry = host.Services.GetRequiredService<SourceNormalizerRegistry>();
        var missing = accepted
            .SelectMany(body => registry.Get(body.Source).Normalize(Envelope(body)).Transactions.Select(t => (body, t.Transaction)))
            .Where(x => !stored.Contains(TransactionRowKey(x.Transaction.Source, x.Transaction.ExternalId)))
            .Select(x => x.body.ToString())
            .ToList();
        Assert.True(missing.Count == 0, "Accepted but not stored: " + string.Join(", ", missing));
        Assert.NotEmpty(accepted);
        Assert.True(accepted.Count < bodies.Count, "every hostile body was accepted");
    }

    private static async Task<HashSet<string>> StoredTransactionKeysAsync(SelfHostRunner host)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var query = new TableQuery($"RowKey ge {TableQuery.Literal("tx|")} and RowKey lt {TableQuery.Literal("tx}")}", ["RowKey"]);
        await foreach (var entity in host.Storage.GetTableClient(TableCustomerStore.TableName).QueryAsync(query, default))
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }

    private static string TransactionRowKey(string source, string externalId) =>
        "tx|" + KeyEncoder.Encode(source) + "|" + KeyEncoder.Encode(externalId);

    private static PoisonEntry Entry(string text) => JsonSerializer.Deserialize<PoisonEntry>(text, JsonSerializerOptions.Web)!;

    // An entry or envelope that went by claim check cannot be matched here; it counts as ours, failing on the safe side.
    private static bool IsOurs(PoisonEntry entry, HashSet<string> sent)
    {
        if (entry.Message is not { } message)
        {
            return true;
        }

        try
        {
            return IngestEnvelopeSerializer.Split(message).Select(IngestEnvelopeSerializer.Deserialize)
                .Any(e => e.BodyBlob is not null || (e.Body is { } body && sent.Contains(body)));
        }
        catch (InvalidIngestMessageException)
        {
            return false;
        }
    }

    private static IngestEnvelope Envelope(HostileBody body) =>
        new(body.Source, DateTimeOffset.UtcNow, Headers(body), body.Body);

    private static Dictionary<string, string> Headers(HostileBody body) => body switch
    {
        { Source: "shopify", Topic: { } topic } => new() { ["X-Shopify-Topic"] = topic },
        { Source: "woocommerce", Topic: { } topic } => new() { ["X-WC-Webhook-Topic"] = topic },
        _ => [],
    };

    private static HttpRequestMessage Request(HostileBody body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.Body);
        var request = new HttpRequestMessage(HttpMethod.Post, body.Source switch
        {
            "shopify" => "/api/" + Triggers.ShopifyWebhookRoute,
            "woocommerce" => "/api/" + Triggers.WooCommerceWebhookRoute,
            "square" => "/api/" + Triggers.SquareWebhookRoute,
            _ => "/api/" + Triggers.PosTransactionsRoute,
        })
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        foreach (var (name, value) in Headers(body))
        {
            request.Headers.Add(name, value);
        }

        switch (body.Source)
        {
            case "shopify":
                request.Headers.Add("X-Shopify-Event-Id", Guid.NewGuid().ToString());
                request.Headers.Add("X-Shopify-Hmac-Sha256", Sign(Secrets.Shopify, bytes));
                break;
            case "woocommerce":
                request.Headers.Add("X-WC-Webhook-Signature", Sign(Secrets.WooCommerce, bytes));
                break;
            case "square":
                request.Headers.Add("x-square-hmacsha256-signature", Sign(Secrets.SquareKey, [.. Encoding.UTF8.GetBytes(Secrets.SquareUrl), .. bytes]));
                break;
            default:
                request.Headers.Add("x-api-key", Secrets.ApiKey);
                break;
        }

        return request;
    }

    private static string Sign(string key, byte[] data) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), data));
}
