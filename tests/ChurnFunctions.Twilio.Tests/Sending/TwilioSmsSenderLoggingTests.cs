using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.Twilio.Tests.Support;

namespace ChurnFunctions.Twilio.Tests.Sending;

public sealed class TwilioSmsSenderLoggingTests
{
    [Fact]
    public async Task Logs_carry_the_send_id_but_never_the_token_the_number_or_the_body()
    {
        await using var server = await FakeTwilioServer.StartAsync();
        server.AddOptedOut("+15550000001");
        server.FailNext(1, FakeTwilioFault.ServerError);
        server.FailNext(1, FakeTwilioFault.AcceptThenDrop);
        var logger = new CapturingLogger<TwilioSmsSender>();
        using var sender = new TwilioSmsSender(Senders.For(server), logger);

        await sender.SendAsync(new SmsMessage("send-a", "+15550000009", "Secret offer body"), CancellationToken.None);
        await sender.SendAsync(new SmsMessage("send-b", "+15550000001", "Secret offer body"), CancellationToken.None);
        await sender.SendAsync(new SmsMessage("send-c", "not-a-number-15550000003", "Secret offer body"), CancellationToken.None);

        var log = string.Join("\n", logger.Lines);
        Assert.Contains("send-a", log, StringComparison.Ordinal);
        Assert.Contains("send-b", log, StringComparison.Ordinal);
        Assert.DoesNotContain(server.AuthToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain("1555000000", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret offer", log, StringComparison.Ordinal);
    }
}
