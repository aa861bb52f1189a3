using ChurnFunctions.Core.Telemetry;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ChurnFunctions.Core.Tests.Support;

namespace ChurnFunctions.Core.Tests.Campaigns.Runtime;

public sealed class FrequencyCapsTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-06-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly MemoryReservations reservations = new();
    private readonly MemoryLedger ledger = new();
    private readonly CountingSender email = new();
    private readonly CountingSender sms = new();
    private readonly MetricRecorder recorder = new();
    private readonly LedgeredSender sender;

    public FrequencyCapsTests()
    {
        var caps = new FrequencyCaps(reservations, Options.Create(new CampaignOptions { EmailMinInterval = TimeSpan.FromDays(3) }));
        sender = new LedgeredSender(ledger, email, sms, Options.Create(new CampaignRuntimeOptions()), NullLogger<LedgeredSender>.Instance, recorder.Metrics, caps);
    }

    [Fact]
    public async Task Two_campaigns_sending_to_one_address_at_once_send_one_email_and_defer_the_other_to_the_window_end()
    {
        var sends = await Task.WhenAll(
            sender.SendAsync(Email("a-1:email1", "Ada@Example.com"), 0, Now, CancellationToken.None),
            sender.SendAsync(Email("b-1:email1", "ada@example.com"), 0, Now, CancellationToken.None));

        Assert.Equal(1, email.Total);
        Assert.Single(sends, s => s.Result?.Status == SendStatus.Sent);
        Assert.Single(sends, s => s.Result is null && s.BusyUntil == Now.AddDays(3));
        // Only the provider call counts as a send; the deferred one made none.
        Assert.Equal(1, recorder.Sum(ChurnMetrics.SendsName, ("channel", "email"), ("outcome", "sent")));
        Assert.Equal(1, recorder.Count(ChurnMetrics.SendsName));
    }

    [Fact]
    public async Task The_deferred_send_goes_out_once_the_window_has_passed()
    {
        await sender.SendAsync(Email("a-1:email1", "ada@example.com"), 0, Now, CancellationToken.None);

        var early = await sender.SendAsync(Email("b-1:email1", "ada@example.com"), 0, Now.AddDays(3).AddMinutes(-1), CancellationToken.None);
        var due = await sender.SendAsync(Email("b-1:email1", "ada@example.com"), 0, Now.AddDays(3), CancellationToken.None);

        Assert.Null(early.Result);
        Assert.Equal(SendStatus.Sent, due.Result?.Status);
        Assert.Equal(2, email.Total);
    }

    [Fact]
    public async Task A_send_that_failed_releases_the_channel_for_the_next_one()
    {
        email.NextResults.Enqueue(new SendResult(SendStatus.Rejected, ErrorCode: "400"));
        var failed = await sender.SendAsync(Email("a-1:email1", "ada@example.com"), 0, Now, CancellationToken.None);
        var next = await sender.SendAsync(Email("b-1:email1", "ada@example.com"), 0, Now.AddMinutes(1), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, failed.Result?.Status);
        Assert.Equal(SendStatus.Sent, next.Result?.Status);
    }

    [Fact]
    public async Task Other_recipients_and_the_other_channel_are_not_held_by_a_send()
    {
        await sender.SendAsync(Email("a-1:email1", "ada@example.com"), 0, Now, CancellationToken.None);

        var otherAddress = await sender.SendAsync(Email("a-2:email1", "bob@example.com"), 0, Now, CancellationToken.None);
        var otherChannel = await sender.SendAsync(new SendSms("sms1", "a-1:sms1", new SmsMessage("a-1:sms1", "+15550001", "Hi")), 0, Now, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, otherAddress.Result?.Status);
        Assert.Equal(SendStatus.Sent, otherChannel.Result?.Status);
    }

    [Fact]
    public void Reservation_keys_hold_no_address()
    {
        var key = FrequencyCaps.KeyFor(Core.Domain.MessageChannel.Email, "Ada@Example.com");

        Assert.Equal(FrequencyCaps.KeyFor(Core.Domain.MessageChannel.Email, " ada@example.com"), key);
        Assert.DoesNotContain("ada", key, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("email-", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_send_writes_over_its_own_reservation_without_reading_it_again()
    {
        await sender.SendAsync(Email("a-1:email1", "ada@example.com"), 0, Now, CancellationToken.None);

        var row = await reservations.GetAsync(FrequencyCaps.KeyFor(Core.Domain.MessageChannel.Email, "ada@example.com"), CancellationToken.None);
        // The reservation's read and insert, then the keep's one conditional write.
        Assert.Equal(2, reservations.Reads);
        Assert.Equal(2, reservations.Writes);
        Assert.Equal(Now, row!.Value.LastSentAt);
        Assert.Equal(Now.AddDays(3), row.Value.HeldUntil);
    }

    [Fact]
    public async Task A_keep_on_a_row_changed_since_the_reservation_reads_it_again_and_keeps_only_its_own_hold()
    {
        var caps = new FrequencyCaps(reservations, Options.Create(new CampaignOptions { EmailMinInterval = TimeSpan.FromDays(3) }));
        var key = FrequencyCaps.KeyFor(Core.Domain.MessageChannel.Email, "ada@example.com");
        var mine = await caps.ReserveAsync(Core.Domain.MessageChannel.Email, "ada@example.com", "a-1:email1", Now, CancellationToken.None);
        // Another writer touches the row after the reservation (same holder, new ETag).
        var touched = await reservations.GetAsync(key, CancellationToken.None);
        await reservations.TryReplaceAsync(touched!.Value, touched.ETag, CancellationToken.None);

        await caps.KeepAsync(Core.Domain.MessageChannel.Email, "ada@example.com", "a-1:email1", Now, mine.Held, CancellationToken.None);
        var kept = await reservations.GetAsync(key, CancellationToken.None);
        // A row taken by another send since is left alone.
        await reservations.TryReplaceAsync(kept!.Value with { Holder = "b-1:email1" }, kept.ETag, CancellationToken.None);
        await caps.ReleaseAsync(Core.Domain.MessageChannel.Email, "ada@example.com", "a-1:email1", mine.Held, CancellationToken.None);
        var taken = await reservations.GetAsync(key, CancellationToken.None);

        Assert.Null(mine.BusyUntil);
        Assert.Equal(Now, kept.Value.LastSentAt);
        Assert.Equal("a-1:email1", kept.Value.Holder);
        Assert.Equal("b-1:email1", taken!.Value.Holder);
        Assert.Equal(Now.AddDays(3), taken.Value.HeldUntil);
    }

    private static SendEmail Email(string sendId, string to) =>
        new("email1", sendId, new EmailMessage(sendId, to, "Hi", "Hello"));

    public void Dispose() => recorder.Dispose();
}
