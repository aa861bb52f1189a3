using System.Net;
using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.IntegrationTests.Ingest;

[Collection(AzuriteCollection.Name)]
public sealed class PoisonQueueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_message_that_always_fails_lands_in_the_poison_queue_after_five_tries_with_its_reason()
    {
        const string email = "always-fails@example.com";
        FailingCustomerStore? failing = null;
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString, services: s =>
        {
            s.AddSingleton<TableCustomerStore>();
            s.Replace(ServiceDescriptor.Singleton<ICustomerStore>(sp => failing = new FailingCustomerStore(sp.GetRequiredService<TableCustomerStore>(), email)));
        });
        var poison = host.Storage.GetQueueClient(Triggers.IngestPoisonQueue);
        await poison.CreateIfNotExistsAsync(default);
        await poison.ClearAsync(default);
        var body = Payloads.PosTransaction("T-POISON-1", email, 12m);

        var response = await host.Client.SendAsync(Payloads.Pos(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await SelfHostRunner.EventuallyAsync(() => poison.GetApproximateCountAsync(default), n => n > 0);
        var message = Assert.Single(await poison.ReceiveAsync(32, TimeSpan.FromMinutes(1), default));
        var entry = JsonSerializer.Deserialize<PoisonEntry>(message.Text, JsonSerializerOptions.Web)!;
        Assert.Equal(5, entry.DequeueCount);
        Assert.Contains("Simulated storage fault", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(body, IngestEnvelopeSerializer.Deserialize(entry.Message!).Body);
        Assert.Equal(5, failing!.FailedCommits);

        // The poison entry is written before the original is deleted; on a busy machine the delete can come later.
        await SelfHostRunner.EventuallyAsync(() => host.Storage.GetQueueClient(Triggers.IngestQueue).GetApproximateCountAsync(default), n => n == 0);
    }
}
