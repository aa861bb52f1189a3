using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.Testing;
using ChurnFunctions.Twilio.Tests.Support;

namespace ChurnFunctions.Twilio.Tests.Sending;

/// <summary>The sender against the fake Twilio (real Kestrel on 127.0.0.1): answers, faults and exactly-once recovery.</summary>
public sealed class TwilioSmsSenderFakeServerTests : IAsyncLifetime
{
    private FakeTwilioServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeTwilioServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Accepted_message_is_Sent_with_the_sid_and_carries_our_send_id()
    {
        using var sender = new TwilioSmsSender(Senders.For(_server));

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        var accepted = Assert.Single(_server.Accepted);
        Assert.Equal(SendResult.Sent(accepted.Sid), result);
        Assert.Matches("^SM[0-9a-f]{32}$", accepted.Sid);
        Assert.Equal(("send-1", "+15551234567", "Come back"), (accepted.SendId, accepted.To, accepted.Body));
    }

    [Fact]
    public async Task Opted_out_recipient_is_OptedOut_after_one_request()
    {
        _server.AddOptedOut("+15551230000");
        using var sender = new TwilioSmsSender(Senders.For(_server));

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551230000", "Come back"), CancellationToken.None);

        Assert.Equal((SendStatus.OptedOut, "21610"), (result.Status, result.ErrorCode));
        Assert.Equal(1, _server.CreateRequests);
        Assert.Empty(_server.Accepted);
    }

    [Fact]
    public async Task Invalid_number_is_InvalidRecipient_after_one_request()
    {
        using var sender = new TwilioSmsSender(Senders.For(_server));

        var result = await sender.SendAsync(new SmsMessage("send-1", "555-CALL-NOW", "Come back"), CancellationToken.None);

        Assert.Equal((SendStatus.InvalidRecipient, "21211"), (result.Status, result.ErrorCode));
        Assert.Equal(1, _server.CreateRequests);
    }

    [Fact]
    public async Task Other_client_error_is_Rejected_without_retry()
    {
        using var sender = new TwilioSmsSender(Senders.For(_server));

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", string.Empty), CancellationToken.None);

        Assert.Equal((SendStatus.Rejected, "21602"), (result.Status, result.ErrorCode));
        Assert.Equal(1, _server.CreateRequests);
    }

    [Fact]
    public async Task Wrong_auth_token_is_Rejected_without_retry()
    {
        var options = Senders.For(_server);
        options.AuthToken = "not-the-token";
        using var sender = new TwilioSmsSender(options);

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        Assert.Equal((SendStatus.Rejected, "20003"), (result.Status, result.ErrorCode));
        Assert.Equal(1, _server.CreateRequests);
    }

    [Theory]
    [InlineData(FakeTwilioFault.TooManyRequests)]
    [InlineData(FakeTwilioFault.ServerError)]
    [InlineData(FakeTwilioFault.Drop)]
    [InlineData(FakeTwilioFault.Hang)]
    public async Task One_transient_fault_is_retried_once_and_sent_once(FakeTwilioFault fault)
    {
        _server.FailNext(1, fault);
        // Only the hang needs the attempt to time out; any other attempt gets a timeout a loaded machine cannot hit,
        // or a slow retry would be timed out, looked up and re-created, and counted here as a third request.
        var timeout = fault == FakeTwilioFault.Hang ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(30);
        using var sender = new TwilioSmsSender(Senders.For(_server, timeout: timeout));

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        Assert.Equal(SendResult.Sent(Assert.Single(_server.Accepted).Sid), result);
        Assert.Equal(2, _server.CreateRequests);
        Assert.Equal(1, _server.CountBySendId("send-1"));
    }

    [Fact]
    public async Task Rate_limit_is_retried_without_a_lookup_because_twilio_never_processed_it()
    {
        _server.FailNext(1, FakeTwilioFault.TooManyRequests);
        using var sender = new TwilioSmsSender(Senders.For(_server));

        await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        Assert.Equal(0, _server.ListRequests);
    }

    [Fact]
    public async Task Server_errors_beyond_max_retries_end_Transient_after_max_retries_plus_one_attempts()
    {
        _server.FailNext(4, FakeTwilioFault.ServerError);
        using var sender = new TwilioSmsSender(Senders.For(_server, maxRetries: 3));

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        Assert.Equal((SendStatus.Transient, "20500"), (result.Status, result.ErrorCode));
        Assert.Equal(4, _server.CreateRequests);
        Assert.Empty(_server.Accepted);
    }

    [Fact]
    public async Task Hanging_server_beyond_max_retries_ends_Transient_timeout()
    {
        _server.FailNext(2, FakeTwilioFault.Hang);
        // Long enough for each request to reach the fake on a loaded machine, so both hang there and are counted.
        using var sender = new TwilioSmsSender(Senders.For(_server, maxRetries: 1, timeout: TimeSpan.FromSeconds(2)));

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        Assert.Equal((SendStatus.Transient, "timeout"), (result.Status, result.ErrorCode));
        Assert.Equal(2, _server.CreateRequests);
    }

    [Fact]
    public async Task Lost_answer_after_accept_is_recovered_by_lookup_and_not_sent_again()
    {
        _server.FailNext(1, FakeTwilioFault.AcceptThenDrop);
        using var sender = new TwilioSmsSender(Senders.For(_server));

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        Assert.Equal(SendResult.Sent(Assert.Single(_server.Accepted).Sid), result);
        Assert.Equal(1, _server.CreateRequests);
        Assert.Equal(1, _server.CountBySendId("send-1"));
    }

    [Fact]
    public async Task Lost_answer_on_the_last_attempt_is_recovered_by_a_final_lookup()
    {
        _server.FailNext(1, FakeTwilioFault.AcceptThenDrop);
        using var sender = new TwilioSmsSender(Senders.For(_server, maxRetries: 0));

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        Assert.Equal(SendResult.Sent(Assert.Single(_server.Accepted).Sid), result);
    }

    [Fact]
    public async Task Earlier_message_with_the_same_body_from_another_send_is_not_taken_for_ours()
    {
        // Twilio's clock says the earlier message is five minutes old: outside the recovery window.
        var twilioClock = new ManualTimeProvider(TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(5));
        await using var server = await FakeTwilioServer.StartAsync(timeProvider: twilioClock);
        using var sender = new TwilioSmsSender(Senders.For(server));
        await sender.SendAsync(new SmsMessage("send-0", "+15551234567", "Come back"), CancellationToken.None);
        server.FailNext(1, FakeTwilioFault.Drop);

        var result = await sender.SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        Assert.Equal(1, server.CountBySendId("send-1"));
        Assert.Equal(SendResult.Sent(server.Accepted.Single(m => m.SendId == "send-1").Sid), result);
    }

    [Theory]
    [InlineData(FakeTwilioFault.AcceptThenDrop)]
    [InlineData(FakeTwilioFault.Drop)]
    [InlineData(FakeTwilioFault.ServerError)]
    [InlineData(FakeTwilioFault.TooManyRequests)]
    public async Task Every_send_lands_exactly_once_when_a_third_of_requests_fail(FakeTwilioFault fault)
    {
        _server.FailFraction(0.33, fault, seed: 7);
        using var sender = new TwilioSmsSender(Senders.For(_server, maxRetries: 8));
        var messages = Enumerable.Range(0, 40).Select(i => new SmsMessage($"send-{i}", $"+1555000{i:D4}", $"Offer {i}")).ToList();

        var results = await Task.WhenAll(messages.Select(m => sender.SendAsync(m, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(SendStatus.Sent, r.Status));
        Assert.All(messages, m => Assert.Equal(1, _server.CountBySendId(m.SendId)));
        Assert.Equal(results.Select(r => r.ProviderMessageId).Order(), _server.Accepted.Select(m => m.Sid).Order());
    }
}
