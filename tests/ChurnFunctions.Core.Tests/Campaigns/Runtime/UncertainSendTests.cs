using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ChurnFunctions.Core.Tests.Support;

namespace ChurnFunctions.Core.Tests.Campaigns.Runtime;

public sealed class UncertainSendTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-06-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);
    private static readonly SendResult AnswerLost = new(SendStatus.Transient, null, "connection", "lost", MaybeSent: true);
    private readonly MemoryLedger ledger = new();
    private readonly CountingSender email = new();

    [Fact]
    public async Task A_lost_answer_is_not_sent_again_within_the_window_and_keeps_the_cap()
    {
        var sender = Sender(resend: true);
        email.NextResults.Enqueue(AnswerLost);

        var first = await sender.SendAsync(Email("a-1:email1"), 0, Now, CancellationToken.None);
        var again = await sender.SendAsync(Email("a-1:email1"), 0, Now.AddMinutes(10), CancellationToken.None);
        var otherCampaign = await sender.SendAsync(Email("b-1:email1"), 0, Now.AddMinutes(10), CancellationToken.None);

        Assert.Equal(Now + Window, first.BusyUntil);
        Assert.Null(first.Result);
        Assert.Equal(Now + Window, again.BusyUntil);
        Assert.Null(otherCampaign.Result);
        Assert.Equal(SendLedgerStatus.Uncertain, ledger["a-1:email1"]!.Status);
        Assert.Equal(0, email.Total);
    }

    [Fact]
    public async Task A_provider_event_for_the_send_confirms_it_so_it_is_never_sent_again()
    {
        var sender = Sender(resend: true);
        email.NextResults.Enqueue(AnswerLost);
        await sender.SendAsync(Email("a-1:email1"), 0, Now, CancellationToken.None);

        await new SendReconciler(ledger, NullLogger<SendReconciler>.Instance).ConfirmAsync("a-1:email1", CancellationToken.None);
        var afterWindow = await sender.SendAsync(Email("a-1:email1"), 0, Now + Window, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, afterWindow.Result?.Status);
        Assert.True(afterWindow.FromLedger);
        Assert.Equal(0, email.Total);
    }

    [Fact]
    public async Task With_no_event_by_the_window_end_the_send_goes_again_when_resending_is_on()
    {
        var sender = Sender(resend: true);
        email.NextResults.Enqueue(AnswerLost);
        await sender.SendAsync(Email("a-1:email1"), 0, Now, CancellationToken.None);

        var afterWindow = await sender.SendAsync(Email("a-1:email1"), 0, Now + Window, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, afterWindow.Result?.Status);
        Assert.False(afterWindow.FromLedger);
        Assert.Equal(1, email.Count("a-1:email1"));
    }

    [Fact]
    public async Task With_no_event_by_the_window_end_the_send_counts_as_sent_when_resending_is_off()
    {
        var sender = Sender(resend: false);
        email.NextResults.Enqueue(AnswerLost);
        await sender.SendAsync(Email("a-1:email1"), 0, Now, CancellationToken.None);

        var afterWindow = await sender.SendAsync(Email("a-1:email1"), 0, Now + Window, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, afterWindow.Result?.Status);
        Assert.Equal("uncertain", afterWindow.Result?.ErrorCode);
        Assert.Equal(0, email.Total);
        Assert.Equal(SendLedgerStatus.Sent, ledger["a-1:email1"]!.Status);
    }

    private LedgeredSender Sender(bool resend)
    {
        var runtime = Options.Create(new CampaignRuntimeOptions { UncertainSendWindow = Window, ResendUncertainSends = resend });
        var caps = new FrequencyCaps(new MemoryReservations(), Options.Create(new CampaignOptions()));
        return new LedgeredSender(ledger, email, new CountingSender(), runtime, NullLogger<LedgeredSender>.Instance, TestMeters.Metrics(), caps);
    }

    private static SendEmail Email(string sendId) => new("email1", sendId, new EmailMessage(sendId, "ada@example.com", "Hi", "Hello"));
}
