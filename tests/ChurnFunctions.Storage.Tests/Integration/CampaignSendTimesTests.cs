using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Storage.Campaigns;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

/// <summary>The per-customer "sends" row of <see cref="TableCampaignInstanceStore"/>, written on the ETag of the row as last read.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignSendTimesTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    // Two accounts: two runners in two processes.
    private readonly StorageAccount _first = StorageAccount.FromConnectionString(azurite.ConnectionString);
    private readonly StorageAccount _second = StorageAccount.FromConnectionString(azurite.ConnectionString);
    private readonly string _customer = "c-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_send_recorded_on_the_row_as_read_is_stored_and_the_next_one_writes_on_the_returned_version()
    {
        var store = new TableCampaignInstanceStore(_first);
        var none = await store.GetSendTimesAsync(_customer, default);

        var afterEmail = await store.RecordSendAsync(_customer, MessageChannel.Email, At, none, default);
        var afterSms = await store.RecordSendAsync(_customer, MessageChannel.Sms, At.AddMinutes(1), afterEmail, default);
        var stored = await store.GetSendTimesAsync(_customer, default);

        Assert.Null(none.ETag);
        Assert.Equal(At, stored.LastEmailSentAt);
        Assert.Equal(At.AddMinutes(1), stored.LastSmsSentAt);
        Assert.Equal(stored.ETag, afterSms.ETag);
    }

    [Fact]
    public async Task A_row_changed_since_it_was_read_is_read_again_and_a_later_time_is_never_overwritten()
    {
        var one = new TableCampaignInstanceStore(_first);
        var two = new TableCampaignInstanceStore(_second);
        var readByOne = await one.GetSendTimesAsync(_customer, default);
        var readByTwo = await two.GetSendTimesAsync(_customer, default);

        // Both read "no row": the second insert finds the first's row and merges on it, keeping the later time.
        await two.RecordSendAsync(_customer, MessageChannel.Email, At.AddHours(1), readByTwo, default);
        var returned = await one.RecordSendAsync(_customer, MessageChannel.Email, At, readByOne, default);
        var afterStale = await one.GetSendTimesAsync(_customer, default);

        // A stale version for a newer time: the merge is refused (412), the row read again and written.
        await two.RecordSendAsync(_customer, MessageChannel.Sms, At, afterStale, default);
        await one.RecordSendAsync(_customer, MessageChannel.Email, At.AddHours(2), afterStale, default);
        var final = await two.GetSendTimesAsync(_customer, default);

        Assert.Equal(At.AddHours(1), returned.LastEmailSentAt);
        Assert.Equal(At.AddHours(1), afterStale.LastEmailSentAt);
        Assert.Equal(At.AddHours(2), final.LastEmailSentAt);
        Assert.Equal(At, final.LastSmsSentAt);
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
