using ChurnFunctions.Storage.Tables;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

public sealed class AzuriteOutageTests : IClassFixture<PersistentAzuriteFixture>
{
    private readonly PersistentAzuriteFixture _azurite;

    public AzuriteOutageTests(PersistentAzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Stopped_azurite_fails_fast_and_restarts_on_the_same_ports_with_its_data()
    {
        using var account = StorageAccount.FromConnectionString(_azurite.ConnectionString, o =>
        {
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.Zero;
        });
        var table = account.GetTableClient("outage");
        await table.CreateIfNotExistsAsync(default);
        await table.UpsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, TableUpdateMode.Replace, default);
        var ports = (_azurite.BlobPort, _azurite.QueuePort, _azurite.TablePort);

        _azurite.Stop();
        var during = await Assert.ThrowsAsync<StorageException>(() => table.GetEntityAsync("p", "r", default));
        await _azurite.StartAsync();
        var after = await table.GetEntityAsync("p", "r", default);

        Assert.IsType<HttpRequestException>(during.InnerException);
        Assert.Equal(ports, (_azurite.BlobPort, _azurite.QueuePort, _azurite.TablePort));
        Assert.Equal(1, after!.GetInt32("V"));
    }
}
