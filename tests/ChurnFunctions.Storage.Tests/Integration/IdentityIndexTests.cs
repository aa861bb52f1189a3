using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class IdentityIndexTests(AzuriteFixture azurite) : IDisposable
{
    private readonly StorageAccount _account = StorageAccount.FromConnectionString(azurite.ConnectionString);

    [Fact]
    public async Task Twenty_concurrent_claims_of_one_key_agree_on_one_holder()
    {
        var index = new TableIdentityIndex(_account);
        var key = "email:" + Guid.NewGuid().ToString("N") + "@x.y";

        var holders = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => index.ClaimAsync(key, "c" + i, default)));

        var holder = Assert.Single(holders.Distinct());
        Assert.Equal(holder, await index.FindAsync(key, default));
    }

    [Fact]
    public async Task Claim_find_and_assign_follow_the_key()
    {
        var index = new TableIdentityIndex(_account);
        var key = "shopify:" + Guid.NewGuid().ToString("N") + "/#?|'";

        Assert.Null(await index.FindAsync(key, default));
        Assert.Equal("a", await index.ClaimAsync(key, "a", default));
        Assert.Equal("a", await index.ClaimAsync(key, "b", default));
        await index.AssignAsync(key, "b", default);
        Assert.Equal("b", await index.FindAsync(key, default));
    }

    public void Dispose() => _account.Dispose();
}
