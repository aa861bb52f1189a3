using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.SendGrid.Tests.Support;
using ChurnFunctions.Testing;

namespace ChurnFunctions.SendGrid.Tests.Sending;

/// <summary>Retries against the fake SendGrid's faults: what is retried, how often, and how long it waits.</summary>
public sealed class SendGridEmailSenderRetryTests
{
    // A guard for sends that should finish at once; generous, so that only a send that really waits reaches it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Rate_limited_send_is_retried_once_after_the_retry_after_delay()
    {
        var clock = new ManualTimeProvider();
        var start = clock.GetUtcNow();
        await using var harness = await SenderHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(30), clock);
        harness.Server.FailNext(1, FakeSendGridFault.TooManyRequests(TimeSpan.FromSeconds(7)));

        var sending = harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None);
        await clock.WaitForTimerAtAsync(start + TimeSpan.FromSeconds(7)).WaitAsync(Patience);
        Assert.Equal(1, harness.Server.RequestCount);
        clock.Advance(TimeSpan.FromSeconds(7));
        var result = await sending.WaitAsync(Patience);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(2, harness.Server.RequestCount);
        Assert.Equal(1, harness.Server.CountBySendId("alert-7"));
    }

    [Fact]
    public async Task Retry_after_beyond_the_cap_returns_transient_without_waiting()
    {
        await using var harness = await SenderHarness.StartAsync(o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));
        harness.Server.FailNext(1, FakeSendGridFault.TooManyRequests(TimeSpan.FromMinutes(5)));

        var result = await harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Equal("429", result.ErrorCode);
        Assert.Equal(1, harness.Server.RequestCount);
    }

    [Fact]
    public async Task Server_errors_on_every_attempt_return_transient_after_max_retries()
    {
        await using var harness = await SenderHarness.StartAsync(o => o.MaxRetries = 3);
        harness.Server.FailNext(4, FakeSendGridFault.ServerError);

        var result = await harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Equal("500", result.ErrorCode);
        Assert.Equal(4, harness.Server.RequestCount);
        Assert.Empty(harness.Server.Accepted);
        Assert.Equal(3, harness.Logs.Lines.Count(l => l.Contains(" 4102 ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Server_error_then_accept_returns_sent()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.FailNext(2, FakeSendGridFault.ServerError);

        var result = await harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(3, harness.Server.RequestCount);
    }

    [Fact]
    public async Task No_retries_configured_means_one_attempt()
    {
        await using var harness = await SenderHarness.StartAsync(o => o.MaxRetries = 0);
        harness.Server.FailNext(1, FakeSendGridFault.ServerError);

        var result = await harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Equal(1, harness.Server.RequestCount);
    }

    [Fact]
    public async Task Response_slower_than_the_timeout_is_not_retried_and_is_reported_as_maybe_sent()
    {
        // Long enough for the request to reach the fake on a loaded machine, so it is the slow answer that times out.
        await using var harness = await SenderHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(2));
        harness.Server.FailNext(1, FakeSendGridFault.Slow(TimeSpan.FromSeconds(30)));

        var result = await harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.True(result.MaybeSent);
        Assert.Equal("timeout", result.ErrorCode);
        Assert.Equal(1, harness.Server.RequestCount);
    }

    [Fact]
    public async Task Connection_dropped_after_the_request_is_not_retried_and_is_reported_as_maybe_sent()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.FailNext(1, FakeSendGridFault.DropConnection);

        var result = await harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.True(result.MaybeSent);
        Assert.Equal(1, harness.Server.RequestCount);
    }

    [Fact]
    public async Task Lost_answer_after_acceptance_is_not_retried_so_sendgrid_holds_the_send_id_once()
    {
        // SendGrid has no idempotency key: a retry here would send the message twice. The caller reconciles instead.
        await using var harness = await SenderHarness.StartAsync();
        harness.Server.FailNext(1, FakeSendGridFault.AcceptThenDrop);

        var result = await harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.True(result.MaybeSent);
        Assert.Equal(1, harness.Server.CountBySendId("alert-7"));
    }

    [Fact]
    public async Task Unreachable_server_returns_transient_connection_failure()
    {
        await using var harness = await SenderHarness.StartAsync(o => o.MaxRetries = 1);
        var sender = harness.Sender;
        await harness.Server.DisposeAsync();

        var result = await sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Equal("connection", result.ErrorCode);
        Assert.False(result.MaybeSent);
    }
}
