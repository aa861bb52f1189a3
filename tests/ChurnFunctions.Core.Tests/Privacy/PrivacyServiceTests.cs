using System.ComponentModel.DataAnnotations;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.Core.Tests.Privacy;

public sealed class PrivacyServiceTests
{
    private const string Salt = "unit-test-identity-salt";
    private readonly InMemoryCustomerStore store = new();
    private readonly InMemoryIdentityIndex index = new();
    private readonly Mock<ICustomerDataStore> data = new();
    private readonly Mock<IErasureList> erasures = new();
    private readonly Mock<IPrivacyAudit> audit = new();

    public PrivacyServiceTests()
    {
        data.Setup(d => d.EraseAsync(It.IsAny<DataSubject>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, int> { ["customers"] = 1 });
    }

    [Fact]
    public async Task Erasure_without_a_salt_is_refused_and_deletes_nothing()
    {
        await SeedAsync("c1", "a@example.com", "shopify:1");

        var outcome = await Service(salt: null).EraseAsync("c1", "admin-key:test", default);

        Assert.True(outcome.Refused);
        data.Verify(d => d.EraseAsync(It.IsAny<DataSubject>(), It.IsAny<CancellationToken>()), Times.Never);
        erasures.Verify(e => e.AddAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Erasure_hands_the_erased_ids_to_the_hosts_follow_up_and_a_refused_one_does_not()
    {
        await SeedAsync("c1", "a@example.com", "shopify:1");
        data.Setup(d => d.EraseAsync(It.IsAny<DataSubject>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int>());
        var followUp = new Mock<IErasureFollowUp>();

        await Service(salt: null, followUp: followUp.Object).EraseAsync("c1", "admin-key:test", default);
        followUp.Verify(f => f.ErasedAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Never);

        await Service(followUp: followUp.Object).EraseAsync("c1", "admin-key:test", default);
        followUp.Verify(f => f.ErasedAsync(It.Is<IReadOnlyList<string>>(ids => ids.Contains("c1")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Erasure_lists_the_hmac_of_every_identity_before_deleting_and_audits_counts_without_personal_values()
    {
        await SeedAsync("c1", "a@example.com", "shopify:1");
        var order = new List<string>();
        erasures.Setup(e => e.AddAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("listed")).Returns(Task.CompletedTask);
        data.Setup(d => d.EraseAsync(It.IsAny<DataSubject>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("deleted")).ReturnsAsync(new Dictionary<string, int> { ["customers"] = 3 });
        PrivacyAuditEntry? entry = null;
        audit.Setup(a => a.RecordAsync(It.IsAny<PrivacyAuditEntry>(), It.IsAny<CancellationToken>())).Callback<PrivacyAuditEntry, CancellationToken>((e, _) => entry = e);

        await Service().EraseAsync("c1", "admin-key:test", default);

        var hasher = new IdentityHasher(Options.Create(new PrivacyOptions { IdentitySalt = Salt }));
        erasures.Verify(e => e.AddAsync(
            It.Is<IReadOnlyList<string>>(h => h.Contains(hasher.Hash("email:a@example.com")) && h.Contains(hasher.Hash("shopify:1")) && !h.Any(x => x.Contains('@'))),
            It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
        Assert.Equal(["listed", "deleted"], order);
        Assert.Equal("erase", entry!.Action);
        Assert.Equal("c1", entry.CustomerId);
        Assert.Equal(3, entry.Counts["customers"]);
        Assert.DoesNotContain("a@example.com", System.Text.Json.JsonSerializer.Serialize(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shop_redact_erases_the_customers_holding_a_shopify_id_and_no_others()
    {
        await SeedAsync("c1", "a@example.com", "shopify:1");
        await SeedAsync("c2", "b@example.com", "square:2");

        var outcome = await Service().EraseSourceAsync("shopify", "shopify", default);

        Assert.Equal(["c1"], outcome.CustomerIds);
        data.Verify(d => d.EraseAsync(It.Is<DataSubject>(s => s.CustomerId == "c2"), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Erasing_the_surviving_record_also_erases_the_records_merged_into_it()
    {
        var mergedId = CustomerIds.FromIdentityKey("shopify:9");
        await store.SaveAsync(new CustomerRecord { Id = mergedId, Email = "old@example.com", PlatformKeys = ["shopify:9"], MergedInto = "c1" }, null, default);
        await store.SaveAsync(new CustomerRecord { Id = "c1", Email = "a@example.com", PlatformKeys = ["shopify:9", "square:1"] }, null, default);

        var outcome = await Service().EraseAsync("c1", "admin-key:test", default);

        Assert.False(outcome.Refused);
        data.Verify(d => d.EraseAsync(It.Is<DataSubject>(s => s.CustomerId == mergedId && s.Values.Contains("old@example.com")), It.IsAny<CancellationToken>()));
        data.Verify(d => d.EraseAsync(It.Is<DataSubject>(s => s.CustomerId == "c1"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public void Hash_is_hmac_sha256_keyed_by_the_salt()
    {
        var one = new IdentityHasher(Options.Create(new PrivacyOptions { IdentitySalt = Salt }));
        var other = new IdentityHasher(Options.Create(new PrivacyOptions { IdentitySalt = Salt + "-other" }));

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("unit-test-identity-salt"u8, "email:a@example.com"u8));
        Assert.Equal(expected, one.Hash("email:a@example.com"));
        Assert.NotEqual(one.Hash("email:a@example.com"), other.Hash("email:a@example.com"));
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("sixteen-chars-ok", true)]
    public void A_salt_given_must_be_at_least_16_characters(string? salt, bool valid)
    {
        var options = new PrivacyOptions { IdentitySalt = salt };
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public async Task An_erased_buyer_is_known_again_only_after_a_consent_given_after_the_erasure()
    {
        var hasher = new IdentityHasher(Options.Create(new PrivacyOptions { IdentitySalt = Salt }));
        var erasedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        erasures.Setup(e => e.ErasedAtAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(erasedAt);
        var check = new ErasureCheck(erasures.Object, hasher);
        var stale = new CustomerIdentity("shopify:1", "a@example.com", null, Consents: [new ConsentRecord(MessageChannel.Email, true, "shopify", erasedAt.AddDays(-1))]);
        var renewed = stale with { Consents = [new ConsentRecord(MessageChannel.Email, true, "shopify", erasedAt.AddDays(1))] };

        Assert.True(await check.IsErasedAsync(stale, default));
        Assert.False(await check.IsErasedAsync(renewed, default));
        erasures.Verify(e => e.RemoveAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Ingest_stores_an_erased_buyers_sale_as_anonymous_without_their_details()
    {
        var rig = new IngestRig();
        var hasher = new IdentityHasher(Options.Create(new PrivacyOptions { IdentitySalt = Salt }));
        erasures.Setup(e => e.ErasedAtAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(DateTimeOffset.UtcNow);
        var processor = new IngestProcessor(rig.Store, rig.Index, rig.Resolver, rig.Merger, new NoCampaignEvents(), TimeProvider.System,
            NullLogger<IngestProcessor>.Instance, new ErasureCheck(erasures.Object, hasher));
        var buyer = new CustomerIdentity("shopify:1", "a@example.com", "+15550001111", "Ada", "Lovelace");

        await processor.ProcessAsync([new NormalizedTransaction(Tx.Purchase("o1", "2024-03-01T10:00:00Z", 10m), buyer)], default);

        Assert.Null(await rig.Index.FindAsync("email:a@example.com", default));
        var anonymous = (await rig.Store.GetAsync(CustomerIds.Anonymous, default))!.Value;
        Assert.Null(anonymous.Email);
        Assert.Null(anonymous.FirstName);
        Assert.Single(await rig.Store.GetTransactionsAsync(CustomerIds.Anonymous, default));
    }

    private async Task SeedAsync(string id, string email, string platformKey)
    {
        await store.SaveAsync(new CustomerRecord { Id = id, Email = email, PlatformKeys = [platformKey] }, null, default);
        await index.ClaimAsync(IdentityKeys.ForEmail(email), id, default);
        await index.ClaimAsync(platformKey, id, default);
    }

    private PrivacyService Service(string? salt = Salt, IErasureFollowUp? followUp = null)
    {
        var options = Options.Create(new PrivacyOptions { IdentitySalt = salt });
        return new PrivacyService(store, index, data.Object, erasures.Object, audit.Object, new IdentityHasher(options), options, TimeProvider.System,
            NullLogger<PrivacyService>.Instance, followUp is null ? null : [followUp]);
    }
}
