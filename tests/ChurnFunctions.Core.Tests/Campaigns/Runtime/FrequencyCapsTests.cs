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

    private static SendEmail Email(string sendId, string to) =>
        new("email1", sendId, new EmailMessage(sendId, to, "Hi", "Hello"));

    public void Dispose() => recorder.Dispose();
}
